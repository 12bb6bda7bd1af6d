using AcmDr.Core.Managed;
using AcmDr.Core.Manifests;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>The DRPlacementControls break glass renders for the hub, per switch state.</summary>
[TestClass]
public sealed class DualBreakGlassManifestsTests
{
    private static Mapping Drpc(string app, string site, bool unplanned) =>
        DualBreakGlassManifests.Drpc(DualPlans.Mixed.FindApp(app)!, site, "Primary", unplanned);

    private static string? Text(Mapping mapping, params string[] path)
    {
        ManifestNode? node = mapping;
        foreach (var key in path)
        {
            node = (node as Mapping)?[key];
        }

        return (node as Scalar)?.Value;
    }

    private static IEnumerable<string> Keys(Mapping mapping, string key) => ((Mapping)mapping[key]!).Entries.Select(e => e.Key);

    [TestMethod]
    public void A_planned_move_to_DR_relocates_to_the_peer()
    {
        var drpc = Drpc("crm", "DR", unplanned: false);

        Text(drpc, "spec", "action").Should().Be("Relocate");
        Text(drpc, "spec", "preferredCluster").Should().Be("west");
        Keys(drpc, "spec").Should().NotContain("failoverCluster");
        Text(drpc, "metadata", "annotations", "acmdr.io/target-cluster").Should().Be("west");
    }

    [TestMethod]
    public void An_unplanned_move_fails_over_to_the_peer_and_leaves_preferredCluster_as_it_is()
    {
        var drpc = Drpc("crm", "DR", unplanned: true);

        Text(drpc, "spec", "action").Should().Be("Failover");
        Text(drpc, "spec", "failoverCluster").Should().Be("west");
        Keys(drpc, "spec").Should().NotContain("preferredCluster");
    }

    [TestMethod]
    public void Failback_to_the_home_site_relocates_to_the_home_cluster()
    {
        var drpc = Drpc("crm", "Primary", unplanned: false);

        Text(drpc, "spec", "action").Should().Be("Relocate");
        Text(drpc, "spec", "preferredCluster").Should().Be("east");
    }

    [TestMethod]
    public void The_immutable_fields_are_those_acmdr_generates_with_the_apps_own_PVC_selector()
    {
        var drpc = Drpc("erp", "DR", unplanned: false);

        Text(drpc, "metadata", "name").Should().Be("dr-erp");
        Text(drpc, "metadata", "namespace").Should().Be("openshift-gitops");
        Text(drpc, "metadata", "labels", "acmdr.io/tier").Should().Be("1");
        Text(drpc, "spec", "drPolicyRef", "name").Should().Be("east-west-5m");
        Text(drpc, "spec", "placementRef", "kind").Should().Be("Placement");
        Text(drpc, "spec", "placementRef", "name").Should().Be("dr-erp");
        Text(drpc, "spec", "placementRef", "namespace").Should().Be("openshift-gitops");
        Text(drpc, "spec", "pvcSelector", "matchLabels", "appname").Should().Be("erp-db");
        Text(Drpc("crm", "DR", unplanned: false), "spec", "pvcSelector", "matchLabels", "appname").Should().Be("crm");
    }

    [TestMethod]
    public void A_stretched_app_has_no_DRPlacementControl() =>
        FluentActions.Invoking(() => DualBreakGlassManifests.Drpc(DualPlans.Mixed.FindApp("web")!, "DR", "Primary", unplanned: false))
            .Should().Throw<ArgumentException>();

    [TestMethod]
    public void A_stretched_app_is_refused_by_name() =>
        FluentActions.Invoking(() => DualBreakGlassManifests.Drpc(DualPlans.Mixed.FindApp("web")!, "DR", "Primary", unplanned: false))
            .Should().Throw<ArgumentException>().WithMessage("app web is not a dual-cluster app*").WithParameterName("app");

    [TestMethod]
    public void Missing_apps_are_refused()
    {
        FluentActions.Invoking(() => DualBreakGlassManifests.Drpcs(null!, "DR", "Primary", unplanned: false)).Should().Throw<ArgumentNullException>().WithParameterName("apps");
        FluentActions.Invoking(() => DualBreakGlassManifests.Drpc(null!, "DR", "Primary", unplanned: false)).Should().Throw<ArgumentNullException>().WithParameterName("app");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Each_rendered_drpc_is_a_ramen_DRPlacementControl_named_after_its_app(bool unplanned)
    {
        var drpcs = DualBreakGlassManifests.Drpcs(DualScope.Apps(DualPlans.Mixed, [], []), "DR", "Primary", unplanned);

        drpcs.Select(d => (Text(d, "apiVersion"), Text(d, "kind"), Text(d, "metadata", "labels", "acmdr.io/app"), Text(d, "metadata", "labels", "acmdr.io/tier")))
            .Should().Equal(
                ("ramendr.openshift.io/v1alpha1", "DRPlacementControl", "erp", "1"),
                ("ramendr.openshift.io/v1alpha1", "DRPlacementControl", "crm", "2"));
    }

    [TestMethod]
    public void The_rendered_line_names_the_ramen_action_of_each_mode()
    {
        DualBreakGlassManifests.ActionText(unplanned: false).Should().Be("planned: Relocate");
        DualBreakGlassManifests.ActionText(unplanned: true).Should().Be("unplanned: Failover");
    }
}
