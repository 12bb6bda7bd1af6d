using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AcmDr.Core.Compliance;

/// <summary>
/// Makes status text safe to show: status comes from clusters, so it may carry terminal
/// escapes or control characters that would rewrite the user's terminal.
/// </summary>
public static partial class StatusText
{
    // CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-character escapes.
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1B]*(?:\x07|\x1B\\)?|[@-Z\\-_])?")]
    private static partial Regex Escape();

    /// <summary>Strips escapes, control and format characters; collapses white space.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsAlreadyClean(text))
        {
            return text;
        }

        var plain = Escape().Replace(text, string.Empty);
        var builder = new StringBuilder(plain.Length);
        var pendingSpace = false;
        foreach (var c in plain)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Printable ASCII, single spaces, none at the ends: what nearly every status says, kept as is.</summary>
    private static bool IsAlreadyClean(string text) =>
        text[0] != ' ' && text[^1] != ' '
        && !text.AsSpan().ContainsAnyExceptInRange(' ', '~')
        && !text.Contains("  ", StringComparison.Ordinal);
}
