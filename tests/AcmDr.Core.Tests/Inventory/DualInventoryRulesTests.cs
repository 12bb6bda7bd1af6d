using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

/// <summary>The rules for dual-cluster apps (rows naming a peer), each refused at file:line:column of the blamed cell.</summary>
[TestClass]
public sealed class DualInventoryRulesTests
{
    // Columns: app 1, tier 2, namespace 3, vm 4, cluster 5, rto_minutes 6, depends_on 7, peer 8.
    private const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n";

    private static readonly DrSettings Settings = DrSettings.Default with
    {
        DualOrNull = DualSettings.Default with
        {
            DrPolicies = [new("east-west-5m", "east", "west", 5, 7), new("north-south", "north", "south", 7, 7)],
            Source = "acmdr.yaml",
        },
    };

    private static IReadOnlyList<string> Errors(string rows, DrSettings? settings = null) => Plans.Errors(Header + rows, settings ?? Settings);

    private static DrSettings WithOverride(string app) =>
        Settings with { DualOrNull = Settings.Dual with { Apps = [new(app, [new("appname", "x-db")], 12, 5)] } };

    [TestMethod]
    public void Stretched_and_dual_apps_together_are_valid() =>
        Errors("db,1,shop,db-0,stretch-1,,,\nweb,2,shop,web-0,stretch-1,,db,\nerp,1,fin,erp-0,east,,,west\nerp,1,fin,erp-1,east,,,west\ncrm,2,crm,crm-0,west,,erp,east\nhr,3,hr,hr-0,north,,crm,south\n")
            .Should().BeEmpty();

    [TestMethod]
    public void Rows_of_one_app_where_some_name_a_peer_and_some_not_are_refused_at_the_peer_cell() =>
        Errors("erp,1,fin,erp-0,east,,,west\nerp,1,fin,erp-1,east,,,west\nerp,1,fin,erp-2,east,,,\n").Should().Equal(
            "apps.csv:4:8: app 'erp' has peer (empty) here but 'west' on line 2: all rows of an app must agree, and a dual-cluster app names its peer on every row");

    [TestMethod]
    public void Rows_of_one_app_naming_two_peers_are_refused_at_the_peer_cell() =>
        Errors("erp,1,fin,erp-0,east,,,west\nerp,1,fin,erp-1,west,,,east\nerp,1,fin,erp-2,east,,,west\n").Should().Equal(
            "apps.csv:3:8: app 'erp' has peer 'east' here but 'west' on line 2: all rows of an app must agree, and a dual-cluster app names its peer on every row");

    [TestMethod]
    public void A_dual_app_has_one_home_cluster() =>
        Errors("erp,1,fin,erp-0,east,,,west\nerp,1,fin,erp-1,north,,,west\n").Should().Equal(
            "apps.csv:3:5: app 'erp' has home cluster 'north' here but 'east' on line 2: a dual-cluster app has one home cluster, which Ramen moves to its peer and back");

    [TestMethod]
    public void A_stretched_app_may_still_span_clusters() =>
        Errors("web,1,shop,web-0,stretch-1,,,\nweb,1,shop,web-1,stretch-2,,,\n").Should().BeEmpty();

    [TestMethod]
    public void A_peer_equal_to_the_home_cluster_is_refused_at_the_peer_cell() =>
        Errors("erp,1,fin,erp-0,east,,,east\n").Should().Equal(
            "apps.csv:2:8: column 'peer': 'east' is also the home cluster (column 'cluster'): the peer is the other cluster of the app's DRPolicy, where Ramen moves it");

    [TestMethod]
    public void A_peer_that_is_not_a_cluster_name_is_refused_like_any_name() =>
        Errors("erp,1,fin,erp-0,east,,,West_1\n").Should().Equal(
            "apps.csv:2:8: column 'peer': 'West_1' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); did you mean 'west-1'?");

    [TestMethod]
    public void A_peer_no_DRPolicy_names_is_refused_listing_the_known_clusters() =>
        Errors("erp,1,fin,erp-0,east,,,central\nerp,1,fin,erp-1,east,,,central\n").Should().Equal(
            "apps.csv:2:8: app 'erp' has peer 'central', a cluster no DRPolicy in acmdr.yaml names: known clusters are east, north, south, west");

    [TestMethod]
    public void A_home_cluster_no_DRPolicy_names_is_refused_at_the_cluster_cell() =>
        Errors("erp,1,fin,erp-0,central,,,west\n").Should().Equal(
            "apps.csv:2:5: app 'erp' has home cluster 'central', a cluster no DRPolicy in acmdr.yaml names: known clusters are east, north, south, west");

    [TestMethod]
    public void A_home_and_peer_no_DRPolicy_pairs_are_refused_saying_where_to_add_one() =>
        Errors("erp,1,fin,erp-0,east,,,north\n").Should().Equal(
            "apps.csv:2:8: app 'erp' has home 'east' and peer 'north', but no DRPolicy pairs them: add it under dual.drPolicies in acmdr.yaml as '- name: <the DRPolicy on the hub>' with 'clusters: [east, north]'");

    [TestMethod]
    public void A_dual_app_without_any_DRPolicy_in_the_settings_is_refused_saying_where_to_add_one() =>
        Errors("erp,1,fin,erp-0,east,,,west\n", DrSettings.Default).Should().Equal(
            "apps.csv:2:8: app 'erp' is a dual-cluster app (peer 'west') but no DRPolicy pairs 'east' and 'west': add it under dual.drPolicies in acmdr.yaml as '- name: <the DRPolicy on the hub>' with 'clusters: [east, west]'");

    [TestMethod]
    public void A_DRPolicy_pairs_its_clusters_in_either_order() =>
        Errors("erp,1,fin,erp-0,west,,,east\nhr,1,hr,hr-0,south,,,north\n").Should().BeEmpty();

    [TestMethod]
    public void A_dual_app_depending_on_a_stretched_app_is_refused_at_the_depends_on_cell() =>
        Errors("db,1,shop,db-0,stretch-1,,,\nerp,2,fin,erp-0,east,,db,west\n").Should().Equal(
            "apps.csv:3:7: app 'erp' is a dual-cluster app and depends on 'db', a stretched-cluster app: ACM checks dependencies on each cluster and the dual-cluster apps' policies sit on the hub cluster 'local-cluster', so 'erp' would wait forever; depend only on apps of the same topology");

    [TestMethod]
    public void A_stretched_app_depending_on_a_dual_app_is_refused_at_the_depends_on_cell() =>
        Errors("erp,1,fin,erp-0,east,,,west\nweb,2,shop,web-0,stretch-1,,erp,\n").Should().Equal(
            "apps.csv:3:7: app 'web' is a stretched-cluster app and depends on 'erp', a dual-cluster app: ACM checks dependencies on each cluster and the dual-cluster apps' policies sit on the hub cluster 'local-cluster', so 'web' would wait forever; depend only on apps of the same topology");

    [TestMethod]
    public void Dual_apps_on_different_home_clusters_may_depend_on_each_other_as_their_policies_share_the_hub() =>
        Errors("erp,1,fin,erp-0,east,,,west\nhr,2,hr,hr-0,south,,erp,north\n").Should().BeEmpty();

    [TestMethod]
    public void A_stretched_app_on_the_hub_cluster_is_refused_once_when_the_inventory_has_dual_apps()
    {
        const string Rows = "web,1,shop,web-0,stretch-1,,,\nweb,1,shop,web-1,local-cluster,,,\nweb,1,shop,web-2,local-cluster,,,\n";
        Errors(Rows + "erp,1,fin,erp-0,east,,,west\n").Should().Equal(
            "apps.csv:3:5: app 'web' is a stretched-cluster app on cluster 'local-cluster', the hub's own cluster (dual.hubCluster), where the dual-cluster apps' policies are placed: their tier order would mix; run it on another cluster, or set dual.hubCluster to the hub's managed-cluster name");
        Errors(Rows).Should().BeEmpty("without dual apps the hub cluster is a cluster like any other");
    }

    [TestMethod]
    public void The_hub_cluster_is_the_one_the_settings_name()
    {
        var settings = Settings with { DualOrNull = Settings.Dual with { HubCluster = "hub" } };
        Errors("web,1,shop,web-0,local-cluster,,,\nerp,1,fin,erp-0,east,,,west\n", settings).Should().BeEmpty();
        Errors("web,1,shop,web-0,hub,,,\nerp,1,fin,erp-0,east,,,west\n", settings).Should().ContainSingle()
            .Which.Should().StartWith("apps.csv:2:5: app 'web' is a stretched-cluster app on cluster 'hub', the hub's own cluster");
    }

    [TestMethod]
    public void A_PVC_selector_for_an_app_the_inventory_does_not_list_is_refused_at_its_settings_line() =>
        Errors("erp,1,fin,erp-0,east,,,west\n", WithOverride("crm")).Should().Equal(
            "acmdr.yaml:12:5: dual.apps names app 'crm', which apps.csv does not list");

    [TestMethod]
    public void A_PVC_selector_for_a_stretched_app_is_refused_at_its_settings_line() =>
        Errors("erp,1,fin,erp-0,east,,,west\nweb,1,shop,web-0,stretch-1,,,\n", WithOverride("web")).Should().Equal(
            "acmdr.yaml:12:5: dual.apps names app 'web', a stretched-cluster app in apps.csv (it has no peer): a PVC selector applies only to dual-cluster apps");

    [TestMethod]
    public void A_PVC_selector_for_a_dual_app_is_valid() =>
        Errors("erp,1,fin,erp-0,east,,,west\n", WithOverride("erp")).Should().BeEmpty();

    [TestMethod]
    public void A_PVC_selector_for_an_app_whose_rows_were_refused_is_not_reported_again() =>
        Errors("erp,x,fin,erp-0,east,,,west\n", WithOverride("erp")).Should().Equal(
            "apps.csv:2:2: column 'tier': 'x' is not a whole number from 1 to 99");

    [TestMethod]
    public void A_dual_apps_policy_is_named_on_the_hub_cluster_so_a_clash_with_a_stretched_apps_policy_is_found() =>
        Errors("a,1,shop,a-0,b,,,\na,1,shop,a-1,c,,,\na-b,1,fin,ab-0,east,,,west\n").Should().Equal(
            "apps.csv:4: app 'a-b' on cluster 'local-cluster' and app 'a' on cluster 'b' would both make policy 'dr-a-b': rename one app");

    [TestMethod]
    public void An_inventory_without_the_peer_column_has_only_stretched_apps() =>
        Plans.Read("web,1,shop,web-0,c1,,\n", Settings).Rows.Should().OnlyContain(r => !r.IsDual);
}
