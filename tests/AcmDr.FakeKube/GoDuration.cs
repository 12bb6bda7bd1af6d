using System.Globalization;
using System.Text.RegularExpressions;

namespace AcmDr.FakeKube;

/// <summary>Reads the Go durations clients put in <c>?timeout=</c> (<c>32s</c>, <c>1m0s</c>, <c>500ms</c>).</summary>
internal static partial class GoDuration
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        var parts = Part().Matches(text);
        if (parts.Sum(m => m.Length) != text.Length)
        {
            return null;
        }

        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.Zero,
            };
        }

        return total > TimeSpan.Zero ? total : null;
    }

    [GeneratedRegex(@"(?<value>\d+(?:\.\d+)?)(?<unit>ms|us|µs|ns|h|m|s)")]
    private static partial Regex Part();
}
