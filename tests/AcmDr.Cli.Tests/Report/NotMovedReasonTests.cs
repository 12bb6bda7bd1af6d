using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// report and wait, given the managed cluster, name each VM the flip did not move with why and what moves
/// it, read from the VMs, instances, nodes and migrations there (issue 10).
/// </summary>
[TestClass]
public sealed class NotMovedReasonTests
{
    private const string Relocate = "; next: acmdr relocate (restarts it at DR)";
    private const string Taint = "node.kubernetes.io/out-of-service=nodeshutdown:NoExecute";

    /// <summary>Each VM of app shop and the reason the report gives for it.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["moved"] = "instance Running on node d-1 at site DR (target DR)",
        ["no-live"] = "runs on node p-1 at Primary; not live-migratable, so the flip cannot migrate it" + Relocate,
        ["staged"] = "runs on node p-1 at Primary; RestartRequired: its new nodeSelector reaches the instance only on restart, and a migration would land at Primary again" + Relocate,
        ["stale"] = "runs on node p-1 at Primary; its new nodeSelector has not reached the instance yet (it still selects Primary; KubeVirt's LiveUpdate passes it on; without LiveUpdate, restart the VM); next: wait for it",
        ["dead"] = "node p-9 is NotReady: a migration cannot leave it and the policy does not move it; next: fence the node, or if it is down for good taint it "
            + $"(kubectl taint node p-9 {Taint}), so KubeVirt recreates it where its nodeSelector says (DR; runStrategy Always)",
        ["failed"] = "runs on node p-1 at Primary; its last migration failed (migration dr-shop-failed-1 Failed: target node ran out of memory); "
            + "the policy does not retry it; next: fix what made it fail, then acmdr relocate (migrates it once more)",
        ["moving"] = "migration relocate-moving-1 in flight; next: wait for it",
        ["stopped"] = "stopped (Stopped): a flip moves only running VMs; it starts at DR; next: nothing, or virtctl start if it should run",
        ["unset"] = "runs on node p-1 at Primary; its nodeSelector still says Primary: the site template has not set it yet (policy Pending or NonCompliant); "
            + "next: wait for the app's -site template (the SPEC column), or acmdr breakglass if the hub is down",
        ["ready"] = "runs on node p-1 at Primary; live-migratable and nothing holds it back: the policy's -move template migrates it when it next runs; next: wait, or acmdr relocate",
    };

    /// <summary>The hub says every VM of shop runs at DR (or, <paramref name="hubSaysRunning"/> false, that none does): ground truth decides.</summary>
    private static string Dump(bool hubSaysRunning = true)
    {
        var vms = string.Join(", ", Expected.Keys);
        var compliance = hubSaysRunning ? "Compliant" : "NonCompliant";
        return new HubDump()
            .Root("dr-shop", "shop", 1, string.Join(',', Expected.Keys.Select(vm => "shop/" + vm)), 15, ("stretch-1", compliance))
            .Replicated("dr-shop", "shop", 1, "stretch-1", compliance,
                [HubDump.Entry("2026-11-25T19:01:00Z", $"Compliant; notification - virtualmachines [{vms}] found as specified in namespace shop")],
                [HubDump.Entry("2026-11-25T19:05:00Z", hubSaysRunning ? HubDump.Running(vms, "shop") : HubDump.NotRunning(vms, "shop"))])
            .Yaml();
    }

    /// <summary>An instance whose own nodeSelector names <paramref name="selects"/>.</summary>
    private static JsonObject Instance(string name, string node, string selects = "DR", bool liveMigratable = true)
    {
        var instance = ClusterObjects.Instance("shop", name, node, liveMigratable);
        instance["spec"]!["nodeSelector"] = new JsonObject { [ClusterObjects.SiteLabel] = selects };
        return instance;
    }

    private static JsonObject Migration(string name, string vmi, string phase, string? message = null) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstanceMigration",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "shop" },
        ["spec"] = new JsonObject { ["vmiName"] = vmi },
        ["status"] = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = message is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "Failed", ["status"] = "True", ["message"] = message }),
        },
    };

    /// <summary>Cluster stretch-1 with every case of <see cref="Expected"/>; p-9 is a Primary node that is NotReady.</summary>
    private static async Task<FakeApiServer> ClusterAsync(TempDir dir)
    {
        var server = await FakeApiServer.StartAsync();
        server.WriteKubeconfig(dir.File("managed.kubeconfig"), "stretch-1");
        foreach (var node in new[] { ClusterObjects.Node("p-1", "Primary"), ClusterObjects.Node("p-9", "Primary", ready: false), ClusterObjects.Node("d-1", "DR") })
        {
            server.Store.Put(node);
        }

        foreach (var vm in Expected.Keys.Where(vm => vm is not "unset" and not "stopped"))
        {
            server.Store.Put(ClusterObjects.Vm("shop", vm, "DR"));
        }

        server.Store.Put(ClusterObjects.Vm("shop", "unset", "Primary"));
        server.Store.Put(ClusterObjects.Vm("shop", "stopped", "DR", printableStatus: "Stopped", runStrategy: "Halted"));
        var staged = ClusterObjects.Vm("shop", "staged", "DR");
        staged["status"]!["conditions"] = new JsonArray(new JsonObject { ["type"] = "RestartRequired", ["status"] = "True" });
        server.Store.Put(staged);

        server.Store.Put(Instance("moved", "d-1"));
        server.Store.Put(Instance("no-live", "p-1", liveMigratable: false));
        server.Store.Put(Instance("staged", "p-1", selects: "Primary"));
        server.Store.Put(Instance("stale", "p-1", selects: "Primary"));
        server.Store.Put(Instance("dead", "p-9"));
        server.Store.Put(Instance("unset", "p-1", selects: "Primary"));
        server.Store.Put(Instance("ready", "p-1"));
        server.Store.Put(Instance("moving", "p-1"));
        server.Store.Put(Migration("relocate-moving-1", "moving", "Running"));
        var failedMigration = server.Store.Put(Migration("dr-shop-failed-1", "failed", "Failed", "target node ran out of memory"));
        var failed = Instance("failed", "p-1");
        failed["status"]!["migrationState"] = new JsonObject { ["failed"] = true, ["migrationUid"] = failedMigration["metadata"]!["uid"]!.GetValue<string>() };
        server.Store.Put(failed);
        return server;
    }

    private static JsonElement Vm(JsonElement report, string vm) =>
        report.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("vm").GetString() == vm);

    /// <summary>Whether the hub says they run there (why is read after where) or not (read alongside), the reasons are the same.</summary>
    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task Report_names_each_VM_not_moved_with_its_reason_and_next_step_in_JSON(bool hubSaysRunning)
    {
        using var dir = new TempDir();
        await using var cluster = await ClusterAsync(dir);

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, Dump(hubSaysRunning), "--to", "DR", "--managed-kubeconfig", dir.File("managed.kubeconfig"));

        result.ExitCode.Should().Be(1, result.ToString());
        foreach (var (vm, reason) in Expected)
        {
            Vm(report, vm).GetProperty("verdict").GetString().Should().Be(vm == "moved" ? "moved" : "notMoved", vm);
            Vm(report, vm).GetProperty("reason").GetString().Should().Be(reason, vm);
        }
    }

    [TestMethod]
    public async Task Report_names_each_VM_not_moved_with_its_reason_and_next_step_in_the_table()
    {
        using var dir = new TempDir();
        await using var cluster = await ClusterAsync(dir);
        var dump = dir.File("dump.yaml", Dump());

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", dump, "--to", "DR", "--managed-kubeconfig", dir.File("managed.kubeconfig"));

        result.ExitCode.Should().Be(1, result.ToString());
        var rows = result.Out.Split('\n');
        foreach (var (vm, reason) in Expected)
        {
            rows.Should().ContainSingle(row => row.Contains($" shop/{vm} ", StringComparison.Ordinal), vm)
                .Which.Should().EndWith("   " + reason, "the reason is the last column, whole on its row");
        }
    }

    /// <summary>A viewer allowed to read instances but not VMs still gets where each VM runs, and no failure.</summary>
    [TestMethod]
    public async Task A_namespace_whose_VMs_may_not_be_read_keeps_where_each_VM_runs()
    {
        using var dir = new TempDir();
        await using var cluster = await ClusterAsync(dir);
        var rule = FaultRule.Status("GET", "^/apis/kubevirt.io/v1/namespaces/shop/virtualmachines(/.*)?$", 403);
        cluster.Faults.Add(rule);

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, Dump(), "--to", "DR", "--managed-kubeconfig", dir.File("managed.kubeconfig"));

        result.ExitCode.Should().Be(1, result.ToString());
        result.Err.Should().NotContain("acmdr:");
        Vm(report, "moved").GetProperty("verdict").GetString().Should().Be("moved");
        Vm(report, "no-live").GetProperty("verdict").GetString().Should().Be("notMoved");
        Vm(report, "no-live").GetProperty("reason").GetString().Should().Be("instance Running on node p-1 at site Primary (target DR)");
        cluster.Faults.FiredCount(rule).Should().Be(1, "the list only: no VM is read one by one for words");
    }

    [TestMethod]
    public async Task Without_the_managed_cluster_the_report_says_not_running_at_the_site_and_where_to_look()
    {
        using var dir = new TempDir();
        var dump = new HubDump()
            .Root("dr-shop", "shop", 1, "shop/no-live", 15, ("stretch-1", "NonCompliant"))
            .Replicated("dr-shop", "shop", 1, "stretch-1", "NonCompliant",
                [HubDump.Entry("2026-11-25T19:01:00Z", "Compliant; notification - virtualmachines [no-live] found as specified in namespace shop")],
                [HubDump.Entry("2026-11-25T19:05:00Z", HubDump.NotRunning("no-live", "shop"))])
            .Yaml();

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, dump, "--to", "DR");

        result.ExitCode.Should().Be(1, result.ToString());
        Vm(report, "no-live").GetProperty("reason").GetString().Should().Be(
            "not running at DR: virtualmachineinstances [no-live] found but not as specified in namespace shop (--managed-kubeconfig tells why and what next)");
    }

    /// <summary>The hub says everything moved, so wait ends; the managed cluster says three VMs did not, and why.</summary>
    [TestMethod]
    [DataRow("json")]
    [DataRow("table")]
    public async Task Wait_names_each_VM_not_moved_with_its_reason_and_next_step(string format)
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);
        EndToEndTests.TierTwoMoved(acm, flip, minutes: 20);
        await using var managed = await FakeApiServer.StartAsync();
        var kubeconfig = hub.Dir.File("managed-kubeconfig");
        managed.WriteKubeconfig(kubeconfig, "stretch-1");
        managed.Store.Put(ClusterObjects.Node("p-1", "Primary"));
        managed.Store.Put(ClusterObjects.Node("p-9", "Primary", ready: false));
        managed.Store.Put(ClusterObjects.Vm("finance", "db-0", "DR"));
        managed.Store.Put(ClusterObjects.Instance("finance", "db-0", "p-9"));
        managed.Store.Put(ClusterObjects.Vm("finance", "db-1", "DR"));
        managed.Store.Put(ClusterObjects.Instance("finance", "db-1", "p-1", liveMigratable: false));
        managed.Store.Put(ClusterObjects.Vm("web", "web-0", "DR", printableStatus: "Stopped", runStrategy: "Halted"));

        var result = await hub.AcmdrAsync("wait", "--to", "DR", "--timeout", "30s", "-o", format, "--managed-kubeconfig", kubeconfig);

        result.ExitCode.Should().Be(1, result.ToString());
        var reasons = new Dictionary<string, string>
        {
            ["db-0"] = $"node p-9 is NotReady: a migration cannot leave it and the policy does not move it; next: fence the node, or if it is down for good taint it (kubectl taint node p-9 {Taint}), so KubeVirt recreates it where its nodeSelector says (DR; runStrategy Always)",
            ["db-1"] = "runs on node p-1 at Primary; not live-migratable, so the flip cannot migrate it" + Relocate,
            ["web-0"] = "stopped (Stopped): a flip moves only running VMs; it starts at DR; next: nothing, or virtctl start if it should run",
        };
        foreach (var (vm, reason) in reasons)
        {
            if (format == "json")
            {
                Vm(JsonDocument.Parse(result.Out).RootElement, vm).GetProperty("reason").GetString().Should().Be(reason, vm);
            }
            else
            {
                result.Out.Split('\n').Should().ContainSingle(row => row.Contains($"/{vm} ", StringComparison.Ordinal)).Which.Should().EndWith("   " + reason);
            }
        }
    }
}
