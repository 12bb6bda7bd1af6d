namespace AcmDr.Core.Compliance;

/// <summary>Which VMs moved, per VM, per tier and overall.</summary>
public sealed record ComplianceSummary(
    string TargetSite,
    DateTimeOffset? FlipAt,
    DateTimeOffset Now,
    IReadOnlyList<VmCompliance> Vms,
    IReadOnlyList<TierCompliance> Tiers,
    int Moved,
    int Total,
    MoveVerdict Verdict);
