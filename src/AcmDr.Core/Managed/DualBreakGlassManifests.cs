using System.Globalization;
using AcmDr.Core.Dual;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Managed;

/// <summary>
/// Break glass for dual-cluster apps when ACM's policy engine is down but Ramen runs on the hub: the
/// DRPlacementControls as their hub-local policies would set them for a move to a site, for
/// <c>oc apply -f</c> on the hub. Each is whole (Ramen's immutable drPolicyRef, placementRef and
/// pvcSelector as acmdr generates them, so it validates and a mismatch is refused rather than changed),
/// and holds only what a move changes: <c>action</c> with <c>preferredCluster</c> (planned, Relocate) or
/// <c>failoverCluster</c> (unplanned, Failover), T being the app's cluster at the site. Nothing is removed:
/// <c>oc apply</c> keeps the fields these leave out (a Failover keeps <c>preferredCluster</c>), and no VM is touched.
/// </summary>
public static class DualBreakGlassManifests
{
    /// <summary>One DRPlacementControl per app, by tier then name (as <paramref name="apps"/> come from <see cref="DualScope.Apps"/>).</summary>
    public static IReadOnlyList<Mapping> Drpcs(IReadOnlyList<AppPlan> apps, string site, string homeSite, bool unplanned)
    {
        ArgumentNullException.ThrowIfNull(apps);
        return [.. apps.Select(a => Drpc(a, site, homeSite, unplanned))];
    }

    public static Mapping Drpc(AppPlan app, string site, string homeSite, bool unplanned)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dual = app.Dual ?? throw new ArgumentException($"app {app.Name} is not a dual-cluster app", nameof(app));
        var target = dual.ClusterAt(site, homeSite);
        var spec = new Mapping()
            .Add("drPolicyRef", new Mapping().Add("name", dual.DrPolicy))
            .Add("placementRef", new Mapping().Add("kind", "Placement").Add("name", dual.Name).Add("namespace", dual.Namespace))
            .Add("pvcSelector", new Mapping().Add("matchLabels", MatchLabels(dual.PvcMatchLabels)));
        if (unplanned)
        {
            spec.Add("action", DrpcStates.FailoverAction).Add("failoverCluster", target);
        }
        else
        {
            spec.Add("action", DrpcStates.RelocateAction).Add("preferredCluster", target);
        }

        return new Mapping()
            .Add("apiVersion", DualTemplates.DrpcApiVersion)
            .Add("kind", DualTemplates.DrpcKind)
            .Add("metadata", new Mapping()
                .Add("name", dual.Name)
                .Add("namespace", dual.Namespace)
                .Add("labels", new Mapping()
                    .Add(PolicyNames.ManagedByLabel, PolicyNames.ManagedByValue)
                    .Add(PolicyNames.AppLabel, app.Name)
                    .Add(PolicyNames.TierLabel, app.Tier.ToString(CultureInfo.InvariantCulture)))
                .Add("annotations", new Mapping().Add(PolicyNames.TargetClusterAnnotation, target)))
            .Add("spec", spec);
    }

    /// <summary>What the DRPlacementControls ask of Ramen, for the line saying what was rendered.</summary>
    public static string ActionText(bool unplanned) => unplanned ? $"unplanned: {DrpcStates.FailoverAction}" : $"planned: {DrpcStates.RelocateAction}";

    private static Mapping MatchLabels(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var mapping = new Mapping();
        foreach (var (key, value) in labels)
        {
            mapping.Add(key, value);
        }

        return mapping;
    }
}
