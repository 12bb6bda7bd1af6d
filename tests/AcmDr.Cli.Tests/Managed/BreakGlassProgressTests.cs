using System.Collections.Concurrent;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Managed;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;
using Spectre.Console;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Break glass on a terminal: a bar per tier fills as its patches end, and the tier's lines follow the bar
/// in the inventory's order (lines written while the bar runs would tear it).
/// </summary>
[TestClass]
public sealed class BreakGlassProgressTests
{
    [TestMethod]
    public async Task On_a_terminal_each_tier_gets_a_bar_and_then_its_lines_in_inventory_order()
    {
        await using var cluster = await ManagedCluster.StartAsync(Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("finance", "db-1", "Primary", "p-2");
        cluster.AddRunningVm("web", "web-0", "Primary", "p-1");
        var port = new KubeManagedCluster(ClusterConnection.Open(cluster.Kubeconfig, null, "managed cluster"),
            new TransientRetry(TimeSpan.FromMilliseconds(250), cluster.Clock, new ConcurrentQueue<string>().Enqueue));
        var reader = new ClusterReader(port, ClusterObjects.SiteLabel);
        ScopedVm[] scope =
        [
            new(new VmRef("finance", "db-0"), "db", 1),
            new(new VmRef("finance", "db-1"), "db", 1),
            new(new VmRef("web", "web-0"), "web", 2),
        ];
        using var screen = new StringWriter();
        var console = RecordingConsole.Over(screen);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, cluster.Dir.Path, cluster.Clock);
        var snapshot = await reader.SnapshotAsync(scope.Select(v => v.Vm.Namespace), SnapshotParts.Vms, CancellationToken.None);

        var outcome = await new BreakGlassLive(port, reader, io, ClusterObjects.SiteLabel, "DR", 2, new PatchProgress.Live(console))
            .RunAsync(scope, snapshot, dryRun: false, CancellationToken.None);

        outcome.Set.Should().Be(3);
        screen.ToString().Should().Contain("tier 1: 2 VMs").And.Contain("tier 2: 1 VM").And.Contain("100%");
        output.ToString().Should().Be(
            "tier 1:\n  finance/db-0: topology.kubernetes.io/site Primary -> DR\n  finance/db-1: topology.kubernetes.io/site Primary -> DR\n"
            + "tier 2:\n  web/web-0: topology.kubernetes.io/site Primary -> DR\n");
    }

    [TestMethod]
    public async Task The_plain_display_runs_the_tier_once_and_streams_its_lines()
    {
        var ticks = 0;
        var plain = new PatchProgress.Plain();

        await plain.RunTierAsync(1, 2, ended =>
        {
            ended();
            ended();
            ticks = 2;
            return Task.CompletedTask;
        });

        plain.StreamsLines.Should().BeTrue();
        ticks.Should().Be(2);
    }
}
