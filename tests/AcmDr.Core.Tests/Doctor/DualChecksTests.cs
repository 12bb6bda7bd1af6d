using AcmDr.Core.Doctor;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>What doctor says about the hub's Ramen set-up for the dual-cluster apps.</summary>
[TestClass]
public sealed class DualChecksTests
{
    private static DrpcReading Erp => new("dr-erp", "east-west-5m", "Placement", "dr-erp", "openshift-gitops", [new("appname", "erp-db")], 0);

    private static DualReading Ready(params DrpcReading[] drpcs) =>
        new("openshift-gitops", true, true, [new DrPolicyReading("east-west-5m", ["west", "east"])], drpcs);

    private static IReadOnlyList<string> Lines(DualReading hub) => [.. DualChecks.Check(DualPlans.Mixed, hub).Select(f => f.Line)];

    [TestMethod]
    public void A_ready_hub_gives_one_ok_line_per_check()
    {
        Lines(Ready(Erp)).Should().Equal(
            "ok   dual namespace openshift-gitops found on the hub",
            "ok   ManagedCluster local-cluster (the hub itself) found: the dual-cluster apps' policies are placed on it",
            "ok   1 DRPolicy of acmdr.yaml's dual settings found, pairing the clusters they say",
            "ok   1 DRPlacementControl in openshift-gitops has the drPolicyRef, placementRef and pvcSelector acmdr generates (1 not created yet: its policy creates it)");
    }

    [TestMethod]
    public void An_inventory_without_dual_apps_gets_no_dual_line() =>
        DualChecks.Check(Plans.Plan("web,1,shop,web-0,c1,,\n"), Ready()).Should().BeEmpty();

    [TestMethod]
    public void A_missing_namespace_hub_cluster_and_DRPolicy_each_fail_with_a_fix()
    {
        var lines = Lines(new DualReading("openshift-gitops", false, false, [], []));

        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("fail dual namespace openshift-gitops not found on the hub").And.Contain("; fix: oc create namespace openshift-gitops");
        lines[1].Should().StartWith("fail ManagedCluster local-cluster not found on the hub: the policies of the dual-cluster apps (dr-erp, dr-crm) are placed on it and never run; fix: ");
        lines[2].Should().StartWith("fail DRPolicy east-west-5m not found on the hub: dual-cluster apps erp, crm cannot be protected; fix: create it with Ramen pairing east and west");
    }

    [TestMethod]
    public void A_DRPolicy_pairing_other_clusters_fails_naming_both_pairs() =>
        Lines(Ready(Erp) with { DrPolicies = [new DrPolicyReading("east-west-5m", ["east", "north"])] })[2].Should().StartWith(
            "fail DRPolicy east-west-5m pairs east, north on the hub, acmdr.yaml says east and west: dual-cluster apps erp, crm cannot be protected; fix: ");

    [TestMethod]
    public void Each_immutable_field_that_differs_is_its_own_failure_saying_the_policy_can_never_be_compliant()
    {
        var wrong = new DrpcReading("dr-erp", "east-west-1m", "PlacementRule", "erp", "openshift-gitops", [new("app", "erp")], 0);

        var failures = Lines(Ready(wrong)).Where(l => l.StartsWith("fail", StringComparison.Ordinal)).ToList();

        failures.Should().HaveCount(3);
        failures[0].Should().StartWith("fail DRPlacementControl openshift-gitops/dr-erp has drPolicyRef east-west-1m, acmdr generates east-west-5m: drPolicyRef is immutable in Ramen, so policy dr-erp can never be compliant; fix: if east-west-1m pairs east and west, name it in dual.drPolicies");
        failures[1].Should().StartWith("fail DRPlacementControl openshift-gitops/dr-erp has placementRef PlacementRule openshift-gitops/erp, acmdr generates Placement openshift-gitops/dr-erp: placementRef is immutable");
        failures[2].Should().StartWith("fail DRPlacementControl openshift-gitops/dr-erp has pvcSelector matchLabels {app: erp}, acmdr generates matchLabels {appname: erp-db}: pvcSelector is immutable")
            .And.Contain("fix: set dual.apps.erp.pvcSelector.matchLabels in acmdr.yaml to {app: erp} and acmdr generate, or disable and re-enable DR for app erp");
    }

    [TestMethod]
    public void A_placementRef_without_namespace_is_the_DRPCs_own_and_matches() =>
        Lines(Ready(Erp with { PlacementNamespace = null, PlacementKind = null })).Should().OnlyContain(l => l.StartsWith("ok", StringComparison.Ordinal));

    [TestMethod]
    public void Match_expressions_acmdr_does_not_generate_are_a_mismatch() =>
        Lines(Ready(Erp with { PvcMatchExpressions = 1 })).Should().ContainSingle(l => l.StartsWith("fail", StringComparison.Ordinal))
            .Which.Should().Contain("matchLabels {appname: erp-db} and 1 matchExpressions, acmdr generates matchLabels {appname: erp-db}");
}
