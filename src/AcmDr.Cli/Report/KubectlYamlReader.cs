using System.Globalization;
using System.Text;
using AcmDr.Cli.Yaml;

namespace AcmDr.Cli.Report;

/// <summary>
/// A line-based reader for the YAML subset <c>kubectl get -o yaml</c> writes (one document of block
/// mappings and sequences, single-line plain and quoted scalars, <c>{}</c> and <c>[]</c>), building
/// the same tree as <see cref="YamlDumpReader"/> several times faster. Anything outside that subset
/// (block or folded scalars, anchors, tags, flow collections, several documents, tabs, a malformed
/// line), or nesting deeper than <see cref="DepthLimitedParser.MaxDepth"/>, gives null, and the
/// caller reads the text with the full YAML parser instead, which also reports errors with their
/// position. The reader recurses once per level, so the depth bound is also what keeps a hostile
/// dump from overflowing the stack.
/// </summary>
internal sealed class KubectlYamlReader
{
    private static readonly System.Buffers.SearchValues<char> FlowCharacters = System.Buffers.SearchValues.Create("{}[],\"'");

    private readonly string text;
    private readonly List<(int Start, int End)> lines = [];
    private int pos;

    // Where the current line's content starts; a "- key: v" line is read again as a mapping line at the key's column.
    private int contentStart;

    // Mappings and sequences open around the current line, counted as the full parser counts them.
    private int depth;

    private KubectlYamlReader(string text)
    {
        this.text = text;
        for (var start = 0; start < text.Length;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var content = text.AsSpan(start, end - start);
            if (!content.IsWhiteSpace())
            {
                lines.Add((start, end));
            }

            start = end + 1;
        }
    }

    public static List<DumpNode>? TryRead(string text)
    {
        if (text.Contains('\t', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            || text.Contains("\n---", StringComparison.Ordinal) || text.StartsWith("---", StringComparison.Ordinal)
            || text.Contains("\n...", StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        var reader = new KubectlYamlReader(text);
        if (reader.lines.Count == 0)
        {
            return [];
        }

        reader.pos = -1;
        reader.Next();
        if (reader.Indent() != 0)
        {
            return null;
        }

        var root = reader.Block(0);
        return root is null || reader.pos != reader.lines.Count || root.Scalar is not null ? null : [root];
    }

    private int Indent() => contentStart - lines[pos].Start;

    private ReadOnlySpan<char> Content() => text.AsSpan(contentStart, lines[pos].End - contentStart).TrimEnd(' ');

    private bool IsItem() => Content() is ['-'] or ['-', ' ', ..];

    private void Next()
    {
        pos++;
        if (pos < lines.Count)
        {
            var (start, end) = lines[pos];
            var line = text.AsSpan(start, end - start);
            contentStart = start + (line.Length - line.TrimStart(' ').Length);
        }
    }

    private DumpNode? Block(int indent) => IsItem() ? Sequence(indent) : Mapping(indent);

    private DumpNode? Mapping(int indent) => Nested(indent, static (reader, at) => reader.MappingBody(at));

    private DumpNode? Sequence(int indent) => Nested(indent, static (reader, at) => reader.SequenceBody(at));

    private DumpNode? Nested(int indent, Func<KubectlYamlReader, int, DumpNode?> body)
    {
        if (depth == DepthLimitedParser.MaxDepth)
        {
            return null;
        }

        depth++;
        var node = body(this, indent);
        depth--;
        return node;
    }

    private DumpNode? MappingBody(int indent)
    {
        var map = new Dictionary<string, DumpNode>(StringComparer.Ordinal);
        while (pos < lines.Count && Indent() == indent && !IsItem())
        {
            var content = Content();
            var colon = content.IndexOf(": ");
            var keyEnd = colon >= 0 ? colon : content.EndsWith(":") ? content.Length - 1 : -1;
            if (keyEnd <= 0 || !IsPlainKey(content[..keyEnd]))
            {
                return null;
            }

            var key = content[..keyEnd].ToString();
            var rest = colon >= 0 ? content[(colon + 2)..].TrimStart(' ') : [];
            DumpNode? value;
            if (rest.Length == 0)
            {
                Next();
                value = pos < lines.Count && (Indent() > indent || (Indent() == indent && IsItem()))
                    ? Block(Indent())
                    : DumpNode.OfScalar(null);
            }
            else
            {
                value = Scalar(rest);
                Next();
            }

            if (value is null)
            {
                return null;
            }

            if (!DumpNode.IsSkipped(key))
            {
                map[key] = value;
            }
        }

        return pos < lines.Count && Indent() > indent ? null : DumpNode.OfMap(map);
    }

    private DumpNode? SequenceBody(int indent)
    {
        var items = new List<DumpNode>();
        while (pos < lines.Count && Indent() == indent && IsItem())
        {
            var content = Content();
            var rest = content.Length == 1 ? [] : content[2..];
            var spaces = rest.Length - rest.TrimStart(' ').Length;
            rest = rest.TrimStart(' ');
            DumpNode? item;
            if (rest.Length == 0)
            {
                Next();
                item = pos < lines.Count && Indent() > indent ? Block(Indent()) : DumpNode.OfScalar(null);
            }
            else if (rest[0] is '-' or '?' || IsKeyLine(rest))
            {
                if (rest[0] is '-' or '?')
                {
                    return null;
                }

                contentStart += 2 + spaces;
                item = Mapping(Indent());
            }
            else
            {
                item = Scalar(rest);
                Next();
            }

            if (item is null)
            {
                return null;
            }

            items.Add(item);
        }

        return pos < lines.Count && Indent() > indent ? null : DumpNode.OfItems(items);
    }

    private static bool IsKeyLine(ReadOnlySpan<char> content) =>
        content[0] is not ('"' or '\'') && (content.Contains(": ", StringComparison.Ordinal) || content.EndsWith(":"));

    private static bool IsPlainKey(ReadOnlySpan<char> key) =>
        key[0] is not ('"' or '\'' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or '{' or '[' or ',' or '-' or '?' or ':')
        && !key.ContainsAny(FlowCharacters) && !key.EndsWith(" ");

    /// <summary>A single-line scalar, or null when it is anything the subset does not cover.</summary>
    private static DumpNode? Scalar(ReadOnlySpan<char> value)
    {
        switch (value[0])
        {
            case '"':
                return DoubleQuoted(value);
            case '\'':
                var quoted = value.Length >= 2 && value[^1] == '\'' ? value[1..^1].ToString() : null;
                return quoted is null || quoted.Replace("''", string.Empty, StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal)
                    ? null
                    : DumpNode.OfScalar(quoted.Replace("''", "'", StringComparison.Ordinal));
            case '{':
                return value.SequenceEqual("{}") ? DumpNode.OfMap(new Dictionary<string, DumpNode>(StringComparer.Ordinal)) : null;
            case '[':
                return value.SequenceEqual("[]") ? DumpNode.OfItems([]) : null;
            case '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' or ',' or '?' or ':' or '-' or ']' or '}':
                return null;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.EndsWith(":"))
        {
            return null;
        }

        return value is "~" or "null" or "Null" or "NULL" ? DumpNode.OfScalar(null) : DumpNode.OfScalar(value.ToString());
    }

    private static DumpNode? DoubleQuoted(ReadOnlySpan<char> value)
    {
        if (value.Length < 2 || value[^1] != '"')
        {
            return null;
        }

        var inner = value[1..^1];
        if (inner.IndexOfAny('\\', '"') < 0)
        {
            return DumpNode.OfScalar(inner.ToString());
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '"')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= inner.Length)
            {
                return null;
            }

            switch (inner[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '0': builder.Append('\0'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'e': builder.Append('\u001b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case ' ': builder.Append(' '); break;
                case 'x' when Hex(inner, i + 1, 2, builder): i += 2; break;
                case 'u' when Hex(inner, i + 1, 4, builder): i += 4; break;
                case 'U' when Hex(inner, i + 1, 8, builder): i += 8; break;
                default: return null;
            }
        }

        return DumpNode.OfScalar(builder.ToString());
    }

    private static bool Hex(ReadOnlySpan<char> text, int start, int digits, StringBuilder builder)
    {
        if (start + digits > text.Length
            || !int.TryParse(text.Slice(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        builder.Append(char.ConvertFromUtf32(code));
        return true;
    }
}
