namespace AcmDr.Core.Isolated;

/// <summary>Turns the run's timelines into the report: verdicts, reasons, per-tier times against RTO.</summary>
public static class IsolatedAssessor
{
    public static IsolatedReport Assess(
        IsolatedOptions options, DateTimeOffset startedAt, DateTimeOffset endedAt, IReadOnlyList<VmTimeline> vms,
        IReadOnlyList<string> leftovers, bool kept, bool interrupted) => throw new NotImplementedException();
}
