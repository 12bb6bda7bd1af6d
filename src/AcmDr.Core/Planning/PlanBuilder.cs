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
        var appRows = inventory.Rows
            .GroupBy(r => r.App, StringComparer.Ordinal)
            .OrderBy(g => g.First().Tier)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        // Which clusters each app lives on decides its policy names, needed before dependencies.
        var clustersOf = appRows.ToDictionary(
            g => g.Key,
            g => g.Select(r => r.Cluster).Distinct().Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

        var tiers = appRows.Select(g => g.First().Tier).Distinct().Order().ToList();
        var tierClusters = appRows
            .SelectMany(g => clustersOf[g.Key].Select(c => (Tier: g.First().Tier, Cluster: c)))
            .Distinct()
            .ToList();
        var perClusterSets = new SortedSet<(int Tier, string Cluster)>();

        var apps = new List<AppPlan>();
        foreach (var rows in appRows)
        {
            var first = rows.First();
            var dependsOn = rows.SelectMany(r => r.DependsOn).Distinct().Order(StringComparer.Ordinal).ToList();
            var spans = clustersOf[rows.Key].Count > 1;
            var policies = new List<PolicyPlan>();
            foreach (var cluster in clustersOf[rows.Key])
            {
                var dependencies = new List<PolicyDependency>();
                var previous = tierClusters.Where(tc => tc.Cluster == cluster && tc.Tier < first.Tier)
                    .Select(tc => (int?)tc.Tier).Max();
                if (previous is { } prev)
                {
                    var wholeTierHere = tierClusters.Where(tc => tc.Tier == prev).All(tc => tc.Cluster == cluster);
                    if (wholeTierHere)
                    {
                        dependencies.Add(new(PolicyDependency.PolicySetKind, PolicyNames.TierSet(prev)));
                    }
                    else
                    {
                        perClusterSets.Add((prev, cluster));
                        dependencies.Add(new(PolicyDependency.PolicySetKind, PolicyNames.TierSetOnCluster(prev, cluster)));
                    }
                }

                dependencies.AddRange(dependsOn.Select(dep =>
                    new PolicyDependency(PolicyDependency.PolicyKind, PolicyNames.Policy(dep, cluster, clustersOf[dep].Count > 1))));

                var vms = rows.Where(r => r.Cluster == cluster).Select(r => new VmRef(r.Namespace, r.Vm)).ToList();
                // A plain sort, not OrderBy/ThenBy (which builds key arrays for each of 10,000 small
                // lists): the same order, since a validated inventory has each namespace/VM once.
                vms.Sort(ByNamespaceThenName);
                policies.Add(new PolicyPlan(PolicyNames.Policy(rows.Key, cluster, spans), rows.Key, first.Tier, cluster, first.RtoMinutes, vms, dependencies));
            }

            apps.Add(new AppPlan(rows.Key, first.Tier, first.RtoMinutes, dependsOn, policies));
        }

        var allPolicies = apps.SelectMany(a => a.Policies).ToList();
        var sets = new List<TierSetPlan>();
        foreach (var tier in tiers)
        {
            sets.Add(new TierSetPlan(PolicyNames.TierSet(tier), tier, null, PolicyNamesIn(allPolicies, tier, null)));
            foreach (var (_, cluster) in perClusterSets.Where(s => s.Tier == tier))
            {
                sets.Add(new TierSetPlan(PolicyNames.TierSetOnCluster(tier, cluster), tier, cluster, PolicyNamesIn(allPolicies, tier, cluster)));
            }
        }

        var clusters = allPolicies.Select(p => p.Cluster).Distinct().Order(StringComparer.Ordinal).ToList();
        return new DrPlan(settings, tiers, apps, allPolicies, sets, clusters);
    }

    private static int ByNamespaceThenName(VmRef a, VmRef b)
    {
        var byNamespace = string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    }

    private static List<string> PolicyNamesIn(List<PolicyPlan> policies, int tier, string? cluster) =>
        policies.Where(p => p.Tier == tier && (cluster is null || p.Cluster == cluster))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
}
