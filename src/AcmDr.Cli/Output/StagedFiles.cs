using System.Collections.Concurrent;

namespace AcmDr.Cli.Output;

/// <summary>
/// One all-or-nothing write: <see cref="Stage"/> writes each content to a temporary file as it comes,
/// so a large output never has to be held in memory at once; <see cref="Commit"/> moves them all into
/// place. Disposing without committing removes every temporary file and folder.
/// <see cref="Stage"/> may be called from several threads at once.
/// </summary>
/// <remarks>
/// A file whose folder exists is staged beside its target (<c>.name.acmdr-PID.tmp</c>) and renamed
/// over it on commit. With a <c>root</c>, a file whose folder does not exist yet is staged instead at
/// the same place in a staging tree, <c>root/.acmdr-PID-RANDOM.tmp/</c>, and on commit each topmost new
/// folder is renamed into place whole: a fresh output of thousands of files costs a few folder
/// renames, not one rename per file, and a failure leaves no half-made folder behind. Staging never
/// creates anything under <c>root</c> but its own staging folder (and <c>root</c> itself when missing).
/// </remarks>
public sealed class StagedFiles : IDisposable
{
    private readonly string? root;
    private readonly string? staging;
    private readonly bool rootExisted;
    private readonly List<StagedFile> staged = [];

    /// <summary>Per target folder: where its files are staged, and the topmost new folder to move (null: the folder exists).</summary>
    // Records, not tuples, in these collections: the runtime has no precompiled code for collections
    // of tuples, and compiling it was start-up time of every generate.
    private readonly ConcurrentDictionary<string, FolderPlace> folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> newFolders = new(StringComparer.Ordinal);
    private bool committed;

    /// <summary>Stages every file beside its target, creating missing folders in place (any paths).</summary>
    public StagedFiles()
    {
    }

    /// <summary>Stages files under <paramref name="root"/> whose folder is new in a staging tree (see remarks).</summary>
    public StagedFiles(string root)
    {
        this.root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        // Unique per run, not only per process: a crashed run's leftover can never be taken for ours.
        staging = Path.Combine(this.root, $".acmdr-{Environment.ProcessId}-{Random.Shared.Next():x8}.tmp");
        rootExisted = Directory.Exists(this.root);
    }

    /// <summary>Test seam: runs before each file is written, with its target path; an exception fails the stage.</summary>
    internal Action<string>? BeforeWrite { get; init; }

    public void Stage(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            var directory = Path.GetDirectoryName(path)!;
            // Decided once per folder, not per file: thousands of policies share a tier folder. Two
            // threads may both decide one; the answer is the same, as staging changes no target folder.
            var (stageIn, newFolder) = folders.GetOrAdd(directory, Place);
            string temp;
            var mode = FileMode.Create;
            if (newFolder is null)
            {
                temp = Path.Combine(directory, TreeScan.TempFileName(Path.GetFileName(path)));
                lock (staged)
                {
                    // Listed before writing, so a failed write's temporary file is removed too.
                    staged.Add(new StagedFile(temp, path));
                }
            }
            else
            {
                // Removed with the whole staging tree on failure; moved with its topmost new folder on commit.
                newFolders.TryAdd(newFolder, true);
                temp = Path.Combine(stageIn, Path.GetFileName(path));
                // The staging tree is this run's own: nothing to truncate (one syscall less a file).
                mode = FileMode.CreateNew;
            }

            BeforeWrite?.Invoke(path);
            using var handle = File.OpenHandle(temp, mode, FileAccess.Write);
            RandomAccess.Write(handle, content, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Dispose, not committed, removes every temporary file once all writers have stopped.
            throw new Core.AcmDrException(Core.ExitCodes.InvalidInput, $"cannot write the output: {ex.Message}; nothing was changed", ex);
        }
    }

    /// <summary>Test seam: runs after each rename or deletion of <see cref="Commit"/>, with how many were done.</summary>
    internal Action<int>? AfterStep { get; init; }

    /// <summary>
    /// Moves every staged file into place and deletes <paramref name="deletions"/>. With a root, the
    /// whole list is first written to the root's <see cref="CommitJournal"/>, so a run killed midway
    /// is finished by the next one instead of leaving a mix of old and new files.
    /// </summary>
    public void Commit(IReadOnlyList<string> deletions)
    {
        var moves = new List<string>(newFolders.Keys);
        moves.Sort(StringComparer.Ordinal);
        foreach (var to in moves)
        {
            // Checked before anything moves: a folder or file made there since staging began.
            if (Path.Exists(to))
            {
                throw new Core.AcmDrException(Core.ExitCodes.InvalidInput, $"cannot write the output: '{to}' appeared while writing; nothing was changed");
            }
        }

        var journal = root is not null && staged.Count + moves.Count + deletions.Count > 0;
        if (journal)
        {
            try
            {
                CommitJournal.Write(root!, staged.Select(s => new CommitJournal.CommitStep(CommitJournal.StepKind.Rename, s.Temp, s.Target))
                    .Concat(moves.Select(to => new CommitJournal.CommitStep(CommitJournal.StepKind.MoveFolder, Staged(to), to)))
                    .Concat(deletions.Select(d => new CommitJournal.CommitStep(CommitJournal.StepKind.Delete, null, d))));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // No journal in place, no rename made: Dispose removes the staged files.
                throw new Core.AcmDrException(Core.ExitCodes.InvalidInput, $"cannot write the output: {ex.Message}; nothing was changed", ex);
            }
        }

        committed = true;
        try
        {
            var done = 0;
            foreach (var (temp, target) in staged)
            {
                File.Move(temp, target, overwrite: true);
                AfterStep?.Invoke(++done);
            }

            foreach (var to in moves)
            {
                Directory.Move(Staged(to), to);
                AfterStep?.Invoke(++done);
            }

            if (staging is not null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            foreach (var path in deletions)
            {
                File.Delete(path);
                RemoveEmptyParents(root, Path.GetDirectoryName(path)!);
                AfterStep?.Invoke(++done);
            }

            if (journal)
            {
                CommitJournal.Remove(root!);
            }
        }
        catch (Exception ex) when (journal && ex is IOException or UnauthorizedAccessException)
        {
            throw new Core.AcmDrException(Core.ExitCodes.InvalidInput, $"cannot finish writing the output: {ex.Message}; the next 'acmdr generate' there finishes it", ex);
        }
    }

    public void Dispose()
    {
        if (!committed)
        {
            Discard();
        }
    }

    /// <summary>Where files of <paramref name="directory"/> are staged, and its topmost missing folder under the root.</summary>
    private FolderPlace Place(string directory)
    {
        directory = Path.GetFullPath(directory);
        if (root is null || staging is null || !directory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
            return new FolderPlace(directory, null);
        }

        if (Directory.Exists(directory))
        {
            return new FolderPlace(directory, null);
        }

        var top = directory;
        for (var parent = Path.GetDirectoryName(top); parent is not null && parent.Length > root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent))
            {
                break;
            }

            top = parent;
        }

        // A file where a folder must go fails now, before anything is committed.
        for (var folder = directory; folder.Length >= top.Length; folder = Path.GetDirectoryName(folder)!)
        {
            if (File.Exists(folder))
            {
                throw new IOException($"'{folder}' is a file, where a folder is needed");
            }
        }

        var stageIn = Staged(directory);
        Directory.CreateDirectory(stageIn);
        return new FolderPlace(stageIn, top);
    }

    private string Staged(string target) => Path.Combine(staging!, Path.GetRelativePath(root!, target));

    private void Discard()
    {
        foreach (var (temp, _) in staged)
        {
            TryDelete(temp);
        }

        staged.Clear();
        try
        {
            if (staging is not null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (root is not null && !rootExisted && Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (IOException)
        {
            // Best effort, as for the files: what is left is named as ours.
        }
    }

    /// <summary>Removes <paramref name="directory"/> and its parents while empty, never <paramref name="root"/> or above.</summary>
    internal static void RemoveEmptyParents(string? root, string directory)
    {
        while ((root is null || directory.Length > root.Length) && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
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

    private sealed record StagedFile(string Temp, string Target);

    private sealed record FolderPlace(string StageIn, string? NewFolder);
}
