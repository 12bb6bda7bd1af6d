using System.Globalization;
using System.Text.RegularExpressions;

namespace AcmDr.Core.Dual;

/// <summary>Reads a Go <c>time.Duration</c> as Ramen writes <c>status.actionDuration</c> (<c>2m3.5s</c>, <c>1h0m0s</c>, <c>850ms</c>).</summary>
public static partial class GoDurationText
{
    /// <summary>The duration, or null when the text is missing or not a Go duration.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return null;
        }

        var parts = Part().Matches(text);
        if (parts.Count == 0 || parts.Sum(m => m.Length) != text.Length)
        {
            return null;
        }

        var total = 0.0;
        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["unit"].Value switch
            {
                "h" => value * 3600,
                "m" => value * 60,
                "s" => value,
                "ms" => value / 1e3,
                "us" or "µs" => value / 1e6,
                _ => value / 1e9,
            };
        }

        return total <= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(total) : null;
    }

    [GeneratedRegex(@"(?<value>\d{1,18}(?:\.\d{1,18})?)(?<unit>ms|us|µs|ns|h|m|s)")]
    private static partial Regex Part();
}
