using AcmDr.Core.Planning;

namespace AcmDr.Core.Managed;

/// <summary>
/// Which VMs of the plan a command on one managed cluster acts on: those of that cluster, narrowed to
/// the apps and tiers asked for, lowest tier first. Dual-cluster apps are never in it: Ramen, the
/// storage and the app's deployer move their VMs (see <see cref="DualScope"/>).
/// </summary>
public static class ManagedScope
{
    /// <summary>
    /// The inventory cluster the kubeconfig points at: the one named, else the context's name when it
    /// is an inventory cluster, else the only cluster of the inventory. Guessing among several would
    /// risk patching VMs of the same name on the wrong cluster, so that is an error.
    /// </summary>
    public static string Cluster(DrPlan plan, string? named, string contextName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var clusters = DualScope.StretchedClusters(plan);
        if (clusters.Count == 0)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"the inventory has only dual-cluster apps ({DualScope.Names(DualScope.Apps(plan, [], []))}): {DualScope.RamenMovesThem}");
        }

        if (named is not null)
        {
            if (clusters.Contains(named, StringComparer.Ordinal))
            {
                return named;
            }

            var dual = DualScope.AppsOn(plan, named);
            throw new AcmDrException(ExitCodes.InvalidInput, dual.Count > 0
                ? $"--cluster '{named}' runs only dual-cluster apps ({DualScope.Names(dual)}): {DualScope.RamenMovesThem}"
                : $"--cluster '{named}' is not a cluster of the inventory (clusters: {string.Join(", ", clusters)})");
        }

        if (clusters.Contains(contextName, StringComparer.Ordinal))
        {
            return contextName;
        }

        return clusters.Count == 1
            ? clusters[0]
            : throw new AcmDrException(ExitCodes.InvalidInput,
                $"the inventory names several clusters ({string.Join(", ", clusters)}) and the context '{contextName}' is none of them: pass --cluster NAME");
    }

    /// <summary>
    /// The VMs of <paramref name="cluster"/> in the named apps and tiers (their union, as a flip of the
    /// same apps and tiers sets an override for each), or all of them when none is named.
    /// </summary>
    public static IReadOnlyList<ScopedVm> Select(DrPlan plan, string cluster, IReadOnlyList<string> apps, IReadOnlyList<int> tiers)
    {
        CheckScope(plan, apps, tiers);
        var scope = plan.Policies
            .Where(p => p.Cluster == cluster && p.Dual is null)
            .Where(p => (apps.Count == 0 && tiers.Count == 0) || apps.Contains(p.App, StringComparer.Ordinal) || tiers.Contains(p.Tier))
            .SelectMany(p => p.Vms.Select(vm => new ScopedVm(vm, p.App, p.Tier)))
            .OrderBy(v => v.Tier)
            .ThenBy(v => v.App, StringComparer.Ordinal)
            .ThenBy(v => v.Vm.Namespace, StringComparer.Ordinal)
            .ThenBy(v => v.Vm.Name, StringComparer.Ordinal)
            .ToList();
        if (scope.Count > 0)
        {
            return scope;
        }

        var dual = DualScope.Apps(plan, apps, tiers);
        throw new AcmDrException(ExitCodes.InvalidInput, dual.Count > 0
            ? $"no VM of the inventory on cluster '{cluster}' matches the --app/--tier scope but dual-cluster apps ({DualScope.Names(dual)}): {DualScope.RamenMovesThem}"
            : $"no VM of the inventory on cluster '{cluster}' matches the --app/--tier scope");
    }

    /// <summary>Refuses (exit 2) an app or tier the plan does not have.</summary>
    public static void CheckScope(DrPlan plan, IReadOnlyList<string> apps, IReadOnlyList<int> tiers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(tiers);
        var unknownApps = apps.Where(a => plan.FindApp(a) is null).ToList();
        if (unknownApps.Count > 0)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"unknown app{(unknownApps.Count == 1 ? "" : "s")} {string.Join(", ", unknownApps)} (apps: {string.Join(", ", plan.Apps.Select(a => a.Name))})");
        }

        var unknownTiers = tiers.Where(t => !plan.Tiers.Contains(t)).ToList();
        if (unknownTiers.Count > 0)
        {
            throw new AcmDrException(ExitCodes.InvalidInput, $"no app is in tier {string.Join(", ", unknownTiers)} (tiers: {string.Join(", ", plan.Tiers)})");
        }
    }

    /// <summary>The scope in tier order, one group per tier.</summary>
    public static IReadOnlyList<IGrouping<int, ScopedVm>> ByTier(IReadOnlyList<ScopedVm> scope) =>
        [.. scope.GroupBy(v => v.Tier).OrderBy(g => g.Key)];
}
