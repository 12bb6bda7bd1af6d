using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Settings;

/// <summary>What the dual-cluster settings hold by default, how they answer, and every problem they can have.</summary>
[TestClass]
public sealed class DualSettingsTests
{
    private static readonly DualSettings Valid = DualSettings.Default with
    {
        DrPolicies = [new("east-west-5m", "east", "west"), new("odf.dr-policy", "north", "south")],
        Apps = [new("erp", [new("app.kubernetes.io/part-of", "erp-db")])],
    };

    private static IReadOnlyList<string> ProblemsOf(DualSettings dual) => (DrSettings.Default with { DualOrNull = dual }).Problems();

    [TestMethod]
    public void The_defaults_are_the_openshift_gitops_namespace_the_local_cluster_and_the_appname_label()
    {
        var dual = DrSettings.Default.Dual;
        dual.Namespace.Should().Be("openshift-gitops");
        dual.HubCluster.Should().Be("local-cluster");
        dual.PvcLabel.Should().Be("appname");
        dual.DrPolicies.Should().BeEmpty();
        dual.Apps.Should().BeEmpty();
        dual.Problems().Should().BeEmpty();
    }

    [TestMethod]
    public void Valid_settings_have_no_problem() => ProblemsOf(Valid).Should().BeEmpty();

    [TestMethod]
    public void A_DRPolicy_is_found_for_its_pair_in_either_order_and_not_for_another_pair()
    {
        Valid.PolicyFor("east", "west")!.Name.Should().Be("east-west-5m");
        Valid.PolicyFor("west", "east")!.Name.Should().Be("east-west-5m");
        Valid.PolicyFor("east", "north").Should().BeNull();
        Valid.KnowsCluster("south").Should().BeTrue();
        Valid.KnowsCluster("central").Should().BeFalse();
        Valid.KnownClusters().Should().Equal("east", "north", "south", "west");
    }

    [TestMethod]
    public void An_apps_PVC_selector_is_its_override_else_the_PVC_label_with_the_apps_name()
    {
        Valid.PvcMatchLabelsOf("erp").Should().Equal([new KeyValuePair<string, string>("app.kubernetes.io/part-of", "erp-db")]);
        (Valid with { PvcLabel = "acme.io/app" }).PvcMatchLabelsOf("crm").Should().Equal([new KeyValuePair<string, string>("acme.io/app", "crm")]);
    }

    [TestMethod]
    public void Errors_name_the_settings_file_they_came_from_or_acmdr_yaml()
    {
        Valid.SourceShown.Should().Be("acmdr.yaml");
        (Valid with { Source = "conf/dr.yaml" }).SourceShown.Should().Be("conf/dr.yaml");
    }

    [TestMethod]
    public void Names_must_be_DNS_1123_and_the_PVC_label_a_label_key() =>
        ProblemsOf(Valid with { Namespace = "Git_Ops", HubCluster = "local cluster", PvcLabel = "app name" }).Should().Equal(
            "dual.namespace 'Git_Ops' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)",
            "dual.hubCluster 'local cluster' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63): it is the hub's own managed-cluster name",
            "dual.pvcLabel 'app name' is not a valid Kubernetes label key");

    [TestMethod]
    public void A_DRPolicy_name_is_a_DNS_1123_subdomain_and_its_clusters_DNS_1123_labels() =>
        ProblemsOf(Valid with { DrPolicies = [new("East.West", "east", "West")] }).Should().Equal(
            "dual.drPolicies: name 'East.West' is not a DNS-1123 subdomain (DNS-1123 labels joined by '.', at most 253)",
            "dual.drPolicies: cluster 'West' of DRPolicy 'East.West' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)");

    [TestMethod]
    public void A_DRPolicy_pairs_two_different_clusters() =>
        ProblemsOf(Valid with { DrPolicies = [new("self", "east", "east")] }).Should().Equal(
            "dual.drPolicies: DRPolicy 'self' names cluster 'east' twice: a DRPolicy pairs two different clusters");

    [TestMethod]
    public void Two_DRPolicies_for_one_pair_are_refused_naming_the_first_line_when_known()
    {
        ProblemsOf(Valid with { DrPolicies = [new("a", "east", "west"), new("b", "west", "east")] }).Should().Equal(
            "dual.drPolicies: DRPolicy 'b' pairs 'west' and 'east' like DRPolicy 'a': name one DRPolicy per cluster pair, so each dual app's pair has one");
        DualSettingsRules.RepeatProblem(new("b", "west", "east", 9, 7), [new("a", "east", "west", 5, 7)]).Should().Be(
            "dual.drPolicies: DRPolicy 'b' pairs 'west' and 'east' like DRPolicy 'a' (on line 5): name one DRPolicy per cluster pair, so each dual app's pair has one");
    }

    [TestMethod]
    public void A_DRPolicy_listed_twice_is_refused() =>
        ProblemsOf(Valid with { DrPolicies = [new("a", "east", "west"), new("a", "north", "south")] }).Should().Equal(
            "dual.drPolicies: DRPolicy 'a' is listed twice");

    [TestMethod]
    public void An_app_listed_twice_is_refused() =>
        ProblemsOf(Valid with { Apps = [new("erp", [new("appname", "erp")], 9, 5), new("erp", [new("appname", "erp")])] }).Should().Equal(
            "dual.apps lists app 'erp' twice (first on line 9)");

    [TestMethod]
    public void An_apps_selector_needs_valid_labels_and_at_least_one() =>
        ProblemsOf(Valid with { Apps = [new("Erp", [new("bad key", "x"), new("ok", "-x")]), new("crm", [])] }).Should().Equal(
            "dual.apps: 'Erp' is not an app name (a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)",
            "dual.apps.Erp.pvcSelector.matchLabels: 'bad key' is not a valid Kubernetes label key",
            "dual.apps.Erp.pvcSelector.matchLabels: value '-x' of 'ok' is not a valid label value (letters, digits, '-', '_', '.', at most 63, alphanumeric at both ends)",
            "dual.apps.crm.pvcSelector.matchLabels is empty: it would select every PVC of the namespace; name at least one label");
}
