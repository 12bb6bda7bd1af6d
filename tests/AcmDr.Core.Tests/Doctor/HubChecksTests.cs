using AcmDr.Core.Compliance;
using AcmDr.Core.Doctor;
using FluentAssertions;
using static AcmDr.Core.Tests.Doctor.HubReadings;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>The hub's prerequisites of a flip, each finding one line naming the object and the fix.</summary>
[TestClass]
public sealed class HubChecksTests
{
    private const string Namespace = "ok   namespace acmdr found on the hub";
    private const string Switch = "ok   switch ConfigMap acmdr/acmdr-sites: site Primary";
    private const string Binding = "ok   ManagedClusterSetBinding acmdr/default: Bound";
    private const string Present = "ok   2 policies of the inventory found in acmdr";
    private const string Placed = "ok   2 policies placed on their cluster";
    private const string Compliant = "ok   2 policies report Compliant";

    [TestMethod]
    public void A_healthy_hub_gives_one_ok_line_per_check() =>
        Lines(Healthy()).Should().Equal(Namespace, Switch, Binding, Present, Placed, Compliant);

    [TestMethod]
    public void A_missing_namespace_is_one_failure_not_one_per_object_in_it() =>
        Lines(HubReading.NoNamespace("acmdr")).Should().Equal(
            "fail namespace acmdr not found on the hub; fix: oc create namespace acmdr, then acmdr generate, then oc apply -k policies/base and oc apply -k placements/");

    [TestMethod]
    public void A_missing_switch_says_how_to_apply_it() =>
        Lines(Healthy() with { Switch = null }).Should().Equal(Namespace,
            "fail switch ConfigMap acmdr/acmdr-sites not found on the hub; fix: acmdr generate, then oc apply -k policies/base",
            Binding, Present, Placed, Compliant);

    [TestMethod]
    public void A_switch_site_that_is_not_a_settings_site_fails_and_names_the_sites()
    {
        var lines = Lines(Healthy() with { Switch = new Dictionary<string, string> { ["site"] = "dr" } });

        lines[1].Should().Be("fail switch ConfigMap acmdr/acmdr-sites says site 'dr', not one of the sites Primary, DR: no policy is delivered (they fail closed); fix: acmdr flip --to SITE, SITE one of Primary, DR");
    }

    [TestMethod]
    public void A_switch_without_a_site_fails() =>
        Lines(Healthy() with { Switch = new Dictionary<string, string> { ["sites"] = "Primary,DR" } })[1].Should()
            .Be("fail switch ConfigMap acmdr/acmdr-sites has no site: no policy is delivered (they fail closed); fix: acmdr flip --to SITE, SITE one of Primary, DR");

    [TestMethod]
    public void An_override_with_an_unknown_site_fails_with_the_flip_that_clears_it()
    {
        var lines = Lines(Healthy() with { Switch = new Dictionary<string, string> { ["site"] = "Primary", ["tier-2"] = "Mars", ["app-db"] = "DR", ["moveRunning"] = "migrate" } });

        lines[1].Should().Be("fail switch ConfigMap acmdr/acmdr-sites says tier-2 'Mars', not one of the sites Primary, DR: that tier's policies are not delivered; fix: acmdr flip --clear --tier 2");
        lines[2].Should().Be(Binding, "the valid app-db override is not a finding, and no ok line hides the failure");
    }

    [TestMethod]
    [DataRow("none", "ok   switch ConfigMap acmdr/acmdr-sites: running VMs stay where they run until acmdr relocate moves them (moveRunning: none)")]
    [DataRow(null, "warn switch ConfigMap acmdr/acmdr-sites: running VMs stay where they run: the switch has no moveRunning (it was written before acmdr moved VMs by policy); fix: acmdr generate, then apply policies/base/acmdr-sites.yaml to the hub (or acmdr relocate moves them)")]
    [DataRow("yes", "warn switch ConfigMap acmdr/acmdr-sites: running VMs stay where they run: moveRunning 'yes' is not migrate or none; fix: acmdr generate, then apply policies/base/acmdr-sites.yaml to the hub (or acmdr relocate moves them)")]
    public void A_switch_that_does_not_let_the_policies_migrate_running_VMs_says_so(string? moveRunning, string line)
    {
        var data = new Dictionary<string, string> { ["site"] = "Primary", ["sites"] = "Primary,DR" };
        if (moveRunning is not null)
        {
            data["moveRunning"] = moveRunning;
        }

        Lines(Healthy() with { Switch = data }).Skip(1).Take(2).Should().Equal("ok   switch ConfigMap acmdr/acmdr-sites: site Primary", line);
    }

    [TestMethod]
    public void Valid_overrides_are_counted_on_the_ok_line() =>
        Lines(Healthy() with { Switch = new Dictionary<string, string> { ["site"] = "DR", ["app-db"] = "Primary" } })[1].Should()
            .Be("ok   switch ConfigMap acmdr/acmdr-sites: site DR, 1 override");

    [TestMethod]
    public void A_missing_cluster_set_binding_fails_with_the_placements_to_apply() =>
        Lines(Healthy() with { Binding = null })[2].Should()
            .Be("fail ManagedClusterSetBinding acmdr/default not found on the hub: no Placement in acmdr can select a cluster; fix: oc apply -k placements/");

    [TestMethod]
    public void An_unbound_cluster_set_binding_fails_with_its_reason() =>
        Lines(Healthy() with { Binding = new ClusterSetBindingReading("default", false, "ClusterSetNotFound") })[2].Should()
            .Be("fail ManagedClusterSetBinding acmdr/default is not Bound (ClusterSetNotFound); fix: check that ManagedClusterSet default exists and that you may bind it (oc get managedclusterset default)");

    [TestMethod]
    public void A_binding_without_a_bound_condition_is_fine() =>
        Lines(Healthy() with { Binding = new ClusterSetBindingReading("default", null, null) })[2].Should()
            .Be("ok   ManagedClusterSetBinding acmdr/default found (the hub reports no Bound condition)");

    [TestMethod]
    public void Missing_policies_are_named_in_one_line_and_the_present_ones_still_checked()
    {
        var lines = Lines(Healthy() with { Policies = [Policy("dr-db"), Policy("dr-web", ns: "stretch-1")] });

        lines.Should().Equal(Namespace, Switch, Binding,
            "fail 1 of 2 policies of the inventory not found in acmdr: dr-web; fix: acmdr generate, then oc apply -k policies/base",
            "ok   1 policy placed on its cluster",
            "ok   1 policy reports Compliant");
    }

    [TestMethod]
    public void A_missing_placement_leaves_its_policies_unplaced_unless_their_status_lists_the_cluster()
    {
        var lines = Lines(Healthy() with { Placements = [], Policies = [Policy("dr-db"), Policy("dr-web", compliance: null)] });

        lines.Should().Equal(Namespace, Switch, Binding, Present,
            "fail Placement acmdr/acmdr-stretch-1 not found on the hub: 1 policy not placed on stretch-1 (dr-web); fix: oc apply -k placements/",
            "ok   1 policy reports Compliant");
    }

    [TestMethod]
    public void A_placement_that_selects_no_cluster_points_at_the_managed_cluster_labels()
    {
        var lines = Lines(Healthy() with
        {
            Placements = [new PlacementReading("acmdr-stretch-1", ["stretch-9"])],
            Policies = [Policy("dr-db", compliance: null), Policy("dr-web", compliance: null)],
        });

        lines[4].Should().Be("fail Placement acmdr/acmdr-stretch-1 selects no cluster stretch-1: 2 policies not placed on stretch-1 (dr-db, dr-web); "
            + "fix: check that ManagedCluster stretch-1 has the label name=stretch-1 and is in ManagedClusterSet default (oc get managedcluster stretch-1 --show-labels)");
        lines.Should().HaveCount(5, "policies that are not placed are not also reported silent");
    }

    [TestMethod]
    public void A_placed_policy_without_compliance_fails_and_a_non_compliant_one_warns()
    {
        var lines = Lines(Healthy() with { Policies = [Policy("dr-db", ComplianceState.Unknown), Policy("dr-web", ComplianceState.NonCompliant)] });

        lines.Should().Equal(Namespace, Switch, Binding, Present, Placed,
            "fail 1 policy on stretch-1 reports no compliance (dr-db); fix: check the policy add-ons of stretch-1 (oc get managedclusteraddons -n stretch-1)",
            "warn 1 policy not compliant: dr-web NonCompliant on stretch-1; fix: acmdr report shows which VMs and why");
    }

    [TestMethod]
    public void A_pending_policy_warns_as_not_compliant() =>
        Lines(Healthy() with { Policies = [Policy("dr-db"), Policy("dr-web", ComplianceState.Pending)] })[^1].Should()
            .Be("warn 1 policy not compliant: dr-web Pending on stretch-1; fix: acmdr report shows which VMs and why");

    [TestMethod]
    public void Compliance_of_another_cluster_does_not_count() =>
        Lines(Healthy() with { Policies = [Policy("dr-db"), Policy("dr-web", cluster: "stretch-2")] })[^1].Should()
            .StartWith("fail 1 policy on stretch-1 reports no compliance (dr-web)");

    [TestMethod]
    public void Long_name_lists_show_five_and_count_the_rest() =>
        NameList.Of(["a", "b", "c", "d", "e", "f", "g"]).Should().Be("a, b, c, d, e and 2 more");

    [TestMethod]
    public void Bad_overrides_come_in_key_order_and_an_app_override_is_cleared_by_app()
    {
        var lines = Lines(Healthy() with { Switch = new Dictionary<string, string> { ["site"] = "Primary", ["tier-1"] = "x", ["app-db"] = "y" } });

        lines[1].Should().Be("fail switch ConfigMap acmdr/acmdr-sites says app-db 'y', not one of the sites Primary, DR: that app's policies are not delivered; fix: acmdr flip --clear --app db");
        lines[2].Should().StartWith("fail switch ConfigMap acmdr/acmdr-sites says tier-1 'x'");
    }

    [TestMethod]
    public void An_unbound_binding_without_a_reason_says_only_that() =>
        Lines(Healthy() with { Binding = new ClusterSetBindingReading("default", false, null) })[2].Should()
            .StartWith("fail ManagedClusterSetBinding acmdr/default is not Bound; fix:");

    [TestMethod]
    public void Several_silent_or_non_compliant_policies_are_counted_in_the_plural()
    {
        HubChecks.Check(Plan, Healthy() with { Policies = [Policy("dr-db", ComplianceState.Unknown), Policy("dr-web", ComplianceState.Unknown)] })[^1].Line.Should()
            .StartWith("fail 2 policies on stretch-1 report no compliance (dr-db, dr-web); fix:");
        HubChecks.Check(Plan, Healthy() with { Policies = [Policy("dr-db", ComplianceState.NonCompliant), Policy("dr-web", ComplianceState.Pending)] })[^1].Line.Should()
            .Be("warn 2 policies not compliant: dr-db NonCompliant on stretch-1, dr-web Pending on stretch-1; fix: acmdr report shows which VMs and why");
    }

    [TestMethod]
    public void Unplaced_and_silent_policies_are_one_line_per_cluster_in_name_order()
    {
        var plan = Support.Plans.Plan("db,1,finance,db-0,west,15,\nweb,2,web,web-0,east,30,\n");
        var unplaced = HubChecks.Check(plan, Healthy() with { Placements = [], Policies = [Policy("dr-db", null), Policy("dr-web", null)] });
        var silent = HubChecks.Check(plan, Healthy() with { Policies = [Policy("dr-db", ComplianceState.Unknown, "west"), Policy("dr-web", ComplianceState.Unknown, "east")] });

        unplaced.Select(f => f.Text).Should().ContainInOrder(
            "Placement acmdr/acmdr-east not found on the hub: 1 policy not placed on east (dr-web)",
            "Placement acmdr/acmdr-west not found on the hub: 1 policy not placed on west (dr-db)");
        unplaced.Should().NotContain(f => f.Text.Contains("placed on its cluster", StringComparison.Ordinal), "no policy is placed");
        silent.Select(f => f.Text).Should().ContainInOrder("1 policy on east reports no compliance (dr-web)", "1 policy on west reports no compliance (dr-db)");
    }

    [TestMethod]
    public void Five_names_are_shown_whole() =>
        NameList.Of(["a", "b", "c", "d", "e"]).Should().Be("a, b, c, d, e");
}
