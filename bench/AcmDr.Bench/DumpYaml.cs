using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AcmDr.Bench;

/// <summary>
/// Writes JSON as YAML the way <c>kubectl get -o yaml</c> lays it out (its emitter is go-yaml v2's):
/// two-space mappings, sequences not indented under their key, multi-line strings as literal blocks;
/// a string that would read as something else (a number, a time, a boolean, null) double-quoted, one
/// that plain YAML cannot hold (<c>": "</c>, <c>" #"</c>, a leading indicator) single-quoted, any other
/// plain. Plain and single-quoted strings are folded as go-yaml folds them at its 80-column width: at
/// a single space once the line is past column 80, the rest continuing two columns deeper than the
/// key. (The double-quoted strings of a policy dump are short: times, versions, empty strings.)
/// Mapping keys are sorted as go-yaml sorts a map's keys (<see cref="KeyOrder"/>).
/// </summary>
internal static partial class DumpYaml
{
    private const int Width = 80;

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?|\.(inf|Inf|INF|nan|NaN|NAN))$")]
    private static partial Regex NumberOrTime();

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    public static void Write(TextWriter output, JsonNode root)
    {
        var text = new StringBuilder();
        Node(text, root, 0, string.Empty);
        output.Write(text.ToString());
    }

    /// <summary>Writes <paramref name="node"/> as a block at <paramref name="indent"/>; the first line starts with <paramref name="first"/> instead of the indent.</summary>
    private static void Node(StringBuilder text, JsonNode? node, int indent, string? first)
    {
        switch (node)
        {
            case JsonObject obj:
                var firstLine = true;
                // kubectl's objects are Go maps: go-yaml writes their keys in its natural order.
                foreach (var (key, value) in obj.OrderBy(e => e.Key, KeyOrder.Instance))
                {
                    text.Append(firstLine && first is not null ? first : new string(' ', indent)).Append(Key(key)).Append(':');
                    firstLine = false;
                    Value(text, value, indent);
                }

                break;
            case JsonArray array:
                var firstItem = true;
                foreach (var item in array)
                {
                    var prefix = (firstItem && first is not null ? first : new string(' ', indent)) + "- ";
                    firstItem = false;
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        Node(text, item, indent + 2, prefix);
                    }
                    else
                    {
                        text.Append(prefix[..^1]);
                        Value(text, item, indent);
                    }
                }

                break;
            default:
                text.Append(first);
                Scalar(text, node, indent);
                text.Append('\n');
                break;
        }
    }

    /// <summary>The rest of a line after "key:" or "-".</summary>
    private static void Value(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonObject:
                text.Append('\n');
                Node(text, value, indent + 2, null);
                break;
            case JsonArray:
                text.Append('\n');
                Node(text, value, indent, null);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && IsLiteralBlock(v.GetValue<string>()):
                var s = v.GetValue<string>();
                text.Append(s.EndsWith('\n') ? " |\n" : " |-\n");
                foreach (var line in s.TrimEnd('\n').Split('\n'))
                {
                    text.Append(' ', line.Length == 0 ? 0 : indent + 2).Append(line).Append('\n');
                }

                break;
            default:
                text.Append(' ');
                Scalar(text, value, indent);
                text.Append('\n');
                break;
        }
    }

    private static bool IsLiteralBlock(string s) =>
        s.Contains('\n', StringComparison.Ordinal) && !s.StartsWith(' ') && !s.Contains('\r', StringComparison.Ordinal)
        && !s.TrimEnd('\n').Contains('\n' + "\n", StringComparison.Ordinal)
        && s.Split('\n').All(line => !line.EndsWith(' ') && !line.EndsWith('\t'));

    private static string Key(string key) => Style(key) switch
    {
        '\'' => "'" + key.Replace("'", "''", StringComparison.Ordinal) + "'",
        '"' => JsonSerializer.Serialize(key),
        _ => key,
    };

    /// <summary>A scalar value whose line started at <paramref name="indent"/>, folded past the width.</summary>
    private static void Scalar(StringBuilder text, JsonNode? node, int indent)
    {
        if (node is null)
        {
            text.Append("null");
            return;
        }

        var value = node.AsValue();
        if (value.GetValueKind() != JsonValueKind.String)
        {
            text.Append(value.ToJsonString());
            return;
        }

        var s = value.GetValue<string>();
        var style = Style(s);
        if (style == '"')
        {
            text.Append(JsonSerializer.Serialize(s));
            return;
        }

        var column = 0;
        while (column < text.Length && text[text.Length - 1 - column] != '\n')
        {
            column++;
        }

        if (style == '\'')
        {
            text.Append('\'');
            column++;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var breakable = c == ' ' && i > 0 && s[i - 1] != ' ' && i + 1 < s.Length && s[i + 1] != ' ';
            if (breakable && column > Width)
            {
                text.Append('\n').Append(' ', indent + 2);
                column = indent + 2;
                continue;
            }

            text.Append(c == '\'' && style == '\'' ? "''" : c.ToString());
            column += c == '\'' && style == '\'' ? 2 : 1;
        }

        if (style == '\'')
        {
            text.Append('\'');
        }
    }

    /// <summary>How go-yaml v2 writes a one-line string: <c>p</c>lain, <c>'</c> or <c>"</c>.</summary>
    private static char Style(string s)
    {
        if (s.Length == 0 || Reserved.Contains(s) || NumberOrTime().IsMatch(s) || s.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            return '"';
        }

        var plain = s[0] is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ')
            && !s.EndsWith(' ') && !s.EndsWith(':')
            && !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal);
        return plain ? 'p' : '\'';
    }
}

/// <summary>
/// go-yaml v2's order of string map keys (<c>keyList.Less</c>): letters before other characters
/// unless a digit run is being compared, runs of digits by their value, otherwise by character.
/// </summary>
internal sealed class KeyOrder : IComparer<string>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = x ?? string.Empty;
        var b = y ?? string.Empty;
        var digits = false;
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                digits = char.IsDigit(a[i]);
                continue;
            }

            var al = char.IsLetter(a[i]);
            var bl = char.IsLetter(b[i]);
            if (al && bl)
            {
                return a[i].CompareTo(b[i]);
            }

            if (al || bl)
            {
                return (digits ? al : bl) ? -1 : 1;
            }

            long an = 0, bn = 0;
            if (a[i] == '0' || b[i] == '0')
            {
                for (var j = i - 1; j >= 0 && char.IsDigit(a[j]); j--)
                {
                    if (a[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            var ai = i;
            for (; ai < a.Length && char.IsDigit(a[ai]); ai++)
            {
                an = (an * 10) + (a[ai] - '0');
            }

            var bi = i;
            for (; bi < b.Length && char.IsDigit(b[bi]); bi++)
            {
                bn = (bn * 10) + (b[bi] - '0');
            }

            if (an != bn)
            {
                return an.CompareTo(bn);
            }

            return ai != bi ? ai.CompareTo(bi) : a[i].CompareTo(b[i]);
        }

        return a.Length.CompareTo(b.Length);
    }
}
