using System.CommandLine;
using System.Text.RegularExpressions;
using AcmDr.Core.Text;

namespace AcmDr.Cli;

/// <summary>
/// The command-line parser's errors in acmdr's words: no .NET type names, and a near miss of a
/// command name gets a "did you mean".
/// </summary>
internal static partial class ParseErrorText
{
    /// <summary>The lines to print for <paramref name="parse"/>'s errors, one per problem.</summary>
    public static IReadOnlyList<string> Lines(ParseResult parse, Command root)
    {
        var messages = parse.Errors.Select(e => e.Message).ToList();
        var unknown = messages.Select(m => UnknownToken().Match(m)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var lines = new List<string>();
        if (unknown is not null && parse.CommandResult.Command == root && !unknown.StartsWith('-'))
        {
            // 'acmdr genrate': the parser also says a command is missing; one line says it all.
            var near = Nearest(unknown, root.Subcommands.Select(c => c.Name));
            lines.Add($"unknown command '{unknown}'{(near is null ? string.Empty : $"; did you mean '{near}'?")} (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})");
            messages.RemoveAll(m => m.Contains(unknown, StringComparison.Ordinal) || m.StartsWith("Required command", StringComparison.Ordinal));
        }

        lines.AddRange(messages.Select(Reworded));
        return lines;
    }

    /// <summary>"Cannot parse argument 'one' for option '--tier' as expected type 'System.Int32'." in acmdr's words.</summary>
    public static string Reworded(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var (value, option, type) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        var expected = type switch
        {
            _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) => "a time such as 2026-12-02T12:00:00Z",
            _ => "a value it takes",
        };
        return $"{option} '{value}' is not {expected}";
    }

    /// <summary>The candidate within two edits of <paramref name="word"/> (or starting with it), nearest first; null when none is close.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Name: c, Distance: c.StartsWith(word, StringComparison.OrdinalIgnoreCase) && word.Length >= 3 ? 0 : EditDistance.Between(word.ToLowerInvariant(), c)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$")]
    private static partial Regex UnknownToken();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.?$")]
    private static partial Regex CannotParse();
}
