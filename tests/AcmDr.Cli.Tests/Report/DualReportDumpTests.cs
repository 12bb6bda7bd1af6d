using System.Text;
using System.Text.Json;
using AcmDr.Cli.Input;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>A mixed inventory reported from YAML and JSON dumps holding policies, the switch and Ramen's DRPCs.</summary>
[TestClass]
public sealed class DualReportDumpTests
{
    private static readonly DateTimeOffset Now = DualFixture.Flip.AddMinutes(30);

    private static ReportData Report(ReportScope scope, params (string Name, string Text)[] files)
    {
        using var dir = new TempDir();
        var snapshot = HubSnapshot.Merge(files.Select(f => DumpFiles.Read(dir.File(f.Name, f.Text), f.Name, "acmdr", new InputLimit(1L << 20, "dump", null))));
        return ReportData.Assemble(scope, snapshot, [], files.Select(f => "file " + f.Name).ToList(), Now);
    }

    private static void ShouldBeTheMixedReport(ReportData data)
    {
        data.Summary.Vms.Select(v => (v.Vm, v.Cluster, v.Verdict)).Should().Equal(
            ("db-0", "stretch-1", MoveVerdict.Moved), ("erp-0", "west", MoveVerdict.Moved), ("erp-1", "west", MoveVerdict.Moved), ("crm-0", "west", MoveVerdict.NotMoved));
        data.Summary.Vms.Single(v => v.Vm == "erp-0").Since.Should().Be(DualFixture.Flip.AddMinutes(5).AddSeconds(30));
        data.Summary.Vms.Single(v => v.Vm == "crm-0").Reason.Should().StartWith(
            "DRPC openshift-gitops/dr-crm Relocate to west not finished (phase Relocating, progression WaitForReadiness); next:");
        data.Summary.Tiers.Select(t => (t.Tier, t.Moved, t.Total, t.Duration)).Should().Equal(
            (1, 3, 3, (TimeSpan?)TimeSpan.FromMinutes(6)), (2, 0, 1, (TimeSpan?)null));
        data.Summary.DualApps.Select(a => (a.App, a.Phase, a.Progression, a.ActionDuration, a.DataLossWindow)).Should().Equal(
            ("erp", "Relocated", "Completed", (TimeSpan?)TimeSpan.FromSeconds(270), (TimeSpan?)TimeSpan.FromSeconds(1770)),
            ("crm", "Relocating", "WaitForReadiness", null, (TimeSpan?)TimeSpan.FromMinutes(25)));
        data.ExitCode.Should().Be(1);
    }

    [TestMethod]
    public void A_yaml_dump_with_drpcs_reports_dual_and_stretched_vms_together()
    {
        ShouldBeTheMixedReport(Report(DualFixture.Scope(), ("hub.yaml", DualFixture.Yaml())));
    }

    [TestMethod]
    public void A_json_dump_with_drpcs_reports_the_same()
    {
        ShouldBeTheMixedReport(Report(DualFixture.Scope(), ("hub.json", DualFixture.Json())));
    }

    [TestMethod]
    public void A_drpc_dumped_on_its_own_is_read_beside_the_policies()
    {
        var yaml = DualFixture.Yaml();
        var drpcs = "apiVersion: v1\nitems:\n" + DualFixture.DrpcYaml("dr-erp", "erp", 1, "Relocated", "Completed", "True", "2026-11-25T19:01:00Z", "4m30s", "2026-11-25T19:00:30Z")
            + "kind: List\nmetadata:\n  resourceVersion: \"\"\n";
        // One DRPC as `kubectl get drpc dr-erp -o yaml` writes it: the object alone, its keys at the left margin.
        var single = string.Join('\n', DualFixture.DrpcYaml("dr-crm", "crm", 2, "Relocated", "Completed", "True", "2026-11-25T19:06:00Z", "2m0s", "2026-11-25T19:05:00Z")
            .Split('\n').Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l));
        var policiesOnly = yaml[..yaml.IndexOf("- apiVersion: ramendr", StringComparison.Ordinal)] + yaml[yaml.IndexOf("- apiVersion: v1\n", StringComparison.Ordinal)..];

        var data = Report(DualFixture.Scope(), ("policies.yaml", policiesOnly), ("drpcs.yaml", drpcs), ("crm.yaml", single));

        data.Summary.Verdict.Should().Be(MoveVerdict.Moved, data.Summary.Vms.Select(v => v.Reason).FirstOrDefault(r => !r.StartsWith("DRPC", StringComparison.Ordinal)) ?? "");
        data.ExitCode.Should().Be(0);
    }

    [TestMethod]
    public void The_yaml_skipper_keeps_a_drpc_s_spec_and_still_skips_policy_specs_and_managed_fields()
    {
        var text = YamlSkipper.Filter(Encoding.UTF8.GetBytes(DualFixture.Yaml()));

        text.Should().Contain("    action: Relocate").And.Contain("    preferredCluster: west");
        text.Should().NotContain("manager: manager").And.NotContain("policy-templates");
    }

    [TestMethod]
    public void A_failover_still_cleaning_up_the_old_cluster_that_is_down_is_reported_moved()
    {
        // Ramen as it leaves a Failover to west while east is down: preferredCluster and preferredDecision still name
        // east, PeerReady is False, and the progression stays Cleaning Up until east returns.
        var relocating = DualFixture.DrpcYaml("dr-crm", "crm", 2, "Relocating", "WaitForReadiness", "False", "2026-11-25T19:06:00Z", "\"\"", "2026-11-25T19:05:00Z");
        var failedOver = DualFixture.DrpcYaml("dr-crm", "crm", 2, "FailedOver", "Cleaning Up", "True", "2026-11-25T19:06:00Z", "2m0s", "2026-11-25T19:05:00Z",
            action: "Failover", cluster: "failoverCluster: west\n    preferredCluster: east", peerReady: "False");
        var yaml = DualFixture.Yaml().Replace(relocating, failedOver, StringComparison.Ordinal);

        var data = Report(DualFixture.Scope(), ("hub.yaml", yaml));

        var crm = data.Summary.Vms.Single(v => v.Vm == "crm-0");
        (crm.Verdict, crm.Cluster, crm.Since).Should().Be((MoveVerdict.Moved, "west", DualFixture.Flip.AddMinutes(8)));
        crm.Reason.Should().Be("DRPC openshift-gitops/dr-crm finished at west: moved (Ramen is still cleaning up the old cluster east; phase FailedOver, progression Cleaning Up)");
        data.ExitCode.Should().Be(0);
        var json = JsonDocument.Parse(ReportWriter.Render(data, ReportFormat.Json)).RootElement.GetProperty("dualApps")[1];
        (json.GetProperty("runsAt").GetString(), json.GetProperty("dataLossWindowSeconds").GetInt64(), json.GetProperty("dataLossMeasuredAt").GetString())
            .Should().Be(("west", 60L, "failoverStart"));
    }

    [TestMethod]
    public void A_dump_cut_inside_a_drpc_is_refused()
    {
        var yaml = Encoding.UTF8.GetBytes(DualFixture.Yaml());
        var cut = DualFixture.Yaml().IndexOf("progression: WaitForReadiness", StringComparison.Ordinal);

        var read = () => DumpFiles.Parse("hub.yaml", yaml.AsSpan(0, cut));

        read.Should().Throw<DumpFileException>().Which.ExitCode.Should().Be(2);
    }

    [TestMethod]
    public void Drpcs_of_apps_out_of_scope_and_foreign_drpcs_change_nothing_for_the_stretched_report()
    {
        var foreign = DualFixture.Yaml().Replace("app.kubernetes.io/managed-by: acmdr\n    name: dr-crm", "app.kubernetes.io/managed-by: someone\n    name: dr-crm", StringComparison.Ordinal);

        var data = Report(DualFixture.Scope(apps: ["db"]), ("hub.yaml", foreign));

        data.Summary.Vms.Select(v => v.Vm).Should().Equal("db-0");
        data.Summary.DualApps.Should().BeEmpty();
        data.ExitCode.Should().Be(0);
    }

    [TestMethod]
    public async Task Every_format_shows_the_dual_apps_section_and_the_json_validates_against_the_schema()
    {
        var data = Report(DualFixture.Scope(), ("hub.yaml", DualFixture.Yaml()));
        var text = ReportWriter.Render(data, ReportFormat.Json);

        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "report.schema.json"));
        schema.Validate(text).Should().BeEmpty(text);
        var json = JsonDocument.Parse(text).RootElement;
        json.GetProperty("dualApps")[0].GetProperty("dataLossWindowSeconds").GetInt64().Should().Be(1770);
        json.GetProperty("dualApps")[1].GetProperty("progression").GetString().Should().Be("WaitForReadiness");
        ReportWriter.Render(data, ReportFormat.Table).Should().Contain("PHASE").And.Contain("WaitForReadiness").And.Contain("29m30s old");
        ReportWriter.Render(data, ReportFormat.Markdown).Should().Contain("## Dual-cluster apps");
        ReportWriter.Render(data, ReportFormat.Junit).Should().Contain("name=\"dual/erp\"");
        ReportWriter.Render(data, ReportFormat.Html).Should().Contain("<h2>Dual-cluster apps</h2>");
    }
}
