namespace AcmDr.Cli.Output;

/// <summary>
/// One all-or-nothing write: <see cref="Stage"/> writes each content to a temporary file beside its
/// target as it comes, so a large output never has to be held in memory at once; <see cref="Commit"/>
/// renames them all into place. Disposing without committing removes the temporary files.
/// <see cref="Stage"/> may be called from several threads at once.
/// </summary>
public sealed class StagedFiles : IDisposable
{
    private readonly List<(string Temp, string Target)> staged = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> directories = new(StringComparer.Ordinal);
    private bool committed;

    public void Stage(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            // One CreateDirectory per folder, not per file: thousands of policies share a tier folder.
            // Two threads may both create one; CreateDirectory does nothing when it exists.
            if (!directories.ContainsKey(directory))
            {
                Directory.CreateDirectory(directory);
                directories.TryAdd(directory, true);
            }

            var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.acmdr-{Environment.ProcessId}.tmp");
            lock (staged)
            {
                // Listed before writing, so a failed write's temporary file is removed too.
                staged.Add((temp, path));
            }

            using var handle = File.OpenHandle(temp, FileMode.Create, FileAccess.Write);
            RandomAccess.Write(handle, content, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Dispose, not committed, removes every temporary file once all writers have stopped.
            throw new Core.AcmDrException(Core.ExitCodes.InvalidInput, $"cannot write the output: {ex.Message}; nothing was changed", ex);
        }
    }

    public void Commit(IReadOnlyList<string> deletions)
    {
        committed = true;
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

    public void Dispose()
    {
        if (!committed)
        {
            Discard();
        }
    }

    private void Discard()
    {
        foreach (var (temp, _) in staged)
        {
            TryDelete(temp);
        }

        staged.Clear();
    }

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
