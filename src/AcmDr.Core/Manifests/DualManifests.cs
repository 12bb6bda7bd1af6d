using System.Text;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// What a dual-cluster app adds besides its policy: the Placement its DRPlacementControl refers to (Ramen makes its
/// decision; OCM's scheduler is off), the binding of the cluster set in the dual namespace, and the policy's two
/// templates (<see cref="DualTemplates"/>).
/// </summary>
public static class DualManifests
{
    /// <summary>OCM's scheduler leaves a Placement with this annotation to Ramen, which writes its PlacementDecision.</summary>
    public const string SchedulingDisableAnnotation = "cluster.open-cluster-management.io/experimental-scheduling-disable";

    /// <summary>The app's Placement: one cluster out of exactly its home and peer, decided by Ramen.</summary>
    public static Mapping Placement(DrSettings settings, DualPlan dual, string app)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dual);
        var metadata = Meta.Metadata(dual.Name, dual.Namespace,
            new Dictionary<string, string>(StringComparer.Ordinal) { [PolicyNames.AppLabel] = app },
            new Mapping().Add(SchedulingDisableAnnotation, "true"));
        return Meta.Document($"{Meta.ClusterGroup}/v1beta1", "Placement", metadata)
            .Add("spec", new Mapping()
                .Add("clusterSets", Sequence.Of([settings.ClusterSet]))
                .Add("numberOfClusters", TypedScalar.Of(1))
                .Add("predicates", new Sequence().Add(new Mapping()
                    .Add("requiredClusterSelector", new Mapping()
                        .Add("labelSelector", new Mapping()
                            .Add("matchExpressions", new Sequence().Add(new Mapping()
                                .Add("key", "name")
                                .Add("operator", "In")
                                .Add("values", Sequence.Of([dual.Home, dual.Peer])))))))));
    }

    /// <summary>Binds the cluster set in the dual namespace, where the apps' Placements select from it.</summary>
    public static Mapping ClusterSetBinding(DrSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Meta.Document($"{Meta.ClusterGroup}/v1beta2", "ManagedClusterSetBinding", Meta.Metadata(settings.ClusterSet, settings.Dual.Namespace))
            .Add("spec", new Mapping().Add("clusterSet", settings.ClusterSet));
    }

    /// <summary>Whether the dual namespace needs its own binding: it does unless it is the hub namespace, bound already.</summary>
    public static bool NeedsClusterSetBinding(DrSettings settings) =>
        settings.Dual.Namespace != settings.HubNamespace;

    /// <summary>The policy's templates: <c>-drpc</c> (enforce) and <c>-recovered</c> (inform).</summary>
    public static Sequence PolicyTemplates(DrSettings settings, PolicyPlan policy, IReadOnlyList<MoveGate> gates, StringBuilder scratch)
    {
        var site = SiteTemplates.HubSite(settings, policy.App, policy.Tier);
        var drpc = PolicyManifest.ConfigurationPolicy(PolicyNames.DrpcTemplate(policy.Name), "enforce",
            "object-templates-raw", new Scalar(DualTemplates.DrpcObjectTemplates(settings, policy, gates, scratch)));
        var recovered = PolicyManifest.ConfigurationPolicy(PolicyNames.RecoveredTemplate(policy.Name), "inform",
            "object-templates-raw", new Scalar(DualTemplates.RecoveredObjectTemplates(settings, policy, scratch)));
        // The site resolved on the hub, as on a stretched app's -site template: readable in a replicated policy.
        ((Mapping)drpc["metadata"]!).Add("annotations", new Mapping().Add(PolicyNames.ResolvedSiteAnnotation, site));
        return new Sequence()
            .Add(new Mapping().Add("objectDefinition", drpc))
            .Add(new Mapping().Add("objectDefinition", recovered));
    }
}
