using AcmDr.Core.Planning;

namespace AcmDr.Core.Managed;

/// <summary>
/// Which VMs of the plan a command on one managed cluster acts on: those of that cluster, narrowed to
/// the apps and tiers asked for, lowest tier first.
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
        if (named is not null)
        {
            return plan.Clusters.Contains(named, StringComparer.Ordinal)
                ? named
                : throw new AcmDrException(ExitCodes.InvalidInput, $"--cluster '{named}' is not a cluster of the inventory (clusters: {string.Join(", ", plan.Clusters)})");
        }

        if (plan.Clusters.Contains(contextName, StringComparer.Ordinal))
        {
            return contextName;
        }

        return plan.Clusters.Count == 1
            ? plan.Clusters[0]
            : throw new AcmDrException(ExitCodes.InvalidInput,
                $"the inventory names several clusters ({string.Join(", ", plan.Clusters)}) and the context '{contextName}' is none of them: pass --cluster NAME");
    }

    /// <summary>
    /// The VMs of <paramref name="cluster"/> in the named apps and tiers (their union, as a flip of the
    /// same apps and tiers sets an override for each), or all of them when none is named.
    /// </summary>
    public static IReadOnlyList<ScopedVm> Select(DrPlan plan, string cluster, IReadOnlyList<string> apps, IReadOnlyList<int> tiers)
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

        var scope = plan.Policies
            .Where(p => p.Cluster == cluster)
            .Where(p => (apps.Count == 0 && tiers.Count == 0) || apps.Contains(p.App, StringComparer.Ordinal) || tiers.Contains(p.Tier))
            .SelectMany(p => p.Vms.Select(vm => new ScopedVm(vm, p.App, p.Tier)))
            .OrderBy(v => v.Tier)
            .ThenBy(v => v.App, StringComparer.Ordinal)
            .ThenBy(v => v.Vm.Namespace, StringComparer.Ordinal)
            .ThenBy(v => v.Vm.Name, StringComparer.Ordinal)
            .ToList();
        return scope.Count > 0
            ? scope
            : throw new AcmDrException(ExitCodes.InvalidInput, $"no VM of the inventory on cluster '{cluster}' matches the --app/--tier scope");
    }

    /// <summary>The scope in tier order, one group per tier.</summary>
    public static IReadOnlyList<IGrouping<int, ScopedVm>> ByTier(IReadOnlyList<ScopedVm> scope) =>
        [.. scope.GroupBy(v => v.Tier).OrderBy(g => g.Key)];
}
