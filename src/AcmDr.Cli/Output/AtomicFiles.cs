namespace AcmDr.Cli.Output;

/// <summary>
/// Writes a set of files all or nothing: every new content goes to a temporary file beside its
/// target first, and only when all of them are written are they renamed into place.
/// </summary>
public static class AtomicFiles
{
    public static void WriteAll(IReadOnlyList<(string Path, string Content)> files, IReadOnlyList<string> deletions)
    {
        var staged = new List<(string Temp, string Target)>();
        try
        {
            foreach (var (path, content) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.acmdr-{Environment.ProcessId}.tmp");
                File.WriteAllText(temp, content, Utf8NoBom);
                staged.Add((temp, path));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in staged)
            {
                TryDelete(temp);
            }

            throw new Core.AcmDrException(Core.ExitCodes.InvalidInput, $"cannot write the output: {ex.Message}; nothing was changed", ex);
        }

        foreach (var (temp, target) in staged)
        {
            File.Move(temp, target, overwrite: true);
        }

        foreach (var path in deletions)
        {
            File.Delete(path);
            RemoveEmptyParents(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>Writes one file atomically (temporary file, then rename).</summary>
    public static void Write(string path, string content) => WriteAll([(path, content)], []);

    public static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static void RemoveEmptyParents(string directory)
    {
        while (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is harmless and named as ours.
        }
    }
}
