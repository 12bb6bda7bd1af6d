using AcmDr.Core.Text;

namespace AcmDr.Cli.Output;

/// <summary>Prints file changes: one line each, or with the changed lines for a dry run.</summary>
public static class ChangeReport
{
    private const int MaxLinesPerFile = 40;

    /// <summary>A first generate of a large inventory changes thousands of files; Git shows them all.</summary>
    private const int MaxSummaryFiles = 50;

    /// <summary>What a run did to the tree in words: "3 new files, 1 updated, 1 removed", or "no file changed".</summary>
    public static string InWords(IReadOnlyList<FileChange> changes)
    {
        var created = changes.Count(c => c.Kind == FileChangeKind.Create);
        var updated = changes.Count(c => c.Kind == FileChangeKind.Update);
        var removed = changes.Count(c => c.Kind == FileChangeKind.Remove);
        var parts = new List<string>();
        if (created > 0)
        {
            parts.Add($"{created} new {(created == 1 ? "file" : "files")}");
        }

        if (updated > 0)
        {
            parts.Add(parts.Count == 0 ? $"{Counted.Of(updated, "file")} updated" : $"{updated} updated");
        }

        if (removed > 0)
        {
            parts.Add(parts.Count == 0 ? $"{Counted.Of(removed, "file")} removed" : $"{removed} removed");
        }

        return parts.Count == 0 ? "no file changed" : string.Join(", ", parts);
    }

    public static void Summary(TextWriter output, IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes.Take(MaxSummaryFiles))
        {
            output.WriteLine(Line(change));
        }

        if (changes.Count > MaxSummaryFiles)
        {
            var created = changes.Count(c => c.Kind == FileChangeKind.Create);
            var removed = changes.Count(c => c.Kind == FileChangeKind.Remove);
            output.WriteLine($"... and {changes.Count - MaxSummaryFiles} more ({created} new, {changes.Count - created - removed} changed, {removed} removed in all)");
        }
    }

    public static void Detailed(TextWriter output, IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes)
        {
            output.WriteLine(Line(change));
            if (change.Kind != FileChangeKind.Update)
            {
                continue;
            }

            var lines = LineDiff.Changes(change.Before!, change.After!);
            if (lines is null)
            {
                continue;
            }

            foreach (var line in lines.Take(MaxLinesPerFile))
            {
                output.WriteLine($"    {line}");
            }

            if (lines.Count > MaxLinesPerFile)
            {
                output.WriteLine($"    ... {lines.Count - MaxLinesPerFile} more changed lines");
            }
        }
    }

    private static string Line(FileChange change)
    {
        switch (change.Kind)
        {
            case FileChangeKind.Create:
                return $"+ {change.RelativePath} (new)";
            case FileChangeKind.Remove:
                return $"- {change.RelativePath} (no longer generated: removed)";
            default:
                var (added, removed) = LineDiff.Count(change.Before!, change.After!);
                return $"~ {change.RelativePath} (+{added} -{removed} lines)";
        }
    }
}
