using System.Text;
using AcmDr.Core.Inventory;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>
/// Blanks out the block-style subtrees the report never reads (<c>spec:</c> and <c>managedFields:</c>
/// on a line of their own, as kubectl writes them) before the YAML parser sees them: the parser
/// would otherwise scan every character of every policy template only to skip it. Each skipped
/// line becomes an empty line, so positions in error messages stay right.
/// </summary>
internal static class YamlSkipper
{
    public static string Filter(ReadOnlySpan<byte> bytes)
    {
        var output = new byte[bytes.Length];
        var length = 0;
        var skipIndent = -1;
        // The key indent of the object whose 'kind: DRPlacementControl' was seen (kubectl writes kind before spec): its spec is kept.
        var keepSpecIndent = -1;
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..(end + 1)];
            bytes = bytes[line.Length..];
            var content = line.TrimEnd("\r\n"u8);
            var indent = content.Length - content.TrimStart((byte)' ').Length;
            if (skipIndent >= 0)
            {
                var blank = content.Trim((byte)' ').Length == 0;
                var inside = blank || indent > skipIndent || (indent == skipIndent && content[indent..].StartsWith("- "u8));
                if (inside)
                {
                    // The one line kept from a skipped block: a -site template's resolved site, raised to the
                    // block's level so it reads as a key of the object (never longer than the line it replaces).
                    if (ResolvedSite(content[indent..]) is { } site)
                    {
                        output.AsSpan(length, skipIndent).Fill((byte)' ');
                        length += skipIndent;
                        ResolvedSiteKey.CopyTo(output.AsSpan(length));
                        length += ResolvedSiteKey.Length;
                        site.CopyTo(output.AsSpan(length));
                        length += site.Length;
                    }

                    if (end >= 0)
                    {
                        output[length++] = (byte)'\n';
                    }

                    continue;
                }

                skipIndent = -1;
            }

            keepSpecIndent = KeepSpecIndent(content, indent, keepSpecIndent);
            if (IsSkippedKey(content[indent..]) && !(indent == keepSpecIndent && content[indent..].TrimEnd((byte)' ').SequenceEqual("spec:"u8)))
            {
                skipIndent = indent;
            }

            line.CopyTo(output.AsSpan(length));
            length += line.Length;
        }

        return Encoding.UTF8.GetString(output, 0, length);
    }

    private static readonly byte[] ResolvedSiteKey = Encoding.UTF8.GetBytes(JsonDumpReader.ResolvedSiteKey + ": ");

    /// <summary>The value of an <c>acmdr.io/site: SITE</c> line when it is a site name (a hub template is not).</summary>
    private static byte[]? ResolvedSite(ReadOnlySpan<byte> line)
    {
        if (!line.StartsWith(ResolvedSiteKey))
        {
            return null;
        }

        var value = line[ResolvedSiteKey.Length..].Trim((byte)' ');
        return Names.IsLabelValue(Encoding.UTF8.GetString(value)) ? value.ToArray() : null;
    }

    private static readonly byte[] DrpcKind = Encoding.UTF8.GetBytes("kind: " + DrpcObjects.Kind);

    /// <summary>
    /// Follows which object's spec to keep: a <c>kind: DRPlacementControl</c> line (maybe opening a list item) sets its key
    /// indent; a new item, another kind or a line left of it ends that object.
    /// </summary>
    private static int KeepSpecIndent(ReadOnlySpan<byte> content, int indent, int current)
    {
        var keyIndent = indent;
        var key = content[indent..];
        while (key.StartsWith("- "u8))
        {
            // A new list item: whatever object was open at this indent is over.
            keyIndent += 2;
            key = key[2..];
            if (keyIndent <= current)
            {
                current = -1;
            }
        }

        if (key.Trim((byte)' ').Length == 0)
        {
            return current;
        }

        if (key.StartsWith("kind:"u8))
        {
            return key.TrimEnd((byte)' ').SequenceEqual(DrpcKind) ? keyIndent : keyIndent == current ? -1 : current;
        }

        return keyIndent < current ? -1 : current;
    }

    private static bool IsSkippedKey(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd((byte)' ');
        return line.SequenceEqual("spec:"u8) || line.SequenceEqual("managedFields:"u8);
    }
}
