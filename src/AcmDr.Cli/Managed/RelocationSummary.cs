namespace AcmDr.Cli.Managed;

/// <summary>The end of a relocation: how many moved, failed (with why) and were skipped.</summary>
public static class RelocationSummary
{
    public static void Print(TextWriter output, IReadOnlyList<VmResult> results, string site)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        var moved = results.Count(r => r.Outcome == RelocationOutcome.Moved);
        var failed = results.Where(r => r.Outcome == RelocationOutcome.Failed).ToList();
        var skipped = results.Where(r => r.Outcome == RelocationOutcome.Skipped).ToList();
        output.WriteLine($"summary: {moved} moved, {failed.Count} failed, {skipped.Count} skipped");
        foreach (var result in failed)
        {
            output.WriteLine($"  failed  {result.Vm.Vm} (tier {result.Vm.Tier}): {result.Reason}");
        }

        foreach (var result in skipped)
        {
            output.WriteLine($"  skipped {result.Vm.Vm} (tier {result.Vm.Tier}): {result.Reason}");
        }

        output.WriteLine(failed.Count == 0 ? $"every running VM of the scope runs at {site}" : $"{failed.Count} VM{(failed.Count == 1 ? " is" : "s are")} not at {site}");
    }
}
