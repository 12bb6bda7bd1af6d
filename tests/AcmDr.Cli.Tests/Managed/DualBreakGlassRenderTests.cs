using AcmDr.Cli.Managed;
using AcmDr.Cli.Tests.Support;
using AcmDr.Core.Managed;
using AcmDr.Core.Manifests;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>The DRPlacementControls break glass renders for the hub are what Ramen's CRD accepts, and nothing else.</summary>
[TestClass]
public sealed class DualBreakGlassRenderTests
{
    private static string Yaml(string site, bool unplanned) =>
        DualBreakGlassRender.Yaml(DualScope.Apps(DualInventory.Plan, [], []), site, "Primary", unplanned);

    [TestMethod]
    [DataRow("DR", false)]
    [DataRow("DR", true)]
    [DataRow("Primary", false)]
    [DataRow("Primary", true)]
    public void Every_rendered_DRPlacementControl_validates_strictly_against_Ramens_CRD(string site, bool unplanned)
    {
        var yaml = Yaml(site, unplanned);

        CrdValidator.Shared.HasSchema(DualTemplates.DrpcApiVersion, DualTemplates.DrpcKind).Should().BeTrue();
        CrdValidator.Shared.Validate(yaml.Replace("action: ", "action: X", StringComparison.Ordinal)).Should().NotBeEmpty("the validator knows Ramen's action enum");
        CrdValidator.Shared.Validate(yaml).Should().BeEmpty(yaml);
        var documents = YamlJson.ParseDocuments(yaml);
        documents.Should().HaveCount(2);
        documents.Select(d => (string?)d!["kind"]).Should().OnlyContain(k => k == "DRPlacementControl", "break glass for dual apps renders only DRPCs: no VM, no deletion");
        documents.Select(d => (string?)d!["spec"]!["action"]).Should().OnlyContain(a => a == (unplanned ? "Failover" : "Relocate"));
    }

    [TestMethod]
    public void The_YAML_says_what_it_is_and_holds_the_stretched_apps_not_at_all()
    {
        var yaml = Yaml("DR", unplanned: false);

        yaml.Should().StartWith("# " + DualBreakGlassRender.Header);
        yaml.Should().Contain("name: dr-erp").And.Contain("name: dr-crm").And.NotContain("dr-web").And.NotContain("dr-db\n");
    }

    [TestMethod]
    public void The_apply_lines_take_one_tier_at_a_time_from_the_file()
    {
        var lines = DualBreakGlassRender.ApplyLines("out/drpcs.yaml", DualScope.Apps(DualInventory.Plan, [], []), unplanned: true);

        lines.Should().Equal(
            "apply on the hub tier by tier, lowest first (2 tiers); before the next, wait until each DRPlacementControl of the tier shows CURRENTSTATE FailedOver and PROGRESSION Completed:",
            "  oc apply -f out/drpcs.yaml -l acmdr.io/tier=1; oc get drplacementcontrol -n openshift-gitops -l acmdr.io/tier=1 -o wide",
            "  oc apply -f out/drpcs.yaml -l acmdr.io/tier=2; oc get drplacementcontrol -n openshift-gitops -l acmdr.io/tier=2 -o wide");
    }
}
