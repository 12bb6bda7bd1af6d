using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;

namespace AcmDr.Cli.Report;

/// <summary>What every report format renders: the summary and where it came from.</summary>
public sealed record ReportData(
    ComplianceSummary Summary,
    string HubNamespace,
    IReadOnlyList<FlipHistoryEntry> Flips,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Warnings)
{
    /// <summary>0 when every VM in scope moved, 1 otherwise (an empty scope proves nothing, so 1).</summary>
    public int ExitCode => Summary.Total > 0 && Summary.Verdict == MoveVerdict.Moved
        ? Core.ExitCodes.Success
        : Core.ExitCodes.Difference;
}
