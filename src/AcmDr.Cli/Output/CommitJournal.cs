using System.Text;
using AcmDr.Core;

namespace AcmDr.Cli.Output;

/// <summary>
/// The list of renames and deletions of one commit, written (and flushed to disk) in the output root
/// before the first rename and removed after the last. A run killed between the two leaves it, and
/// the next run that writes the tree replays it (<see cref="Recover"/>) before anything else: every
/// staged file was complete before the journal was written, so finishing the commit is always
/// possible, and the tree ends as the interrupted run meant it, never a mix of two runs.
/// </summary>
/// <remarks>
/// Replaying is idempotent: a rename whose temporary file is gone was done, a folder whose staged copy
/// is gone was moved, a file already deleted stays so. Paths are stored relative to the root and
/// checked on reading (no <c>..</c>, only acmdr's temporary names as sources, only marked files
/// deleted), so a planted journal cannot move or delete anything outside the tree.
/// </remarks>
public static class CommitJournal
{
    public const string FileName = ".acmdr-journal";
    public const string TempName = FileName + ".tmp";
    private const string Version = "acmdr-journal 1";
    private const string End = "end";

    public static void Write(string root, IEnumerable<CommitStep> steps)
    {
        var text = new StringBuilder(Version).Append('\n');
        foreach (var step in steps)
        {
            text.Append(step.Kind).Append('\t').Append(Relative(root, step.From ?? string.Empty)).Append('\t').Append(Relative(root, step.To)).Append('\n');
        }

        text.Append(End).Append('\n');
        var temp = Path.Combine(root, TempName);
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(AtomicFiles.Utf8NoBom.GetBytes(text.ToString()));
            // The one fsync of a commit: the journal must be on disk before any rename is. A folder
            // fsync is left out: a lost journal rename after a power cut leaves the old tree, which
            // is whole, and the staged files as leftovers the next run removes.
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(root, FileName), overwrite: true);
    }

    public static void Remove(string root) => File.Delete(Path.Combine(root, FileName));

    public static bool Exists(string root) => File.Exists(Path.Combine(root, FileName));

    /// <summary>Finishes the commit an interrupted run left, if any; returns how many steps it had.</summary>
    public static int Recover(string root, Func<string, string> show)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return 0;
        }

        var steps = Read(root, path, show(path));
        foreach (var step in steps)
        {
            Replay(root, step);
        }

        Remove(root);
        return steps.Count;
    }

    private static List<CommitStep> Read(string root, string path, string shown)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var steps = new List<CommitStep>();
        if (lines.Length < 3 || lines[0] != Version || lines[^2] != End || lines[^1].Length != 0)
        {
            throw Unreadable(shown, "not a complete journal");
        }

        foreach (var line in lines.AsSpan(1, lines.Length - 3))
        {
            var fields = line.Split('\t');
            if (fields.Length != 3 || !Enum.TryParse<StepKind>(fields[0], out var kind) || !Safe(fields[2]) || (kind != StepKind.Delete && !Safe(fields[1])))
            {
                throw Unreadable(shown, $"bad line '{line}'");
            }

            var from = kind == StepKind.Delete ? null : Full(root, fields[1]);
            if ((kind == StepKind.Rename && !TreeScan.IsTempFileName(Path.GetFileName(from!)))
                || (kind == StepKind.MoveFolder && !TreeScan.IsInStagingFolder(fields[1])))
            {
                throw Unreadable(shown, $"'{fields[1]}' is not a name acmdr stages under");
            }

            steps.Add(new CommitStep(kind, from, Full(root, fields[2])));
        }

        return steps;
    }

    private static void Replay(string root, CommitStep step)
    {
        switch (step.Kind)
        {
            case StepKind.Rename when File.Exists(step.From) && new FileInfo(step.From!).LinkTarget is null:
                File.Move(step.From!, step.To, overwrite: true);
                break;
            case StepKind.MoveFolder when Directory.Exists(step.From) && new DirectoryInfo(step.From!).LinkTarget is null && !Path.Exists(step.To):
                Directory.Move(step.From!, step.To);
                break;
            case StepKind.Delete when File.Exists(step.To) && FileBytes.StartsWith(step.To, "# " + GeneratedTree.Marker):
                File.Delete(step.To);
                StagedFiles.RemoveEmptyParents(root, Path.GetDirectoryName(step.To)!);
                break;
        }
    }

    private static bool Safe(string relative) =>
        relative.Length > 0 && !relative.StartsWith('/') && relative.Split('/').All(s => s.Length > 0 && s != "." && s != "..");

    private static string Relative(string root, string path) => path.Length == 0 ? "-" : Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string Full(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static AcmDrException Unreadable(string shown, string why) =>
        new(ExitCodes.InvalidInput, $"{shown} is left by an interrupted acmdr run but cannot be read ({why}); check the folder by hand and remove it");

    public enum StepKind
    {
        Rename,
        MoveFolder,
        Delete,
    }

    public sealed record CommitStep(StepKind Kind, string? From, string To);
}
