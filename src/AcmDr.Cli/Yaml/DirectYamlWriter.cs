using System.Buffers;
using System.Text;
using AcmDr.Core.Manifests;
using YamlDotNet.Core;

namespace AcmDr.Cli.Yaml;

/// <summary>
/// Writes the common shapes of generated manifests straight to text, in the layout of
/// <see cref="ManifestYamlWriter"/>'s emitter settings. The emitter analyses every scalar through a
/// chain of event objects and was most of <c>acmdr generate</c>'s time (1.3 s of 1.8 s on 10,000
/// VMs); here a scalar costs one scan. Its contract: Go's yaml.v3, the reader ACM uses, reads back
/// the tree that was written (tests check it with tests/gotmpl on the sample's files and on
/// generated trees). Anything outside the shapes it knows for certain (double quotes, non-ASCII,
/// flow or empty collections, unusual literal blocks) makes it give up, and the caller uses the
/// emitter for that file. The committed sample's files pin its bytes (golden tests).
/// </summary>
internal static class DirectYamlWriter
{
    private const int Indent = 2;

    /// <summary>Appends the documents as YAML; false (and nothing appended) when a node needs the full emitter.</summary>
    public static bool TryWrite(StringBuilder text, IReadOnlyList<Mapping> documents)
    {
        var start = text.Length;
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                text.Append("---\n");
            }

            if (documents[i].Entries.Count == 0 || !WriteMapping(text, documents[i], 0, firstLinePrefix: null))
            {
                text.Length = start;
                return false;
            }
        }

        return true;
    }

    /// <summary>A block mapping whose keys sit at <paramref name="indent"/>; the first key may follow a "- " already written.</summary>
    private static bool WriteMapping(StringBuilder text, Mapping mapping, int indent, string? firstLinePrefix)
    {
        var first = true;
        // By index: a foreach over the read-only list boxed an enumerator per mapping (4.5 MB at 10,000 VMs).
        var entries = mapping.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries[i];
            if (first && firstLinePrefix is not null)
            {
                text.Append(firstLinePrefix);
            }
            else
            {
                text.Append(' ', indent);
            }

            first = false;
            // Long keys become "? key" complex keys in the emitter (maxSimpleKeyLength 1024).
            if (key.Length > 1024 || !AppendInlineString(text, key))
            {
                return false;
            }

            text.Append(':');
            switch (value)
            {
                case Mapping { Entries.Count: > 0 } child:
                    text.Append('\n');
                    if (!WriteMapping(text, child, indent + Indent, null))
                    {
                        return false;
                    }

                    break;
                case Sequence { Items.Count: > 0 } sequence:
                    text.Append('\n');
                    if (!WriteSequence(text, sequence, indent + Indent))
                    {
                        return false;
                    }

                    break;
                case Core.Manifests.Scalar scalar when scalar.Value.Contains('\n', StringComparison.Ordinal):
                    // Multi-line text is a literal block or double-quoted (ScalarStyles.For).
                    if (ScalarStyles.For(scalar.Value) != ScalarStyle.Literal || !AppendLiteral(text, scalar.Value, indent + Indent))
                    {
                        return false;
                    }

                    break;
                default:
                    text.Append(' ');
                    if (!AppendLeaf(text, value))
                    {
                        return false;
                    }

                    text.Append('\n');
                    break;
            }
        }

        return true;
    }

    /// <summary>An indented block sequence: "- " at <paramref name="indent"/>, an item mapping's keys two further in.</summary>
    private static bool WriteSequence(StringBuilder text, Sequence sequence, int indent)
    {
        var items = sequence.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is Mapping { Entries.Count: > 0 } mapping)
            {
                if (!WriteMapping(text, mapping, indent + Indent, ItemPrefix(indent)))
                {
                    return false;
                }

                continue;
            }

            text.Append(' ', indent).Append("- ");
            if (!AppendLeaf(text, item))
            {
                return false;
            }

            text.Append('\n');
        }

        return true;
    }

    // "- " after the indent of a sequence item: made once per depth, not once per item.
    private static readonly string[] ItemPrefixes = MakeItemPrefixes(16);

    private static string[] MakeItemPrefixes(int depths)
    {
        var prefixes = new string[depths];
        for (var depth = 0; depth < depths; depth++)
        {
            prefixes[depth] = new string(' ', depth * Indent) + "- ";
        }

        return prefixes;
    }

    private static string ItemPrefix(int indent) =>
        indent % Indent == 0 && indent / Indent < ItemPrefixes.Length ? ItemPrefixes[indent / Indent] : new string(' ', indent) + "- ";

    private static bool AppendLeaf(StringBuilder text, ManifestNode node) => node switch
    {
        TypedScalar typed => AppendTyped(text, typed),
        Core.Manifests.Scalar scalar => AppendInlineString(text, scalar.Value),
        _ => false,
    };

    private static bool AppendTyped(StringBuilder text, TypedScalar typed)
    {
        text.Append(typed.Literal);
        return typed.Literal.Length > 0 && IsPrintableAscii(typed.Literal);
    }

    /// <summary>A one-line string: plain, or single-quoted with quotes doubled. The emitter keeps both styles for printable ASCII.</summary>
    private static bool AppendInlineString(StringBuilder text, string value)
    {
        switch (ScalarStyles.For(value))
        {
            case ScalarStyle.Plain:
                text.Append(value);
                return true;
            case ScalarStyle.SingleQuoted when IsPrintableAscii(value):
                text.Append('\'');
                var rest = value.AsSpan();
                for (var quote = rest.IndexOf('\''); quote >= 0; quote = rest.IndexOf('\''))
                {
                    text.Append(rest[..(quote + 1)]).Append('\'');
                    rest = rest[(quote + 1)..];
                }

                text.Append(rest).Append('\'');
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// "|" (one final newline) or "|-" (none), then each line at <paramref name="indent"/>. Empty lines,
    /// several final newlines and tabs have their own rules in the emitter: left to it.
    /// </summary>
    private static bool AppendLiteral(StringBuilder text, string value, int indent)
    {
        var body = value.AsSpan(0, value.EndsWith('\n') ? value.Length - 1 : value.Length);
        if (body.IsEmpty || body.EndsWith('\n') || body.Contains("\n\n", StringComparison.Ordinal) || !IsPrintableAscii(body, allowNewline: true))
        {
            return false;
        }

        text.Append(value.EndsWith('\n') ? " |\n" : " |-\n");
        foreach (var line in body.EnumerateLines())
        {
            text.Append(' ', indent).Append(line).Append('\n');
        }

        return true;
    }

    // Vectorised scans: every scalar of every file is checked, a hub template per VM among them.
    private static readonly SearchValues<char> PrintableAsciiOrNewline = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static bool IsPrintableAscii(ReadOnlySpan<char> value, bool allowNewline = false) =>
        allowNewline ? !value.ContainsAnyExcept(PrintableAsciiOrNewline) : !value.ContainsAnyExceptInRange(' ', '~');
}
