namespace AcmDr.Cli.Hub;

/// <summary>
/// Reads a file a kubeconfig points at (certificate-authority, client certificate and key, tokenFile).
/// Such files hold a few kilobytes; a bound keeps a path such as /dev/zero from filling memory.
/// </summary>
internal static class KubeconfigFile
{
    public const int MaxBytes = 1 << 20;

    public static byte[] ReadBounded(string path) => Input.InputFile.ReadReferenced(path, MaxBytes);

    public static string ReadText(string path) => System.Text.Encoding.UTF8.GetString(ReadBounded(path));
}
