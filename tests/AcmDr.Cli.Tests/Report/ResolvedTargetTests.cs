using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Without --to and without the switch in the dump, each VM's target is the site the hub resolved into its
/// app's replicated policy (the -site template's annotation), and the report says so.
/// </summary>
[TestClass]
public sealed class ResolvedTargetTests
{
    /// <summary>db resolved to DR and moved; web resolved to Primary (an override kept it home) and runs there.</summary>
    private static HubDump NoSwitch() => new HubDump()
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Compliant"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant",
            [HubDump.Entry("2026-11-25T19:00:20Z", "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance")],
            [HubDump.Entry("2026-11-25T19:08:00Z", HubDump.Running("db-0, db-1", "finance"))], resolvedSite: "DR")
        .Replicated("dr-web", "web", 2, "stretch-1", "Compliant",
            [HubDump.Entry("2026-11-25T19:09:00Z", "Compliant; notification - virtualmachines [web-0] found as specified in namespace web")],
            [HubDump.Entry("2026-11-25T19:20:00Z", HubDump.Running("web-0", "web"))], resolvedSite: "Primary");

    [TestMethod]
    [DataRow("yaml")]
    [DataRow("json")]
    public async Task Each_VM_is_measured_against_the_site_resolved_into_its_replicated_policy_and_the_report_says_so(string format)
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var dump = format == "json" ? NoSwitch().Json() : NoSwitch().Yaml();

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, dump);

        result.ExitCode.Should().Be(0, result.ToString());
        report.GetProperty("vms").EnumerateArray().Select(v => (v.GetProperty("vm").GetString(), v.GetProperty("targetSite").GetString()))
            .Should().Equal(("db-0", "DR"), ("db-1", "DR"), ("web-0", "Primary"));
        report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should()
            .Contain("target: no --to and no acmdr-sites switch in the input: each VM's target is the site the hub resolved into its app's replicated policy");
    }

    [TestMethod]
    public async Task Without_a_resolved_site_anywhere_the_report_still_asks_for_to()
    {
        using var dir = new TempDir();
        var dump = new HubDump().Root("dr-db", "db", 1, "finance/db-0", 15, ("stretch-1", "Compliant")).Yaml();
        dir.File("dump.yaml", dump);

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", "dump.yaml");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Contain("no target site: give --to SITE");
    }

    [TestMethod]
    public void The_generated_site_template_carries_the_site_the_hub_resolves()
    {
        var root = YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "policies/base/tier-2/dr-erp-db.yaml")))[0];
        var template = root["spec"]!["policy-templates"]![0]!["objectDefinition"]!;
        var maps = new Dictionary<string, IDictionary<string, string>>
        {
            ["acmdr-sites"] = new Dictionary<string, string> { ["site"] = "Primary", ["tier-2"] = "DR", ["sites"] = "Primary,DR" },
        };

        var resolved = GoTemplate.ExecuteHub(template, maps);

        resolved.Ok.Should().BeTrue(resolved.Error);
        resolved.Object!["metadata"]!["annotations"]!["acmdr.io/site"]!.GetValue<string>().Should().Be("DR");
    }
}
