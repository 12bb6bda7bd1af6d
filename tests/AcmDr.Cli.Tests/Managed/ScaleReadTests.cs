using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Break glass, relocate and report's ground truth read the managed cluster with LISTs: the requests
/// they send grow with the namespaces of the scope, not with its VMs (issue 11).
/// </summary>
[TestClass]
public sealed class ScaleReadTests
{
    private static readonly string[] BreakGlassDryRun = ["breakglass", "--to", "DR", "--dry-run"];
    private static readonly string[] RelocateDryRun = ["relocate", "--to", "DR", "--dry-run"];

    private static async Task<(int Reads, CliResult Result)> ReadsAsync(int vms, int namespaces, string[] command)
    {
        await using var cluster = await ScaledCluster.StartAsync(vms, namespaces);
        var result = await cluster.RunAsync(command);
        cluster.Writes().Should().BeEmpty("a dry run writes nothing");
        return (ScaledCluster.Reads(cluster), result);
    }

    /// <summary>Two namespaces: a LIST per namespace and kind; five: one cluster-wide LIST per kind (plus the nodes for relocate).</summary>
    [TestMethod]
    [DataRow("breakglass", 2, 2)]
    [DataRow("breakglass", 5, 1)]
    [DataRow("relocate", 2, 7)]
    [DataRow("relocate", 5, 4)]
    public async Task A_dry_run_sends_as_many_reads_for_200_VMs_as_for_10_in_the_same_namespaces(string command, int namespaces, int expected)
    {
        var args = command == "breakglass" ? BreakGlassDryRun : RelocateDryRun;

        var (few, fewResult) = await ReadsAsync(10, namespaces, args);
        var (many, manyResult) = await ReadsAsync(200, namespaces, args);

        fewResult.ExitCode.Should().Be(0, fewResult.ToString());
        manyResult.ExitCode.Should().Be(0, manyResult.ToString());
        manyResult.Out.Should().Contain("vm-0199");
        few.Should().Be(expected);
        many.Should().Be(few, "the VMs are read with LISTs, not a GET each");
    }

    private static async Task<(int Reads, CliResult Result)> ReportAsync(
        int vms, int namespaces, FaultRule? fault = null, string to = "DR", bool hubSaysRunning = false, int hubSaysNotRunningIn = 0)
    {
        await using var cluster = await ScaledCluster.StartAsync(vms, namespaces);
        if (fault is not null)
        {
            cluster.Server.Faults.Add(fault);
        }

        var dump = cluster.Dir.File("dump.yaml", hubSaysRunning ? HubSaysRunning(vms, namespaces, hubSaysNotRunningIn) : "apiVersion: v1\nkind: List\nitems: []\n");
        var result = await CliRunner.RunAsync(cluster.Dir.Path, "report", "-f", dump, "-i", cluster.Dir.File("inventory/apps.csv"),
            "--to", to, "-o", "json", "--managed-kubeconfig", cluster.Kubeconfig);
        return (ScaledCluster.Reads(cluster), result);
    }

    [TestMethod]
    public async Task Reports_ground_truth_sends_as_many_reads_for_200_VMs_as_for_10()
    {
        var (few, fewResult) = await ReportAsync(10, 2);
        var (many, manyResult) = await ReportAsync(200, 2);

        fewResult.Err.Should().NotContain("acmdr: cannot").And.NotContain("not allowed");
        manyResult.Out.Should().Contain("managed cluster stretch-1").And.Contain("vm-0199").And.Contain("runs on node p-1 at Primary;");
        few.Should().Be(3 + 4, "the nodes; then the instances of each of the two namespaces, beside their VMs and migrations (the hub does not say they moved)");
        many.Should().Be(few);
    }

    /// <summary>
    /// The hub's policies for <see cref="ScaledCluster"/>'s inventory, each saying all of its VMs run at the
    /// site, but those of the first <paramref name="notRunningIn"/> namespaces, which say none does.
    /// </summary>
    private static string HubSaysRunning(int vms, int namespaces, int notRunningIn)
    {
        var dump = new Report.HubDump();
        for (var space = 0; space < namespaces; space++)
        {
            var (app, ns, tier) = ($"app-{space}", $"ns-{space}", (space % 2) + 1);
            var names = Enumerable.Range(0, vms).Where(i => i % namespaces == space).Select(i => $"vm-{i:0000}").ToList();
            dump.Root($"dr-{app}", app, tier, string.Join(',', names.Select(n => $"{ns}/{n}")), 15, (ManagedCluster.Cluster, "Compliant"))
                .Replicated($"dr-{app}", app, tier, ManagedCluster.Cluster, "Compliant",
                    [Report.HubDump.Entry("2026-11-25T19:01:00Z", $"Compliant; notification - virtualmachines [{string.Join(", ", names)}] found as specified in namespace {ns}")],
                    [Report.HubDump.Entry("2026-11-25T19:05:00Z", (space < notRunningIn ? Report.HubDump.NotRunning(string.Join(", ", names), ns) : Report.HubDump.Running(string.Join(", ", names), ns)))]);
        }

        return dump.Yaml();
    }

    /// <summary>
    /// The hub says the VMs of four of five namespaces have not moved: their VMs and migrations are listed
    /// cluster-wide beside the instances, which also holds the fifth's, so it is not read again.
    /// </summary>
    [TestMethod]
    public async Task Reports_ground_truth_reads_why_once_when_it_reads_cluster_wide_beside_the_instances()
    {
        var (reads, result) = await ReportAsync(40, 5, hubSaysRunning: true, hubSaysNotRunningIn: 4);
        var (fewer, _) = await ReportAsync(40, 5, hubSaysRunning: true, hubSaysNotRunningIn: 1);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("\"vm-0004\"").And.Contain("runs on node p-1 at Primary;", "the fifth namespace's VMs are explained too");
        reads.Should().Be(2 + 2, "the nodes, one list of instances, and one of VMs and one of migrations, cluster-wide");
        fewer.Should().Be(2 + 2 + 2, "one namespace's VMs and migrations beside the instances, then the other four's after them, cluster-wide");
    }

    /// <summary>A finished move (every VM at its target, as the hub says too) costs what reading where the instances run costs: nothing is read to explain.</summary>
    [TestMethod]
    public async Task Reports_ground_truth_reads_no_VMs_or_migrations_when_every_VM_is_at_its_target()
    {
        var (reads, result) = await ReportAsync(200, 2, to: "Primary", hubSaysRunning: true);

        result.ExitCode.Should().Be(0, result.ToString());
        reads.Should().Be(3, "the nodes, and the instances of each of the two namespaces");
    }

    /// <summary>The hub says every VM moved, the cluster says none did: why is read after where they run, once per namespace and kind.</summary>
    [TestMethod]
    public async Task Reports_ground_truth_reads_why_after_the_instances_when_the_hub_says_moved_but_the_cluster_does_not()
    {
        var (reads, result) = await ReportAsync(200, 2, to: "DR", hubSaysRunning: true);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("runs on node p-1 at Primary;");
        reads.Should().Be(3 + 4, "the nodes and the instances of each namespace; then their VMs and migrations");
    }

    [TestMethod]
    public async Task Reports_ground_truth_with_the_cluster_wide_list_forbidden_reads_each_namespace_and_says_the_same()
    {
        var (wide, expected) = await ReportAsync(40, 5);
        var (perNamespace, result) = await ReportAsync(40, 5, FaultRule.Status("GET", "^/apis/kubevirt.io/v1/virtualmachineinstances$", 403));

        wide.Should().Be(2 + 2, "the nodes and one cluster-wide list of instances, beside one of VMs and one of migrations");
        perNamespace.Should().Be(2 + 5 + 2, "the nodes, the refused cluster-wide list of instances, then one per namespace; beside them the VMs and migrations");
        result.ExitCode.Should().Be(expected.ExitCode, result.ToString());
        Report.FastRun.Timeless(result.Out).Should().Be(Report.FastRun.Timeless(expected.Out));
    }

    [TestMethod]
    [DataRow("breakglass")]
    [DataRow("relocate")]
    public async Task A_cluster_wide_list_forbidden_falls_back_to_a_list_per_namespace_with_the_same_result(string command)
    {
        var args = command == "breakglass" ? BreakGlassDryRun : RelocateDryRun;
        await using var allowed = await ScaledCluster.StartAsync(40, 5);
        await using var forbidden = await ScaledCluster.StartAsync(40, 5);
        var rule = FaultRule.Status("GET", "^/apis/kubevirt.io/v1/[a-z]+$", 403);
        forbidden.Server.Faults.Add(rule);

        var expected = await allowed.RunAsync(args);
        var result = await forbidden.RunAsync(args);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Replace(forbidden.Server.BaseUri.Authority, "SERVER", StringComparison.Ordinal)
            .Should().Be(expected.Out.Replace(allowed.Server.BaseUri.Authority, "SERVER", StringComparison.Ordinal));
        var kinds = command == "breakglass" ? 1 : 3;
        forbidden.Server.Faults.FiredCount(rule).Should().Be(kinds, "each kind is asked for cluster-wide once");
        forbidden.Server.Requests.Entries.Count(r => r.Path.Contains("/namespaces/", StringComparison.Ordinal)).Should().Be(5 * kinds, "then once per namespace");
        forbidden.Server.Requests.Entries.Should().OnlyContain(r => r.Method == "GET" && !r.Path.Contains("/vm-", StringComparison.Ordinal), "no VM is read on its own");
    }

    /// <summary>Each round of a real relocate reads the nodes once and lists each kind once per namespace: no read per VM.</summary>
    [TestMethod]
    public async Task Every_relocate_round_sends_the_same_reads_whatever_it_moves()
    {
        await using var cluster = await ScaledCluster.StartAsync(30, 2);
        var kubevirt = cluster.Simulate(TimeSpan.FromMilliseconds(50));

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--max-parallel", "8", "--poll-interval", "20ms");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("summary: 30 moved, 0 failed, 0 skipped");
        kubevirt.MaxInFlight.Should().Be(8, "a round starts its moves together, up to --max-parallel");
        var reads = cluster.Server.Requests.Entries.Where(r => r.Method == "GET").ToList();
        var rounds = reads.Count(r => r.Path == "/api/v1/nodes");
        rounds.Should().BeGreaterThan(2);
        reads.Should().HaveCount(2 + (rounds * 4), "the wrong-cluster check lists the VMs of the 2 namespaces; each round the nodes, then the migrations, VMs and instances of its tier's one namespace");
    }
}
