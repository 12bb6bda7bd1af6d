namespace AcmDr.Cli.Hub;

/// <summary>
/// Reads a file a kubeconfig points at (certificate-authority, client certificate and key, tokenFile).
/// Such files hold a few kilobytes; a bound keeps a path such as /dev/zero from filling memory.
/// </summary>
internal static class KubeconfigFile
{
    public const int MaxBytes = 1 << 20;

    public static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
        var buffer = new byte[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return total > MaxBytes
            ? throw new IOException($"it is larger than {MaxBytes / (1 << 20)} MiB")
            : buffer[..total];
    }

    public static string ReadText(string path) => System.Text.Encoding.UTF8.GetString(ReadBounded(path));
}
