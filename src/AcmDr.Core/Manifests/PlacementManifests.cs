using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>Placements (one per cluster), their bindings, the PolicySets and the ManagedClusterSetBinding.</summary>
public static class PlacementManifests
{
    /// <summary>
    /// Selects exactly one cluster by the <c>name</c> label ACM puts on every ManagedCluster, and keeps
    /// it selected while it is briefly unreachable so the policies are not withdrawn mid-recovery.
    /// </summary>
    public static Mapping Placement(DrSettings settings, string cluster) =>
        Meta.Document($"{Meta.ClusterGroup}/v1beta1", "Placement", Meta.Metadata(PolicyNames.Placement(cluster), settings.HubNamespace))
            .Add("spec", new Mapping()
                .Add("clusterSets", Sequence.Of([settings.ClusterSet]))
                .Add("predicates", new Sequence().Add(new Mapping()
                    .Add("requiredClusterSelector", new Mapping()
                        .Add("labelSelector", new Mapping()
                            .Add("matchLabels", new Mapping().Add("name", cluster))))))
                .Add("tolerations", new Sequence()
                    .Add(Toleration("cluster.open-cluster-management.io/unreachable"))
                    .Add(Toleration("cluster.open-cluster-management.io/unavailable"))));

    public static Mapping Binding(DrSettings settings, string cluster, IEnumerable<string> policies)
    {
        var subjects = new Sequence();
        foreach (var policy in Meta.Sorted(policies))
        {
            subjects.Add(new Mapping().Add("apiGroup", Meta.PolicyGroup).Add("kind", "Policy").Add("name", policy));
        }

        return Meta.Document($"{Meta.PolicyGroup}/v1", "PlacementBinding", Meta.Metadata(PolicyNames.Placement(cluster), settings.HubNamespace))
            .Add("placementRef", new Mapping()
                .Add("apiGroup", Meta.ClusterGroup)
                .Add("kind", "Placement")
                .Add("name", PolicyNames.Placement(cluster)))
            .Add("subjects", subjects);
    }

    public static Mapping ClusterSetBinding(DrSettings settings) =>
        Meta.Document($"{Meta.ClusterGroup}/v1beta2", "ManagedClusterSetBinding", Meta.Metadata(settings.ClusterSet, settings.HubNamespace))
            .Add("spec", new Mapping().Add("clusterSet", settings.ClusterSet));

    public static Mapping PolicySet(DrSettings settings, TierSetPlan set)
    {
        var description = set.Cluster is null
            ? $"acmdr tier {set.Tier}: recovers after the tier before it runs at the new site"
            : $"acmdr tier {set.Tier} on cluster {set.Cluster}: what later tiers on that cluster wait for";
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PolicyNames.TierLabel] = set.Tier.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (set.Cluster is not null)
        {
            labels[PolicyNames.ClusterLabel] = set.Cluster;
        }

        return Meta.Document($"{Meta.PolicyGroup}/v1beta1", "PolicySet", Meta.Metadata(set.Name, settings.HubNamespace, labels))
            .Add("spec", new Mapping()
                .Add("description", description)
                .Add("policies", Sequence.Of(set.Policies)));
    }

    private static Mapping Toleration(string key) =>
        new Mapping().Add("key", key).Add("operator", "Exists");
}
