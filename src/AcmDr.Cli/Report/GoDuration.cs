using System.Globalization;
using System.Text.RegularExpressions;

namespace AcmDr.Cli.Report;

/// <summary>Durations as kubectl users write them: <c>30m</c>, <c>90s</c>, <c>1h30m</c>.</summary>
internal static partial class GoDuration
{
    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = text is { Length: > 0 } ? Pattern().Match(text) : Match.Empty;
        if (!match.Success)
        {
            return false;
        }

        static int Part(Match m, string name) =>
            m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        duration = new TimeSpan(Part(match, "h"), Part(match, "m"), Part(match, "s"));
        return duration > TimeSpan.Zero;
    }
}
