using System.Text.Json;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>report reads where VMs really run on every managed cluster it is given, from one kubeconfig.</summary>
[TestClass]
public sealed class GroundTruthTests
{
    /// <summary>db spans two clusters, db-0 on east and db-1 on west; both policies say the VM runs at DR.</summary>
    private static string Dump() => new HubDump()
        .Root("dr-db-east", "db", 1, "finance/db-0", 15, ("east", "Compliant"))
        .Root("dr-db-west", "db", 1, "finance/db-1", 15, ("west", "Compliant"))
        .Replicated("dr-db-east", "db", 1, "east", "Compliant",
            [HubDump.Entry("2026-11-25T19:01:00Z", "Compliant; notification - virtualmachines [db-0] found as specified in namespace finance")],
            [HubDump.Entry("2026-11-25T19:05:00Z", HubDump.Running("db-0", "finance"))])
        .Replicated("dr-db-west", "db", 1, "west", "Compliant",
            [HubDump.Entry("2026-11-25T19:01:00Z", "Compliant; notification - virtualmachines [db-1] found as specified in namespace finance")],
            [HubDump.Entry("2026-11-25T19:06:00Z", HubDump.Running("db-1", "finance"))])
        .Yaml();

    /// <summary>Two managed clusters: on east db-0 runs at DR; on west db-1 still runs at Primary.</summary>
    private static async Task<(FakeApiServer East, FakeApiServer West, string Kubeconfig)> ClustersAsync(TempDir dir)
    {
        var east = await FakeApiServer.StartAsync();
        var west = await FakeApiServer.StartAsync();
        ManagedObjects.Node(east, "e-1", "DR");
        ManagedObjects.Instance(east, "finance", "db-0", "Running", "e-1");
        ManagedObjects.Node(west, "w-1", "Primary");
        ManagedObjects.Instance(west, "finance", "db-1", "Running", "w-1");
        ManagedObjects.Vm(west, "finance", "db-1", "DR");
        east.WriteKubeconfig(dir.File("east.kubeconfig"), context: "admin@east", user: "east-viewer");
        west.WriteKubeconfig(dir.File("west.kubeconfig"), context: "admin@west", user: "west-viewer");
        // One file with both contexts, merged by the real kubectl as a user would.
        var (exitCode, merged, error) = ProcessRunner.Run(RequiredTool.Kubectl(), ["config", "view", "--flatten"], null, dir.Path,
            new Dictionary<string, string> { ["KUBECONFIG"] = $"{dir.File("east.kubeconfig")}:{dir.File("west.kubeconfig")}" }, TimeSpan.FromSeconds(30));
        exitCode.Should().Be(0, error);
        return (east, west, dir.File("managed.kubeconfig", merged));
    }

    private static JsonElement Vm(JsonElement report, string vm) =>
        report.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("vm").GetString() == vm);

    [TestMethod]
    public async Task Reads_every_managed_cluster_named_as_cluster_equals_context()
    {
        using var dir = new TempDir();
        var (east, west, kubeconfig) = await ClustersAsync(dir);
        await using var _ = east;
        await using var __ = west;

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, Dump(), "--to", "DR",
            "--managed-kubeconfig", kubeconfig, "--managed-context", "east=admin@east", "--managed-context", "west=admin@west");

        result.ExitCode.Should().Be(1, result.ToString());
        Vm(report, "db-0").GetProperty("verdict").GetString().Should().Be("moved");
        Vm(report, "db-1").GetProperty("verdict").GetString().Should().Be("notMoved", "west's node says Primary, whatever the policy says");
        Vm(report, "db-1").GetProperty("reason").GetString().Should().Be(
            "runs on node w-1 at Primary; not live-migratable, so the flip cannot migrate it; next: acmdr relocate (restarts it at DR)");
        report.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Should().Contain(["managed cluster east", "managed cluster west"]);
    }

    [TestMethod]
    public async Task A_context_that_names_no_cluster_in_scope_is_refused_in_one_line()
    {
        using var dir = new TempDir();
        var (east, west, kubeconfig) = await ClustersAsync(dir);
        await using var _ = east;
        await using var __ = west;
        var dump = dir.File("dump.yaml", Dump());

        var unnamed = await CliRunner.RunAsync(dir.Path, "report", "-f", dump, "--to", "DR", "--managed-kubeconfig", kubeconfig, "--managed-context", "admin@east");
        var twice = await CliRunner.RunAsync(dir.Path, "report", "-f", dump, "--to", "DR", "--managed-kubeconfig", kubeconfig,
            "--managed-context", "east=admin@east", "--managed-context", "east=admin@west");

        unnamed.ExitCode.Should().Be(2, unnamed.ToString());
        unnamed.Err.Trim().Split('\n').Should().ContainSingle().Which.Should()
            .Contain("'admin@east' would be cluster 'admin@east'").And.Contain("clusters: east, west").And.Contain("--managed-context CLUSTER=admin@east");
        twice.ExitCode.Should().Be(2, twice.ToString());
        twice.Err.Should().Contain("cluster 'east' is given twice");
        unnamed.Out.Should().BeEmpty("nothing is reported from half the ground truth");
    }
}
