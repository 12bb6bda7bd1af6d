using System.Text;

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
                    if (end >= 0)
                    {
                        output[length++] = (byte)'\n';
                    }

                    continue;
                }

                skipIndent = -1;
            }

            if (IsSkippedKey(content[indent..]))
            {
                skipIndent = indent;
            }

            line.CopyTo(output.AsSpan(length));
            length += line.Length;
        }

        return Encoding.UTF8.GetString(output, 0, length);
    }

    private static bool IsSkippedKey(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd((byte)' ');
        return line.SequenceEqual("spec:"u8) || line.SequenceEqual("managedFields:"u8);
    }
}
