namespace AcmDr.Core.Compliance;

/// <summary>Everything the summariser reads: the inventory, the flip, what the hub said, and when.</summary>
/// <param name="Workloads">The inventory's VMs.</param>
/// <param name="TargetSite">The site the VMs should run at.</param>
/// <param name="FlipAt">When the switch was flipped; null when unknown.</param>
/// <param name="Policies">Policy status per policy and cluster.</param>
/// <param name="GroundTruth">Where instances were seen running; overrides the running template.</param>
/// <param name="Now">The time of the reading.</param>
/// <param name="SiteOverrides">The switch's <c>app-&lt;name&gt;</c> and <c>tier-&lt;n&gt;</c> keys: a VM's target is its
/// app's override, else its tier's, else <paramref name="TargetSite"/>, as the hub templates resolve it.</param>
/// <param name="SiteLabel">The node label that names a site, as the reasons for a VM not moved name it.</param>
/// <param name="Dual">The DRPCs and dual settings, for dual-cluster apps' VMs; null when none is in scope.</param>
public sealed record ComplianceObservation(
    IReadOnlyList<Workload> Workloads,
    string TargetSite,
    DateTimeOffset? FlipAt,
    IReadOnlyList<PolicyObservation> Policies,
    IReadOnlyList<VmGroundTruth> GroundTruth,
    DateTimeOffset Now,
    IReadOnlyDictionary<string, string>? SiteOverrides = null,
    string? SiteLabel = null,
    Dual.DualObservation? Dual = null)
{
    /// <summary>Where this VM should run (see <see cref="Reporting.TargetSites.Of"/>).</summary>
    public string TargetOf(Workload vm) => Reporting.TargetSites.Of(vm, TargetSite, SiteOverrides);
}
