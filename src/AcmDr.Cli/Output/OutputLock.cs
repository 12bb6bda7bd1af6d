using AcmDr.Core;

namespace AcmDr.Cli.Output;

/// <summary>
/// Holds <c>.acmdr.lock</c> in an output folder for a whole run, so two runs never write one tree at
/// once (two generates interleaving their renames left a kustomization listing missing files). The
/// lock is the file opened with <see cref="FileShare.None"/>, which .NET takes as an exclusive
/// <c>flock</c> on Unix: the kernel drops it when the process dies, so a killed run never leaves a
/// stale lock. A second run refuses at once (exit 4) rather than wait: a generate takes well under a
/// second, and a refusal names what to do where a wait would only hide a run still going. Opened for
/// reading only: an exclusive flock needs no write access, so a lock file made read-only still works.
/// </summary>
public sealed class OutputLock : IDisposable
{
    public const string FileName = ".acmdr.lock";

    private readonly FileStream stream;
    private readonly string root;
    private readonly bool createdRoot;
    private bool keep;

    private OutputLock(FileStream stream, string root, bool createdRoot)
    {
        this.stream = stream;
        this.root = root;
        this.createdRoot = createdRoot;
    }

    /// <summary>Takes the lock of <paramref name="root"/>, creating the folder when it is missing.</summary>
    public static OutputLock Acquire(string root, string shown)
    {
        var createdRoot = !Directory.Exists(root);
        var path = Path.Combine(root, FileName);
        try
        {
            Directory.CreateDirectory(root);
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None), root, createdRoot);
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException) && File.Exists(path))
        {
            // The lock file is there and could not be opened exclusively: another run holds it.
            throw new AcmDrException(ExitCodes.Refused, $"refused: another acmdr run is writing {shown} (it holds {Path.Combine(shown, FileName)}); run again when it has finished");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"cannot write the output: {ex.Message}; nothing was changed", ex);
        }
    }

    /// <summary>Something was written: the folder stays even if this run made it.</summary>
    public void KeepFolder() => keep = true;

    public void Dispose()
    {
        // A run that made the folder and wrote nothing leaves nothing, lock file included. Removed
        // while still held, so no other run can be inside; the file is otherwise kept: removing it
        // on every release would let a run that opened it just before take a lock on a file no
        // longer there while a third run makes a new one.
        if (createdRoot && !keep)
        {
            try
            {
                File.Delete(Path.Combine(root, FileName));
                if (!Directory.EnumerateFileSystemEntries(root).Any())
                {
                    Directory.Delete(root);
                }
            }
            catch (IOException)
            {
                // Best effort: an empty folder with a lock file is harmless.
            }
        }

        stream.Dispose();
    }
}
