using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Reporting;

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
    public int ExitCode => ReportAssembler.ExitCodeOf(Summary);

    /// <summary>The report of <paramref name="snapshot"/>: Core assembles it from the switch's flip trail as read here.</summary>
    public static ReportData Assemble(
        ReportScope scope, HubSnapshot snapshot, IReadOnlyList<VmGroundTruth> groundTruth,
        IReadOnlyList<string> sources, DateTimeOffset now)
    {
        var (flips, flipProblem) = FlipHistory.Read(snapshot.Switch?.FlipHistory);
        var assembly = ReportAssembler.Assemble(scope, snapshot, flips, groundTruth, now);
        IReadOnlyList<string> warnings = flipProblem is null ? assembly.Warnings : [flipProblem, .. assembly.Warnings];
        IReadOnlyList<string> from = scope.Inventory is { } inventory ? [$"inventory {inventory}", .. sources] : sources;
        return new ReportData(assembly.Summary, scope.HubNamespace, flips, from, warnings);
    }
}
