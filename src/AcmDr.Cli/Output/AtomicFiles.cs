namespace AcmDr.Cli.Output;

/// <summary>
/// Writes a set of files all or nothing: every new content goes to a temporary file beside its
/// target first, and only when all of them are written are they renamed into place.
/// </summary>
public static class AtomicFiles
{
    public static void WriteAll(IReadOnlyList<(string Path, string Content)> files, IReadOnlyList<string> deletions)
    {
        using var batch = new StagedFiles();
        foreach (var (path, content) in files)
        {
            batch.Stage(path, Utf8NoBom.GetBytes(content));
        }

        batch.Commit(deletions);
    }

    /// <summary>Writes one file atomically (temporary file, then rename).</summary>
    public static void Write(string path, string content) => WriteAll([(path, content)], []);

    public static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
}
