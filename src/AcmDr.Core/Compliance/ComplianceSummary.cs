namespace AcmDr.Core.Compliance;

/// <summary>Which VMs moved, per VM, per tier and overall; and each dual-cluster app's DRPC (<see cref="DualApps"/>).</summary>
public sealed record ComplianceSummary(
    string TargetSite,
    DateTimeOffset? FlipAt,
    DateTimeOffset Now,
    IReadOnlyList<VmCompliance> Vms,
    IReadOnlyList<TierCompliance> Tiers,
    int Moved,
    int Total,
    MoveVerdict Verdict,
    IReadOnlyList<Dual.DualAppReading>? DualAppsOrNull = null)
{
    /// <summary>Each dual-cluster app in scope, by tier and name; empty when there is none.</summary>
    public IReadOnlyList<Dual.DualAppReading> DualApps => DualAppsOrNull ?? [];
}
