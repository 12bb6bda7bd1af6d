using AcmDr.Core.Compliance;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Reporting;

/// <summary>What the user asked the report about, fixed before the hub is read.</summary>
/// <param name="InventoryWorkloads">The inventory's VMs when one was given; else they come from the policies.</param>
/// <param name="To">The target site from <c>--to</c>.</param>
/// <param name="FlipAt">The flip time from <c>--flip-at</c>.</param>
/// <param name="Inventory">The inventory file the workloads come from, as shown to the user (null: none).</param>
public sealed record ReportScope(
    DrSettings Settings,
    string HubNamespace,
    IReadOnlyList<Workload>? InventoryWorkloads,
    string? To,
    DateTimeOffset? FlipAt,
    IReadOnlyList<string> Apps,
    IReadOnlyList<int> Tiers,
    string? Inventory = null)
{
    public bool Includes(Workload workload) =>
        (Apps.Count == 0 || Apps.Contains(workload.App, StringComparer.Ordinal))
        && (Tiers.Count == 0 || Tiers.Contains(workload.Tier));

    /// <summary>
    /// Whether the DRPlacementControls must be read: a dual-cluster app in scope (from the inventory; without one, a policy
    /// of <paramref name="policies"/> with a <c>-drpc</c> template).
    /// </summary>
    public bool NeedsDrpcs(IReadOnlyList<HubPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return InventoryWorkloads is { } workloads
            ? workloads.Any(w => w.Dual is not null && Includes(w))
            : policies.Any(p => p.Templates.Any(t => t.Template.EndsWith("-drpc", StringComparison.Ordinal)));
    }
}
