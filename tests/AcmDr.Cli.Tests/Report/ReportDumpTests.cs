using System.Text.Json;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class ReportDumpTests
{
    public static string SharedDir => Environment.GetEnvironmentVariable("ACMDR_SHARED_DIR")
        ?? Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared"));

    public static async Task<(CliResult Result, JsonElement Report)> JsonReportAsync(TempDir dir, string dump, params string[] extra)
    {
        var file = dir.File("dump" + (dump.TrimStart().StartsWith('{') ? ".json" : ".yaml"), dump);
        var result = await CliRunner.RunAsync(dir.Path, ["report", "-f", file, "-o", "json", .. extra]);
        result.Out.Should().NotBeEmpty(result.ToString());
        return (result, JsonDocument.Parse(result.Out).RootElement.Clone());
    }

    private static JsonElement Vm(JsonElement report, string vm) =>
        report.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("vm").GetString() == vm);

    private static JsonElement Tier(JsonElement report, int tier) =>
        report.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("tier").GetInt32() == tier);

    [TestMethod]
    public async Task Real_hub_dump_without_acmdr_policies_has_nothing_in_scope()
    {
        using var dir = new TempDir();
        var fixture = Path.Combine(SharedDir, "acm-status-fixtures", "c2p-hub-policies-root-and-replicated.yaml");

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", fixture, "--to", "DR", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var report = JsonDocument.Parse(result.Out).RootElement;
        report.GetProperty("total").GetInt32().Should().Be(0);
        report.GetProperty("warnings").EnumerateArray().Should().Contain(w => w.GetString()!.Contains("no acmdr policies found"));
    }

    [TestMethod]
    public async Task Other_real_fixtures_read_without_error()
    {
        using var dir = new TempDir();
        foreach (var fixture in Directory.EnumerateFiles(Path.Combine(SharedDir, "acm-status-fixtures"), "*.yaml"))
        {
            var result = await CliRunner.RunAsync(dir.Path, "report", "-f", fixture, "--to", "DR", "-o", "json");
            result.ExitCode.Should().Be(1, $"{fixture}: {result}");
            result.Err.Should().NotContain("Exception");
        }
    }

    [TestMethod]
    public async Task Before_the_flip_nothing_is_reported_moved()
    {
        using var dir = new TempDir();
        var (result, report) = await JsonReportAsync(dir, FlipScenarios.Before().Yaml());

        result.ExitCode.Should().Be(1);
        report.GetProperty("targetSite").GetString().Should().Be("DR");
        report.GetProperty("flipAt").GetString().Should().Be("2026-11-25T19:00:00Z");
        report.GetProperty("moved").GetInt32().Should().Be(0);
        Vm(report, "db-0").GetProperty("verdict").GetString().Should().Be("unknown");
        Vm(report, "db-0").GetProperty("reason").GetString().Should().Contain("since the flip");
    }

    [TestMethod]
    public async Task During_the_flip_shows_moved_not_moved_and_waiting()
    {
        using var dir = new TempDir();
        var (result, report) = await JsonReportAsync(dir, FlipScenarios.During().Json());

        result.ExitCode.Should().Be(1);
        report.GetProperty("total").GetInt32().Should().Be(3, "the foreign policy is ignored");
        Vm(report, "db-0").GetProperty("verdict").GetString().Should().Be("moved");
        Vm(report, "db-0").GetProperty("since").GetString().Should().Be("2026-11-25T19:05:00Z");
        Vm(report, "db-1").GetProperty("verdict").GetString().Should().Be("notMoved");
        Vm(report, "db-1").GetProperty("reason").GetString().Should().Contain("db-1").And.Contain("not as specified").And.NotContain("\u001b");
        Vm(report, "web-0").GetProperty("verdict").GetString().Should().Be("waiting");
        Vm(report, "web-0").GetProperty("reason").GetString().Should().StartWith("waiting for tier 1");
        Tier(report, 2).GetProperty("verdict").GetString().Should().Be("waiting");
        report.GetProperty("flips")[0].GetProperty("reason").GetString().Should().Be("rehearsal Q4");
    }

    [TestMethod]
    public async Task After_the_flip_everything_moved_within_rto()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var (result, report) = await JsonReportAsync(dir, FlipScenarios.After().YamlDocuments());

        result.ExitCode.Should().Be(0, result.ToString());
        report.GetProperty("verdict").GetString().Should().Be("moved");
        Tier(report, 1).GetProperty("durationSeconds").GetInt32().Should().Be(8 * 60);
        Tier(report, 1).GetProperty("rto").GetString().Should().Be("met");
        Tier(report, 2).GetProperty("durationSeconds").GetInt32().Should().Be(20 * 60);
        Tier(report, 2).GetProperty("rtoMinutes").GetInt32().Should().Be(30);
    }

    [TestMethod]
    public async Task Missing_cluster_status_is_unknown_not_moved()
    {
        using var dir = new TempDir();
        var (result, report) = await JsonReportAsync(dir, FlipScenarios.ClusterMissing().Yaml());

        result.ExitCode.Should().Be(1);
        Vm(report, "web-0").GetProperty("verdict").GetString().Should().Be("unknown");
        Vm(report, "web-0").GetProperty("reason").GetString().Should().Contain("no status for cluster stretch-1");
    }

    [TestMethod]
    public async Task Inventory_decides_the_scope_and_tier_filters_it()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var (result, report) = await JsonReportAsync(dir, FlipScenarios.During().Yaml(), "-i", "inventory/apps.csv", "--tier", "1");

        result.ExitCode.Should().Be(1);
        report.GetProperty("total").GetInt32().Should().Be(2);
        report.GetProperty("vms").EnumerateArray().Select(v => v.GetProperty("app").GetString()).Should().OnlyContain(a => a == "db");
    }

    [TestMethod]
    public async Task Switch_overrides_give_vms_their_own_target_unless_to_is_given()
    {
        using var dir = new TempDir();
        var dump = FlipScenarios.After().Switch("DR", FlipScenarios.History, ("app-web", "Primary"), ("tier-1", "Moon")).Yaml();

        var (_, report) = await JsonReportAsync(dir, dump);
        Vm(report, "web-0").GetProperty("targetSite").GetString().Should().Be("Primary");
        Vm(report, "db-0").GetProperty("targetSite").GetString().Should().Be("DR");
        report.GetProperty("warnings").EnumerateArray().Should().Contain(w => w.GetString()!.Contains("tier-1 names unknown site 'Moon'"));

        var (_, explicitTarget) = await JsonReportAsync(dir, dump, "--to", "DR");
        Vm(explicitTarget, "web-0").GetProperty("targetSite").GetString().Should().Be("DR");
    }

    [TestMethod]
    public async Task Several_files_are_read_together()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var roots = dir.File("roots.json", new HubDump()
            .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
            .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Compliant")).Json());
        var replicated = dir.File("replicated.yaml", FlipScenarios.After().YamlDocuments());

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", roots, "-f", replicated, "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var report = JsonDocument.Parse(result.Out).RootElement;
        report.GetProperty("total").GetInt32().Should().Be(3);
        report.GetProperty("sources").GetArrayLength().Should().Be(3, "the inventory, and the two files");
    }

    [TestMethod]
    public async Task Dump_without_target_site_is_bad_input()
    {
        using var dir = new TempDir();
        var file = dir.File("d.yaml", new HubDump().Root("dr-db", "db", 1, "finance/db-0", 15, ("stretch-1", "Compliant")).Yaml());

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", file);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("--to");
    }

    [TestMethod]
    public async Task Unknown_target_site_is_bad_input()
    {
        using var dir = new TempDir();
        var file = dir.File("d.yaml", FlipScenarios.After().Yaml());

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", file, "--to", "Mars");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("unknown site 'Mars'");
    }

    [TestMethod]
    [DataRow("bad.yaml", "apiVersion: v1\nitems:\n- kind: Policy\n  metadata: {name: [x\n", "bad.yaml:5:")]
    [DataRow("bad.json", "{\"apiVersion\": \"v1\",\n \"items\": [\n  {\"kind\": \"Policy\",, }]}", "bad.json:3:")]
    public async Task Malformed_dump_exits_2_with_file_and_position(string name, string content, string position)
    {
        using var dir = new TempDir();
        dir.File(name, content);

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", name, "--to", "DR");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().StartWith("acmdr: " + position);
        result.Err.Trim().Split('\n').Should().HaveCount(1);
    }

    [TestMethod]
    public async Task Missing_dump_file_exits_2()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", "nope.yaml", "--to", "DR");
        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("nope.yaml");
    }
}
