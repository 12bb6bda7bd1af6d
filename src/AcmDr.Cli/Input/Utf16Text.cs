using System.Text;

namespace AcmDr.Cli.Input;

/// <summary>A UTF-16 byte order: its name as shown ("UTF-16LE") and whether the high byte comes first.</summary>
internal sealed record Utf16Kind(string Name, bool BigEndian);

/// <summary>Text read from a file as UTF-8 bytes, and the encoding it was transcoded from (null: it was UTF-8).</summary>
public sealed record DecodedText(ReadOnlyMemory<byte> Utf8, string? Encoding);

/// <summary>
/// Recognises UTF-16 (Excel's "Unicode Text" and other spreadsheet exports) and transcodes it to
/// UTF-8, keeping every line break where it was so that line numbers in errors stay right.
/// </summary>
internal static class Utf16Text
{
    private const int PairsLooked = 32;

    private static readonly Utf16Kind Little = new("UTF-16LE", BigEndian: false);

    private static readonly Utf16Kind Big = new("UTF-16BE", BigEndian: true);

    /// <summary>
    /// The byte order when <paramref name="bytes"/> begin with a UTF-16 byte-order mark, or without one
    /// when the first characters (up to 32) are all ASCII, each one byte beside a NUL; else null.
    /// </summary>
    public static Utf16Kind? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Little;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Big;
        }

        var pairs = Math.Min(bytes.Length / 2, PairsLooked);
        return pairs < 2 ? null : AsciiPairs(bytes, pairs, bigEndian: false) ? Little : AsciiPairs(bytes, pairs, bigEndian: true) ? Big : null;
    }

    /// <summary>
    /// The text as UTF-8 without a byte-order mark; an odd length, a lone surrogate or a NUL character is
    /// refused through <paramref name="fail"/> or, with its line and column, <paramref name="failAt"/>.
    /// </summary>
    public static byte[] ToUtf8(ReadOnlySpan<byte> bytes, Utf16Kind kind, Func<string, Exception> fail, Func<int, int, string, Exception> failAt)
    {
        if (bytes.Length % 2 != 0)
        {
            throw fail($"is not valid {kind.Name}: it has an odd number of bytes ({bytes.Length})");
        }

        var chars = new char[bytes.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            var (high, low) = kind.BigEndian ? (bytes[2 * i], bytes[(2 * i) + 1]) : (bytes[(2 * i) + 1], bytes[2 * i]);
            chars[i] = (char)((high << 8) | low);
        }

        var text = chars.AsSpan(chars.Length > 0 && chars[0] == '\uFEFF' ? 1 : 0);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\0')
            {
                throw failAt(line, i - lineStart + 1, $"is not a text file (a NUL character); expected {kind.Name} text");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw failAt(line, i - lineStart + 1, $"not valid {kind.Name} (a lone surrogate U+{(int)c:X4})");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToArray());
    }

    private static bool AsciiPairs(ReadOnlySpan<byte> bytes, int pairs, bool bigEndian)
    {
        for (var i = 0; i < pairs; i++)
        {
            var (high, low) = bigEndian ? (bytes[2 * i], bytes[(2 * i) + 1]) : (bytes[(2 * i) + 1], bytes[2 * i]);
            if (high != 0 || low is 0 or >= 0x80)
            {
                return false;
            }
        }

        return true;
    }
}
