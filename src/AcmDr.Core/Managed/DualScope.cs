using AcmDr.Core.Planning;

namespace AcmDr.Core.Managed;

/// <summary>
/// The dual-cluster apps a managed-cluster command leaves out. acmdr never starts, stops or deletes the VMs
/// of such an app: Ramen, the storage and the app's deployer do, so break glass and relocate name them
/// once per run instead of acting on them.
/// </summary>
public static class DualScope
{
    /// <summary>Where a user learns what to do with a dual-cluster app instead.</summary>
    public const string RamenMovesThem = "Ramen moves them, never acmdr's break glass or relocate (acmdr flip; see the README's Dual-cluster topology)";

    /// <summary>The clusters of the stretched-cluster apps: the only ones a managed-cluster command acts on.</summary>
    public static IReadOnlyList<string> StretchedClusters(DrPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Policies.Where(p => p.Dual is null).Select(p => p.Cluster).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The dual-cluster apps in the named apps and tiers (their union, as <see cref="ManagedScope.Select"/>), or all of them; by tier, then name.</summary>
    public static IReadOnlyList<AppPlan> Apps(DrPlan plan, IReadOnlyList<string> apps, IReadOnlyList<int> tiers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(tiers);
        return [.. plan.Apps
            .Where(a => a.Dual is not null)
            .Where(a => (apps.Count == 0 && tiers.Count == 0) || apps.Contains(a.Name, StringComparer.Ordinal) || tiers.Contains(a.Tier))
            .OrderBy(a => a.Tier)
            .ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>The dual-cluster apps that run on <paramref name="cluster"/> (home or peer) or whose policy is placed there (the hub).</summary>
    public static IReadOnlyList<AppPlan> AppsOn(DrPlan plan, string cluster) =>
        [.. Apps(plan, [], []).Where(a => a.Dual!.Home == cluster || a.Dual.Peer == cluster || a.Policies.Any(p => p.Cluster == cluster))];

    /// <summary>The apps' names for a one-line message (the first few, then how many more).</summary>
    public static string Names(IReadOnlyList<AppPlan> apps)
    {
        ArgumentNullException.ThrowIfNull(apps);
        return Doctor.NameList.Of([.. apps.Select(a => a.Name)]);
    }

    /// <summary>
    /// The one line a run of <paramref name="command"/> prints when its scope has dual-cluster apps, naming them; null when it has none.
    /// </summary>
    public static string? LeftOutLine(IReadOnlyList<AppPlan> dual, string command, string instead)
    {
        ArgumentNullException.ThrowIfNull(dual);
        return dual.Count == 0
            ? null
            : $"{command} leaves out the dual-cluster app{(dual.Count == 1 ? "" : "s")} {Names(dual)}: Ramen moves {(dual.Count == 1 ? "it" : "them")}, and acmdr never starts, stops or deletes {(dual.Count == 1 ? "its" : "their")} VMs; {instead}";
    }
}
