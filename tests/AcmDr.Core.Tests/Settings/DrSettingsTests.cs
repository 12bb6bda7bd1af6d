using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Settings;

/// <summary>What the settings must hold, each problem naming the setting.</summary>
[TestClass]
public sealed class DrSettingsTests
{
    private static DrSettings With(string hubNamespace = "acmdr", string siteLabel = "topology.kubernetes.io/site", string[]? sites = null, string clusterSet = "default") =>
        new(hubNamespace, siteLabel, sites ?? ["Primary", "DR"], clusterSet);

    [TestMethod]
    public void The_defaults_match_a_stock_hub_and_a_stretched_cluster_and_are_valid()
    {
        DrSettings.Default.Should().BeEquivalentTo(With());
        DrSettings.Default.Problems().Should().BeEmpty();
    }

    [TestMethod]
    public void The_first_site_is_home() => With(sites: ["DR", "Primary", "Third"]).HomeSite.Should().Be("DR");

    [TestMethod]
    public void A_site_is_matched_as_spelt_like_a_node_label_value()
    {
        DrSettings.Default.IsSite("DR").Should().BeTrue();
        DrSettings.Default.IsSite("Primary").Should().BeTrue();
        DrSettings.Default.IsSite("dr").Should().BeFalse();
        DrSettings.Default.IsSite("Elsewhere").Should().BeFalse();
    }

    [TestMethod]
    public void The_hub_namespace_must_be_a_DNS_1123_label_of_at_most_40_characters()
    {
        With(hubNamespace: "Acm_DR").Problems().Should().Equal(
            "hubNamespace 'Acm_DR' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63)");
        With(hubNamespace: new string('n', 40)).Problems().Should().BeEmpty();
        With(hubNamespace: new string('n', 41)).Problems().Should().Equal(
            $"hubNamespace '{new string('n', 41)}' is longer than 40 characters, leaving too little room for policy names");
    }

    [TestMethod]
    public void The_site_label_must_be_a_label_key() =>
        With(siteLabel: "site label").Problems().Should().Equal("siteLabel 'site label' is not a valid Kubernetes label key");

    [TestMethod]
    public void There_must_be_at_least_two_sites() =>
        With(sites: ["Primary"]).Problems().Should().Equal("sites must name at least two sites (the first is home)");

    [TestMethod]
    public void Every_site_must_be_a_label_value() =>
        With(sites: ["Primary", "D R", "-x"]).Problems().Should().Equal(
            "site 'D R' is not a valid label value (letters, digits, '-', '_', '.', at most 63, alphanumeric at both ends)",
            "site '-x' is not a valid label value (letters, digits, '-', '_', '.', at most 63, alphanumeric at both ends)");

    [TestMethod]
    public void Two_sites_differing_only_in_case_are_refused_since_overlays_are_folders_named_after_them() =>
        With(sites: ["Primary", "DR", "dr"]).Problems().Should().Equal(
            "sites name 'dr' more than once (compared without case, since overlays are folders named after sites)");

    [TestMethod]
    public void The_cluster_set_must_be_a_DNS_1123_label() =>
        With(clusterSet: "Default").Problems().Should().Equal("clusterSet 'Default' is not a DNS-1123 label");

    [TestMethod]
    public void Every_problem_is_listed_at_once() =>
        With("A", "?", ["x"], "B").Problems().Should().HaveCount(4);
}
