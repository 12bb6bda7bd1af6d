using AcmDr.Core.Compliance;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>Hand-built hub observations for the inventory of the worked example.</summary>
internal static class Observations
{
    public static readonly DateTimeOffset Flip = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly Workload Db0 = new("db", 1, "finance", "db-0", "stretch-1", 15);
    public static readonly Workload Db1 = new("db", 1, "finance", "db-1", "stretch-1", 15);
    public static readonly Workload Web0 = new("web", 2, "web", "web-0", "stretch-1", 30);

    public static readonly IReadOnlyList<Workload> Inventory = [Db0, Db1, Web0];

    public static DateTimeOffset At(int minutesAfterFlip) => Flip.AddMinutes(minutesAfterFlip);

    public static HistoryEntry Entry(int minutesAfterFlip, string message) => new(At(minutesAfterFlip), message);

    public static TemplateObservation Template(ComplianceState state, params HistoryEntry[] newestFirst) =>
        new(state, newestFirst);

    public static TemplateObservation SiteUpdated(Workload vm, int minutesAfterFlip) => Template(
        ComplianceState.Compliant,
        Entry(minutesAfterFlip, $"Compliant; notification - virtualmachines [{vm.Vm}] was updated successfully in namespace {vm.Namespace}"));

    public static string Running(string names, string ns) =>
        $"Compliant; notification - virtualmachineinstances [{names}] found as specified in namespace {ns}";

    public static string NotRunning(string names, string ns) =>
        $"NonCompliant; violation - virtualmachineinstances [{names}] found but not as specified in namespace {ns}";

    public static ComplianceObservation Observe(
        IReadOnlyList<PolicyObservation> policies, int nowMinutesAfterFlip, IReadOnlyList<VmGroundTruth>? truth = null) =>
        new(Inventory, "DR", Flip, policies, truth ?? [], At(nowMinutesAfterFlip));
}
