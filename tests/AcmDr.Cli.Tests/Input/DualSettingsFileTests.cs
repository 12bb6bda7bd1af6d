using AcmDr.Cli.Input;
using AcmDr.Core.Inventory;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Input;

/// <summary>The dual: section of acmdr.yaml: read with where each DRPolicy and app is written, and refused strictly at file:line:column.</summary>
[TestClass]
public sealed class DualSettingsFileTests
{
    private const string Example = """
        sites: [Primary, DR]
        dual:
          namespace: ramen-apps
          hubCluster: hub
          pvcLabel: acme.io/app
          drPolicies:
            - name: east-west-5m
              clusters: [east, west]
            - name: odf.north-south
              clusters: [north, south]
          apps:
            erp:
              pvcSelector:
                matchLabels: {appname: erp-db, tier: database}

        """;

    private static List<string> Errors(string yaml)
    {
        var read = () => SettingsFile.Parse("acmdr.yaml", yaml);
        return read.Should().ThrowExactly<InvalidInventoryException>().Which.Errors.Select(e => e.ToString()).ToList();
    }

    private static string DualWith(string lines) => "dual:\n" + lines;

    [TestMethod]
    public void The_dual_section_is_read_with_where_each_DRPolicy_and_app_is_written()
    {
        var dual = SettingsFile.Parse("conf/acmdr.yaml", Example).Dual;

        (dual.Namespace, dual.HubCluster, dual.PvcLabel, dual.Source).Should().Be(("ramen-apps", "hub", "acme.io/app", "conf/acmdr.yaml"));
        dual.DrPolicies.Should().Equal(new DrPolicyPair("east-west-5m", "east", "west", 7, 7), new DrPolicyPair("odf.north-south", "north", "south", 9, 7));
        dual.Apps.Should().ContainSingle().Which.Should().Match<DualAppOverride>(a => a.App == "erp" && a.Line == 12 && a.Column == 5);
        dual.PvcMatchLabelsOf("erp").Should().Equal([new("appname", "erp-db"), new("tier", "database")]);
    }

    [TestMethod]
    public void Without_a_dual_section_the_defaults_hold() =>
        SettingsFile.Parse("acmdr.yaml", "sites: [Primary, DR]\n").Dual.Should().BeSameAs(DualSettings.Default);

    [TestMethod]
    public void Keys_in_the_section_are_optional() =>
        SettingsFile.Parse("acmdr.yaml", DualWith("  hubCluster: hub\n")).Dual.Should().BeEquivalentTo(DualSettings.Default with { HubCluster = "hub", Source = "acmdr.yaml" });

    [TestMethod]
    public void An_unknown_key_is_refused_listing_the_known_ones() =>
        Errors(DualWith("  hubcluster: hub\n")).Should().Equal(
            "acmdr.yaml:2:3: unknown setting 'dual.hubcluster'; known settings of dual are namespace, hubCluster, pvcLabel, drPolicies, apps");

    [TestMethod]
    public void The_section_must_be_a_mapping() =>
        Errors("dual: [east, west]\n").Should().Equal(
            "acmdr.yaml:1:7: dual: expected a mapping of dual-cluster settings (keys namespace, hubCluster, pvcLabel, drPolicies, apps)");

    [TestMethod]
    public void Every_problem_of_the_section_is_listed_at_its_own_line_and_column() =>
        Errors(DualWith("  namespace: Git_Ops\n  hubCluster: [a]\n  pvcLabel: 'app name'\n")).Should().Equal(
            "acmdr.yaml:2:14: dual.namespace 'Git_Ops' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)",
            "acmdr.yaml:3:15: dual.hubCluster: expected a single value, found a list",
            "acmdr.yaml:4:13: dual.pvcLabel 'app name' is not a valid Kubernetes label key");

    [TestMethod]
    public void Each_entry_of_drPolicies_must_name_a_policy_and_two_clusters()
    {
        Errors(DualWith("  drPolicies: {name: a}\n")).Should().Equal(
            "acmdr.yaml:2:15: dual.drPolicies: expected a list of DRPolicies, each '- name: <DRPolicy>' with 'clusters: [<a>, <b>]'");
        Errors(DualWith("  drPolicies:\n    - clusters: [east, west]\n      owner: me\n")).Should().Equal(
            "acmdr.yaml:3:7: dual.drPolicies: a DRPolicy needs 'name', as 'name: <DRPolicy>' and 'clusters: [<a>, <b>]'",
            "acmdr.yaml:4:7: unknown key 'owner' in a DRPolicy; known keys are name, clusters");
    }

    [TestMethod]
    public void A_DRPolicy_without_exactly_two_distinct_clusters_is_refused()
    {
        Errors(DualWith("  drPolicies:\n    - name: a\n      clusters: [east, west, north]\n")).Should().Equal(
            "acmdr.yaml:4:17: dual.drPolicies: clusters must list exactly two clusters, as a DRPolicy pairs two (found 3)");
        Errors(DualWith("  drPolicies:\n    - name: a\n      clusters: east\n")).Should().Equal(
            "acmdr.yaml:4:17: dual.drPolicies: clusters must list exactly two clusters, as a DRPolicy pairs two (found no list)");
        Errors(DualWith("  drPolicies:\n    - name: a\n      clusters: [east, east]\n")).Should().Equal(
            "acmdr.yaml:4:24: dual.drPolicies: DRPolicy 'a' names cluster 'east' twice: a DRPolicy pairs two different clusters");
    }

    [TestMethod]
    public void Names_of_DR_policies_and_clusters_must_be_valid() =>
        Errors(DualWith("  drPolicies:\n    - name: East_West\n      clusters: [east, West]\n")).Should().Equal(
            "acmdr.yaml:3:13: dual.drPolicies: name 'East_West' is not a DNS-1123 subdomain (DNS-1123 labels joined by '.', at most 253)",
            "acmdr.yaml:4:24: dual.drPolicies: cluster 'West' of DRPolicy 'East_West' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)");

    [TestMethod]
    public void Two_DRPolicies_for_the_same_pair_are_refused_at_the_second_naming_the_first() =>
        Errors(DualWith("  drPolicies:\n    - name: a\n      clusters: [east, west]\n    - name: b\n      clusters: [west, east]\n")).Should().Equal(
            "acmdr.yaml:5:7: dual.drPolicies: DRPolicy 'b' pairs 'west' and 'east' like DRPolicy 'a' (on line 3): name one DRPolicy per cluster pair, so each dual app's pair has one");

    [TestMethod]
    public void A_DRPolicy_listed_twice_is_refused() =>
        Errors(DualWith("  drPolicies:\n    - name: a\n      clusters: [east, west]\n    - name: a\n      clusters: [north, south]\n")).Should().Equal(
            "acmdr.yaml:5:7: dual.drPolicies: DRPolicy 'a' is listed twice (first on line 3)");

    [TestMethod]
    public void An_app_listed_twice_is_refused_where_it_is_written_again() =>
        Errors(DualWith("  apps:\n    erp:\n      pvcSelector: {matchLabels: {appname: erp}}\n    erp:\n      pvcSelector: {matchLabels: {appname: erp}}\n")).Should().Equal(
            "acmdr.yaml:5:5: 'erp' is written twice in the same mapping: each setting, DRPolicy field and app is written once");

    [TestMethod]
    public void An_apps_override_is_a_pvc_selector_with_valid_match_labels() =>
        Errors(DualWith("  apps:\n    Erp: {}\n    crm: {pvcSelector: {matchExpressions: []}}\n    hr: {pvcSelector: {matchLabels: {'bad key': x, ok: '-x'}}}\n    fi: {pvcSelector: {matchLabels: {}}}\n    it: [a]\n")).Should().Equal(
            "acmdr.yaml:3:5: dual.apps: 'Erp' is not an app name (a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)",
            "acmdr.yaml:4:25: unknown key 'matchExpressions' in dual.apps.crm.pvcSelector; the only key is matchLabels",
            "acmdr.yaml:5:38: dual.apps.hr.pvcSelector.matchLabels: 'bad key' is not a valid Kubernetes label key",
            "acmdr.yaml:5:56: dual.apps.hr.pvcSelector.matchLabels: value '-x' of 'ok' is not a valid label value (letters, digits, '-', '_', '.', at most 63, alphanumeric at both ends)",
            "acmdr.yaml:6:37: dual.apps.fi.pvcSelector.matchLabels is empty: it would select every PVC of the namespace; name at least one label",
            "acmdr.yaml:7:9: dual.apps.it: expected a mapping with 'pvcSelector'");

    [TestMethod]
    public void An_unknown_top_level_setting_lists_dual_among_the_known_ones() =>
        Errors("duel: {}\n").Should().ContainSingle().Which.Should().EndWith("known settings are hubNamespace, siteLabel, sites, clusterSet, moveRunning, dual");
}
