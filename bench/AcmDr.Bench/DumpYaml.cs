using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AcmDr.Bench;

/// <summary>
/// Writes JSON as YAML the way <c>kubectl get -o yaml</c> lays it out: two-space mappings, sequences
/// not indented under their key, multi-line strings as literal blocks, strings quoted only when a
/// YAML reader would take them for something else (then as JSON strings, which YAML also reads).
/// </summary>
internal static partial class DumpYaml
{
    [GeneratedRegex("^[A-Za-z/][A-Za-z0-9 ._/:,()+=@-]*$")]
    private static partial Regex PlainCandidate();

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
                foreach (var (key, value) in obj)
                {
                    text.Append(firstLine && first is not null ? first : new string(' ', indent)).Append(Scalar(key)).Append(':');
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
                text.Append(first).Append(Scalar(node)).Append('\n');
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
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static bool IsLiteralBlock(string s) =>
        s.Contains('\n', StringComparison.Ordinal) && !s.StartsWith(' ') && !s.Contains('\r', StringComparison.Ordinal)
        && !s.TrimEnd('\n').Contains('\n' + "\n", StringComparison.Ordinal)
        && s.Split('\n').All(line => !line.EndsWith(' ') && !line.EndsWith('\t'));

    private static string Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var value = node.AsValue();
        return value.GetValueKind() == JsonValueKind.String ? Scalar(value.GetValue<string>()) : value.ToJsonString();
    }

    private static string Scalar(string s) =>
        PlainCandidate().IsMatch(s) && !Reserved.Contains(s) && !s.EndsWith(' ') && !s.EndsWith(':')
            && !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal)
            ? s
            : JsonSerializer.Serialize(s);
}
