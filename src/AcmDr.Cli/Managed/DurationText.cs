using System.Globalization;
using System.Text.RegularExpressions;
using AcmDr.Core;

namespace AcmDr.Cli.Managed;

/// <summary>Durations as kubectl users write them: <c>30m</c>, <c>90s</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
public static partial class DurationText
{
    public static TimeSpan Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = Part().Matches(text);
        if (text.Length == 0 || parts.Sum(m => m.Length) != text.Length)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"{option} '{text}' is not a duration such as 30m, 90s or 1h30m");
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var n = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                _ => TimeSpan.FromMilliseconds(n),
            };
        }

        return total > TimeSpan.Zero
            ? total
            : throw new AcmDrException(ExitCodes.InvalidInput, $"{option} must be longer than zero");
    }

    [GeneratedRegex(@"\G([0-9]{1,6})(ms|h|m|s)")]
    private static partial Regex Part();
}
