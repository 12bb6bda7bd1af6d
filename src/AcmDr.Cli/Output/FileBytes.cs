using System.Buffers;

namespace AcmDr.Cli.Output;

/// <summary>Byte-level helpers of the output tree: encoding a rendered text, comparing it with a file, reading markers.</summary>
internal static class FileBytes
{
    /// <summary>UTF-8 of the builder's text, chunk by chunk (one encoder, so a pair split across chunks stays whole).</summary>
    public static int Encode(System.Text.StringBuilder text, byte[] buffer)
    {
        var encoder = AtomicFiles.Utf8NoBom.GetEncoder();
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += encoder.GetBytes(chunk.Span, buffer.AsSpan(count), flush: false);
        }

        return count + encoder.GetBytes([], buffer.AsSpan(count), flush: true);
    }

    /// <summary>Whether the file holds exactly <paramref name="bytes"/>; a file of another length is not read.</summary>
    public static bool HasBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path);
        if (RandomAccess.GetLength(handle) != bytes.Length)
        {
            return false;
        }

        var existing = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            var read = 0;
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(handle, existing.AsSpan(read, bytes.Length - read), read);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return existing.AsSpan(0, bytes.Length).SequenceEqual(bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(existing);
        }
    }

    public static string Decode(byte[] bytes)
    {
        // The same decoding as File.ReadAllText: UTF-8 unless a byte-order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes), AtomicFiles.Utf8NoBom, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Whether the file's first line starts with <paramref name="prefix"/> (acmdr's marker line).</summary>
    public static bool StartsWith(string file, string prefix)
    {
        using var reader = new StreamReader(file);
        var first = reader.ReadLine();
        return first is not null && first.StartsWith(prefix, StringComparison.Ordinal);
    }
}
