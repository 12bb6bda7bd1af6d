using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AcmDr.Cli.Options;

/// <summary>
/// A point in time given on the command line. It must say its zone (<c>Z</c> or an offset such as
/// <c>+01:00</c>): a time without one would silently be read in the machine's zone, which is rarely
/// the zone of the person who noted when the flip happened.
/// </summary>
public static partial class TimeOption
{
    public static Option<DateTimeOffset?> Create(string name, string description) => new(name)
    {
        Description = description + " (ISO 8601 with its zone, such as 2026-12-02T12:00:00Z or 2026-12-02T13:00:00+01:00)",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            var (time, problem) = Read(name, text);
            if (problem is not null)
            {
                result.AddError(problem);
            }

            return time;
        },
    };

    /// <summary>The time in <paramref name="text"/>, or why it is refused (a line naming <paramref name="name"/>).</summary>
    public static (DateTimeOffset? Time, string? Problem) Read(string name, string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var time))
        {
            return (null, $"{name} '{text}' is not a time such as 2026-12-02T12:00:00Z");
        }

        return Zone().IsMatch(text.Trim())
            ? (time, null)
            : (null, $"{name} '{text}' has no time zone: write it as {time.DateTime:yyyy-MM-ddTHH:mm:ss}Z for UTC, or with its offset such as {time.DateTime:yyyy-MM-ddTHH:mm:ss}+01:00");
    }

    [GeneratedRegex(@"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$")]
    private static partial Regex Zone();
}
