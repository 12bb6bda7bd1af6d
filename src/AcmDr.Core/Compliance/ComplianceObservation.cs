namespace AcmDr.Core.Compliance;

/// <summary>Everything the summariser reads: the inventory, the flip, what the hub said, and when.</summary>
/// <param name="Workloads">The inventory's VMs.</param>
/// <param name="TargetSite">The site the VMs should run at.</param>
/// <param name="FlipAt">When the switch was flipped; null when unknown.</param>
/// <param name="Policies">Policy status per policy and cluster.</param>
/// <param name="GroundTruth">Where instances were seen running; overrides the running template.</param>
/// <param name="Now">The time of the reading.</param>
public sealed record ComplianceObservation(
    IReadOnlyList<Workload> Workloads,
    string TargetSite,
    DateTimeOffset? FlipAt,
    IReadOnlyList<PolicyObservation> Policies,
    IReadOnlyList<VmGroundTruth> GroundTruth,
    DateTimeOffset Now);
