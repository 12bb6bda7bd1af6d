using AcmDr.Core.Inventory;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Planning;

/// <summary>
/// Turns a validated inventory into the DR plan. ACM evaluates dependencies on each managed cluster,
/// so every dependency names only policies placed on the same cluster as the policy that waits.
/// </summary>
public static class PlanBuilder
{
    public static DrPlan Build(Inventory.Inventory inventory, DrSettings settings)
    {
        // Plain loops over lists and string-keyed dictionaries rather than LINQ over tuples and ints:
        // the runtime has no precompiled code for those instantiations, and compiling them at start-up
        // cost about as much as planning 10,000 VMs.
        var rowsOf = new Dictionary<string, List<InventoryRow>>(StringComparer.Ordinal);
        var appRows = new List<List<InventoryRow>>();
        foreach (var row in inventory.Rows)
        {
            if (!rowsOf.TryGetValue(row.App, out var rows))
            {
                rows = [];
                rowsOf[row.App] = rows;
                appRows.Add(rows);
            }

            rows.Add(row);
        }

        // By tier, then name (a validated inventory gives every row of an app the same tier).
        appRows.Sort(static (a, b) => a[0].Tier != b[0].Tier ? a[0].Tier.CompareTo(b[0].Tier) : string.CompareOrdinal(a[0].App, b[0].App));

        // Which clusters each app lives on decides its policy names, needed before dependencies.
        var clustersOf = new Dictionary<string, List<string>>(appRows.Count, StringComparer.Ordinal);
        var tiers = new List<int>();
        foreach (var rows in appRows)
        {
            // A dual-cluster app's policy is placed on the hub itself, so its tier order and depends_on are evaluated there.
            clustersOf[rows[0].App] = rows[0].IsDual ? [settings.Dual.HubCluster] : DistinctSorted(rows, static r => r.Cluster);
            if (!tiers.Contains(rows[0].Tier))
            {
                tiers.Add(rows[0].Tier);
            }
        }

        tiers.Sort();

        // For each tier (by its index in tiers): the clusters it has apps on, and those on which a
        // later tier waits for it through a per-cluster PolicySet.
        var clustersOfTier = new List<HashSet<string>>(tiers.Count);
        var perClusterSets = new List<SortedSet<string>>(tiers.Count);
        foreach (var _ in tiers)
        {
            clustersOfTier.Add(new HashSet<string>(StringComparer.Ordinal));
            perClusterSets.Add(new SortedSet<string>(StringComparer.Ordinal));
        }

        foreach (var rows in appRows)
        {
            clustersOfTier[tiers.IndexOf(rows[0].Tier)].UnionWith(clustersOf[rows[0].App]);
        }

        var apps = new List<AppPlan>(appRows.Count);
        var allPolicies = new List<PolicyPlan>();
        foreach (var rows in appRows)
        {
            var first = rows[0];
            var name = first.App;
            var dependsOn = DistinctSortedOfAll(rows, static r => r.DependsOn);
            var appClusters = clustersOf[name];
            var spans = appClusters.Count > 1;
            var policies = new List<PolicyPlan>(appClusters.Count);
            foreach (var cluster in appClusters)
            {
                var dependencies = new List<PolicyDependency>(dependsOn.Count + 1);
                // The nearest earlier tier with apps on this cluster: this policy waits for it.
                var previous = -1;
                for (var t = tiers.IndexOf(first.Tier) - 1; t >= 0 && previous < 0; t--)
                {
                    if (clustersOfTier[t].Contains(cluster))
                    {
                        previous = t;
                    }
                }

                if (previous >= 0)
                {
                    var prev = tiers[previous];
                    // The earlier tier is on this cluster; whole when on no other.
                    var wholeTierHere = clustersOfTier[previous].Count == 1;
                    if (wholeTierHere)
                    {
                        dependencies.Add(new(PolicyDependency.PolicySetKind, PolicyNames.TierSet(prev)));
                    }
                    else
                    {
                        perClusterSets[previous].Add(cluster);
                        dependencies.Add(new(PolicyDependency.PolicySetKind, PolicyNames.TierSetOnCluster(prev, cluster)));
                    }
                }

                foreach (var dep in dependsOn)
                {
                    dependencies.Add(new PolicyDependency(PolicyDependency.PolicyKind, PolicyNames.Policy(dep, cluster, clustersOf[dep].Count > 1)));
                }

                var vms = new List<VmRef>(rows.Count);
                foreach (var row in rows)
                {
                    if (row.Cluster == cluster || row.IsDual)
                    {
                        vms.Add(new VmRef(row.Namespace, row.Vm));
                    }
                }

                // A plain sort, not OrderBy/ThenBy (which builds key arrays for each of 10,000 small
                // lists): the same order, since a validated inventory has each namespace/VM once.
                vms.Sort(ByNamespaceThenName);
                policies.Add(new PolicyPlan(PolicyNames.Policy(name, cluster, spans), name, first.Tier, cluster, first.RtoMinutes, vms, dependencies, DualOf(first, settings)));
            }

            allPolicies.AddRange(policies);
            apps.Add(new AppPlan(name, first.Tier, first.RtoMinutes, dependsOn, policies));
        }

        var sets = new List<TierSetPlan>();
        for (var t = 0; t < tiers.Count; t++)
        {
            var tier = tiers[t];
            sets.Add(new TierSetPlan(PolicyNames.TierSet(tier), tier, null, PolicyNamesIn(allPolicies, tier, null)));
            foreach (var cluster in perClusterSets[t])
            {
                sets.Add(new TierSetPlan(PolicyNames.TierSetOnCluster(tier, cluster), tier, cluster, PolicyNamesIn(allPolicies, tier, cluster)));
            }
        }

        var clusters = DistinctSorted(allPolicies, static p => p.Cluster);
        return new DrPlan(settings, tiers, apps, allPolicies, sets, clusters);
    }

    /// <summary>How Ramen protects the app of <paramref name="row"/>, when it is dual (a validated inventory gives it a DRPolicy).</summary>
    private static DualPlan? DualOf(InventoryRow row, DrSettings settings)
    {
        if (row.Peer is not { } peer)
        {
            return null;
        }

        var dual = settings.Dual;
        var drPolicy = dual.PolicyFor(row.Cluster, peer)
            ?? throw new InvalidOperationException($"no DRPolicy pairs {row.Cluster} and {peer}: the inventory was not validated against these settings");
        return new DualPlan(PolicyNames.DualResource(row.App), dual.Namespace, row.Cluster, peer, drPolicy.Name, dual.PvcMatchLabelsOf(row.App));
    }

    private static List<string> DistinctSorted<T>(List<T> items, Func<T, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<string>();
        foreach (var item in items)
        {
            var value = key(item);
            if (seen.Add(value))
            {
                values.Add(value);
            }
        }

        values.Sort(StringComparer.Ordinal);
        return values;
    }

    private static List<string> DistinctSortedOfAll<T>(List<T> items, Func<T, IReadOnlyList<string>> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<string>();
        foreach (var item in items)
        {
            foreach (var value in keys(item))
            {
                if (seen.Add(value))
                {
                    values.Add(value);
                }
            }
        }

        values.Sort(StringComparer.Ordinal);
        return values;
    }

    private static int ByNamespaceThenName(VmRef a, VmRef b)
    {
        var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    }

    private static List<string> PolicyNamesIn(List<PolicyPlan> policies, int tier, string? cluster)
    {
        var names = new List<string>();
        foreach (var policy in policies)
        {
            if (policy.Tier == tier && (cluster is null || policy.Cluster == cluster))
            {
                names.Add(policy.Name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
