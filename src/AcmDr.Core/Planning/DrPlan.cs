using AcmDr.Core.Settings;

namespace AcmDr.Core.Planning;

public sealed record VmRef(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}

/// <summary>What a policy waits for: a PolicySet (a tier) or a Policy (an app's depends_on).</summary>
public sealed record PolicyDependency(string Kind, string Name)
{
    public const string PolicyKind = "Policy";
    public const string PolicySetKind = "PolicySet";
}

/// <summary>
/// How Ramen protects a dual-cluster app: its DRPlacementControl and Placement (both named <see cref="Name"/>, in
/// <see cref="Namespace"/> on the hub), the DRPolicy pairing <see cref="Home"/> and <see cref="Peer"/>, and the PVC selector.
/// </summary>
public sealed record DualPlan(
    string Name,
    string Namespace,
    string Home,
    string Peer,
    string DrPolicy,
    IReadOnlyList<KeyValuePair<string, string>> PvcMatchLabels)
{
    /// <summary>The cluster a dual app runs on at <paramref name="site"/>: home at the home site, the peer at any other.</summary>
    public string ClusterAt(string site, string homeSite) => site == homeSite ? Home : Peer;
}

/// <summary>
/// One generated Policy: the VMs of one app on one cluster. A dual-cluster app's policy (<see cref="Dual"/> set) is
/// placed on the hub itself (<see cref="Cluster"/> is the hub's managed-cluster name) and keeps the app's
/// DRPlacementControl as the switch says; its <see cref="Vms"/> run on the dual plan's home or peer cluster.
/// </summary>
public sealed record PolicyPlan(
    string Name,
    string App,
    int Tier,
    string Cluster,
    int? RtoMinutes,
    IReadOnlyList<VmRef> Vms,
    IReadOnlyList<PolicyDependency> Dependencies,
    DualPlan? Dual = null);

/// <summary>A PolicySet: a whole tier, or the part of a tier on one cluster (used as a dependency target).</summary>
public sealed record TierSetPlan(string Name, int Tier, string? Cluster, IReadOnlyList<string> Policies);

/// <summary>An app of the inventory with the policies that carry it.</summary>
public sealed record AppPlan(string Name, int Tier, int? RtoMinutes, IReadOnlyList<string> DependsOn, IReadOnlyList<PolicyPlan> Policies)
{
    /// <summary>How Ramen protects it, for a dual-cluster app; null for a stretched-cluster app.</summary>
    public DualPlan? Dual => Policies.Count == 1 ? Policies[0].Dual : null;

    public int VmCount => Policies.Sum(p => p.Vms.Count);
}

/// <summary>The whole DR plan: what to generate, and the model flip and report reason about.</summary>
public sealed record DrPlan(
    DrSettings Settings,
    IReadOnlyList<int> Tiers,
    IReadOnlyList<AppPlan> Apps,
    IReadOnlyList<PolicyPlan> Policies,
    IReadOnlyList<TierSetPlan> PolicySets,
    IReadOnlyList<string> Clusters)
{
    public int VmCount
    {
        get
        {
            // A loop, not Sum: LINQ's Sum over ints is compiled at start-up for every command.
            var count = 0;
            foreach (var policy in Policies)
            {
                count += policy.Vms.Count;
            }

            return count;
        }
    }

    public AppPlan? FindApp(string name) => Apps.FirstOrDefault(a => a.Name == name);

    /// <summary>Whether any app is dual-cluster (protected by Ramen through a hub-local policy).</summary>
    public bool HasDual => Policies.Any(p => p.Dual is not null);
}
