namespace AcmDr.Cli.Output;

/// <summary>Prints file changes: one line each, or with the changed lines for a dry run.</summary>
public static class ChangeReport
{
    private const int MaxLinesPerFile = 40;

    /// <summary>A first generate of a large inventory changes thousands of files; Git shows them all.</summary>
    private const int MaxSummaryFiles = 50;

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
