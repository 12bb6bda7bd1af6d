using System.Buffers;
using System.Text;
using System.Text.Unicode;
using AcmDr.Core;

namespace AcmDr.Cli.Input;

/// <summary>
/// Reads a whole input file (inventory, settings, dump) into memory, never more than its kind's
/// <see cref="InputLimit"/>: the file is read in chunks and counted as it comes, because a device,
/// a FIFO or a file still being written reports no useful length (<c>/dev/zero</c> says 0) and
/// would otherwise grow the process until it runs out of memory. A NUL byte ends the read at once:
/// no text acmdr reads (UTF-8 CSV, YAML, JSON) may hold one, and it is how a binary file, a UTF-16
/// file or an endless device shows itself in the first few kilobytes.
/// </summary>
internal static class InputFile
{
    private const int Chunk = 1 << 16;

    private const int MaxChunk = 16 << 20;

    /// <summary>The file's bytes; a one-line <see cref="AcmDrException"/> (exit 2) naming <paramref name="shownAs"/> otherwise.</summary>
    public static ReadOnlyMemory<byte> Read(string path, string shownAs, InputLimit limit) => ReadDecoded(path, shownAs, limit, utf16: false).Utf8;

    /// <summary>
    /// The inventory as UTF-8 bytes, read as <see cref="Read"/> reads a file, except that UTF-16 (with a
    /// byte-order mark, or without one when the first characters are ASCII, as a spreadsheet's header
    /// is) is recognised before NUL bytes are refused, checked and transcoded; <see cref="DecodedText.Encoding"/> says which.
    /// </summary>
    public static DecodedText ReadInventory(string path, string shownAs, InputLimit limit) => ReadDecoded(path, shownAs, limit, utf16: true);

    private static DecodedText ReadDecoded(string path, string shownAs, InputLimit limit, bool utf16)
    {
        if (Directory.Exists(path))
        {
            throw Fail(shownAs, limit, "is a folder, not a file");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            Func<long, Exception> nulAt = at => Fail(shownAs, limit, $"is not a text file (a NUL byte at byte {at}); expected UTF-8 text");
            var bytes = ReadBounded(stream, limit.Bytes, () => TooLarge(shownAs, limit), nulAt, utf16 ? Utf16Text.Detect : null);
            return utf16 && Utf16Text.Detect(bytes.Span) is { } encoding
                ? new DecodedText(Utf16Text.ToUtf8(bytes.Span, encoding, problem => Fail(shownAs, limit, problem), (line, column, problem) => Fail($"{shownAs}:{line}:{column}", limit, problem)), encoding.Name)
                : new DecodedText(CheckedUtf8(shownAs, limit, bytes), null);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(shownAs, limit, $"{limit.Name} not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Fail(shownAs, limit, $"cannot read the file: {ex.Message}");
        }
    }

    /// <summary>
    /// The bytes of a small file another file points at (a kubeconfig's certificate, key or token
    /// file), at most <paramref name="maxBytes"/>; no text checks, as a key may be binary. Failures
    /// are <see cref="IOException"/>s for the caller to name the field that points there.
    /// </summary>
    public static byte[] ReadReferenced(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        return ReadBounded(stream, maxBytes, () => new IOException($"it is larger than {ByteSize.Format(maxBytes)}"), nulAt: null, utf16: null).ToArray();
    }

    /// <summary>
    /// The stream's bytes, counted as they come and refused past <paramref name="maxBytes"/>: a regular
    /// file says its size and is refused before reading; anything else (a device, a FIFO) is read and
    /// counted. With <paramref name="nulAt"/> (text), a NUL byte ends the read at once (its 1-based position),
    /// unless <paramref name="utf16"/> recognises UTF-16 in the first bytes read.
    /// </summary>
    private static ReadOnlyMemory<byte> ReadBounded(FileStream stream, long maxBytes, Func<Exception> tooLarge, Func<long, Exception>? nulAt, Func<ReadOnlySpan<byte>, Utf16Kind?>? utf16)
    {
        var known = stream.CanSeek ? stream.Length : 0;
        if (known > maxBytes)
        {
            throw tooLarge();
        }

        // Chunks, joined at the end: growing one array by doubling would hold the old and the new
        // copy at once, three times the limit for an endless stream before it is refused.
        var chunks = new List<byte[]>();
        var chunk = new byte[known > 0 ? known + 1 : Chunk];
        var filled = 0;
        long length = 0;
        while (true)
        {
            if (filled == chunk.Length)
            {
                chunks.Add(chunk);
                chunk = new byte[Math.Min(Math.Max(Chunk, length / 4), MaxChunk)];
                filled = 0;
            }

            var read = stream.Read(chunk, filled, chunk.Length - filled);
            if (read == 0)
            {
                chunks.Add(chunk);
                return Join(chunks, filled, length);
            }

            if (length == 0 && utf16 is not null && utf16(chunk.AsSpan(0, read)) is not null)
            {
                nulAt = null;
            }

            var nul = nulAt is null ? -1 : chunk.AsSpan(filled, read).IndexOf((byte)0);
            if (nul >= 0)
            {
                throw nulAt!(length + nul + 1);
            }

            filled += read;
            length += read;
            if (length > maxBytes)
            {
                throw tooLarge();
            }
        }
    }

    /// <summary>The file as text (UTF-8, a byte-order mark dropped), read as <see cref="Read"/> reads it.</summary>
    public static string ReadText(string path, string shownAs, InputLimit limit)
    {
        var bytes = Read(path, shownAs, limit).Span;
        return Encoding.UTF8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
    }

    /// <summary>The chunks as one block; the last holds <paramref name="lastFilled"/> bytes, all others are full.</summary>
    private static ReadOnlyMemory<byte> Join(List<byte[]> chunks, int lastFilled, long length)
    {
        if (chunks.Count == 1)
        {
            return chunks[0].AsMemory(0, lastFilled);
        }

        var all = new byte[length];
        var at = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var part = i == chunks.Count - 1 ? chunks[i].AsSpan(0, lastFilled) : chunks[i];
            part.CopyTo(all.AsSpan(at));
            at += part.Length;
        }

        return all;
    }

    /// <summary>
    /// <paramref name="bytes"/> when they are UTF-8; else the line and column of the first bad byte.
    /// Decoders would quietly put U+FFFD there, and JSON's reader would fail later without a position.
    /// </summary>
    private static ReadOnlyMemory<byte> CheckedUtf8(string shownAs, InputLimit limit, ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (Utf8.IsValid(span))
        {
            return bytes;
        }

        var at = 0;
        while (Rune.DecodeFromUtf8(span[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }

        var lineStart = span[..at].LastIndexOf((byte)'\n') + 1;
        var line = span[..at].Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(span[lineStart..at]) + 1;
        throw Fail($"{shownAs}:{line}:{column}", limit, $"not valid UTF-8 (byte 0x{span[at]:X2}); expected UTF-8 text");
    }

    private static AcmDrException TooLarge(string shownAs, InputLimit limit) =>
        Fail(shownAs, limit, $"is larger than {ByteSize.Format(limit.Bytes)}, the {limit.Name} limit{(limit.Raise is null ? string.Empty : "; " + limit.Raise)}");

    private static AcmDrException Fail(string shownAs, InputLimit limit, string problem) =>
        new(limit.ExitCode, $"{shownAs}: {problem}");
}
