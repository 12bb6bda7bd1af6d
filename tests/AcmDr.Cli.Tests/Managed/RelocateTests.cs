using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

[TestClass]
public sealed class RelocateTests
{
    private const string Inventory = Inventories.Header + "\n"
        + "db,1,finance,db-0,stretch-1,15,\n"
        + "db,1,finance,db-1,stretch-1,15,\n"
        + "db,1,finance,db-2,stretch-1,15,\n"
        + "web,2,web,web-0,stretch-1,30,db\n"
        + "web,2,web,web-1,stretch-1,30,db\n";

    private static readonly string[] Fast = ["--poll-interval", "20ms"];

    /// <summary>Every VM's nodeSelector already says DR (the hub was flipped), but all still run at Primary.</summary>
    private static async Task<ManagedCluster> FlippedClusterAsync()
    {
        var cluster = await ManagedCluster.StartAsync(Inventory);
        foreach (var (ns, name) in new[] { ("finance", "db-0"), ("finance", "db-1"), ("finance", "db-2"), ("web", "web-0"), ("web", "web-1") })
        {
            cluster.AddRunningVm(ns, name, "DR", name.EndsWith('1') ? "p-2" : "p-1");
        }

        return cluster;
    }

    private static string NodeOf(ManagedCluster cluster, string ns, string name) =>
        cluster.Instance(ns, name)!["status"]!["nodeName"]!.GetValue<string>();

    [TestMethod]
    public async Task Moves_tier_by_tier_never_more_than_max_parallel_at_once()
    {
        await using var cluster = await FlippedClusterAsync();
        var kubevirt = cluster.Simulate(TimeSpan.FromMilliseconds(50));

        var result = await cluster.RunAsync(["relocate", "--to", "DR", "--max-parallel", "2", .. Fast]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("summary: 5 moved, 0 failed, 0 skipped");
        new[] { "db-0", "db-1", "db-2" }.Should().OnlyContain(vm => NodeOf(cluster, "finance", vm).StartsWith('d'));
        new[] { "web-0", "web-1" }.Should().OnlyContain(vm => NodeOf(cluster, "web", vm).StartsWith('d'));
        kubevirt.MaxInFlight.Should().BeInRange(1, 2);
        var events = kubevirt.Events;
        var firstTier2 = events.ToList().FindIndex(e => e.StartsWith("migrate web-", StringComparison.Ordinal));
        var lastTier1Arrival = events.ToList().FindLastIndex(e => e.StartsWith("arrived db-", StringComparison.Ordinal));
        firstTier2.Should().BeGreaterThan(lastTier1Arrival, $"tier 2 starts only once tier 1 runs at DR: {string.Join(", ", events)}");
        cluster.Migrations().Should().HaveCount(5).And.OnlyContain(m => m["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>() == "acmdr");
    }

    [TestMethod]
    public async Task A_rerun_after_an_interruption_waits_on_the_migration_in_flight_instead_of_starting_another()
    {
        await using var cluster = await FlippedClusterAsync();
        var kubevirt = cluster.Simulate(TimeSpan.FromMilliseconds(400));
        cluster.Clock.Frozen = true;
        using var interrupt = new CancellationTokenSource();
        var first = cluster.RunAsync(interrupt.Token, ["relocate", "--to", "DR", "--max-parallel", "1", .. Fast]);
        while (cluster.Migrations().Count == 0)
        {
            await Task.Delay(10);
        }

        cluster.Clock.Elapsed.Should().Be(TimeSpan.Zero, "the first run waits on its first poll, the clock stands still: the 400 ms migration cannot end");
        await interrupt.CancelAsync();
        (await first).ExitCode.Should().Be(130);
        cluster.Migrations().Should().ContainSingle().Which["status"]?["phase"]?.GetValue<string>().Should().BeOneOf([null, "Pending", "Running"], "the interruption came while the first migration was in flight");
        cluster.Clock.Frozen = false;
        kubevirt.Delay = TimeSpan.FromMilliseconds(50);

        var second = await cluster.RunAsync(["relocate", "--to", "DR", "--max-parallel", "1", .. Fast]);

        second.ExitCode.Should().Be(0, second.ToString());
        second.Out.Should().Contain("finance/db-0: waiting: migration acmdr-db-0-");
        cluster.Migrations().GroupBy(m => m["spec"]!["vmiName"]!.GetValue<string>()).Should().OnlyContain(g => g.Count() == 1, "no VM is ever migrated twice");
        cluster.Migrations().Should().HaveCount(5);

        var third = await cluster.RunAsync(["relocate", "--to", "DR", .. Fast]);

        third.ExitCode.Should().Be(0, third.ToString());
        third.Out.Should().Contain("summary: 0 moved, 0 failed, 5 skipped").And.Contain("already at DR");
        cluster.Migrations().Should().HaveCount(5);
    }

    [TestMethod]
    public async Task Dry_run_says_what_it_would_do_and_writes_nothing()
    {
        await using var cluster = await FlippedClusterAsync();
        cluster.Server.Store.Put(ClusterObjects.Instance("web", "web-1", "p-2", liveMigratable: false));

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("finance/db-0: live-migrate: runs on node p-1 at Primary").And.Contain("web/web-1: restart: runs on node p-2 at Primary and is not live-migratable");
        cluster.Writes().Should().BeEmpty();
    }

    [TestMethod]
    public async Task Restarts_what_cannot_live_migrate_and_leaves_stopped_VMs_stopped()
    {
        await using var cluster = await FlippedClusterAsync();
        _ = cluster.Simulate(TimeSpan.FromMilliseconds(50));
        cluster.Server.Store.Put(ClusterObjects.Instance("finance", "db-1", "p-2", liveMigratable: false));
        cluster.Server.Store.Delete("kubevirt.io", "v1", "virtualmachineinstances", "web", "web-1");
        cluster.Server.Store.Put(ClusterObjects.Vm("web", "web-1", "DR", printableStatus: "Stopped", runStrategy: "Halted"));

        var result = await cluster.RunAsync(["relocate", "--to", "DR", .. Fast]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("summary: 4 moved, 0 failed, 1 skipped").And.Contain("finance/db-1: moved: restarted on d-");
        result.Out.Should().Contain("skipped web/web-1 (tier 2): stopped (Stopped): left stopped");
        cluster.Server.Requests.Entries.Should().ContainSingle(r => r.Method == "PUT" && r.Path.EndsWith("/virtualmachines/db-1/restart", StringComparison.Ordinal));
        cluster.Instance("web", "web-1").Should().BeNull();
        cluster.Migrations().Select(m => m["spec"]!["vmiName"]!.GetValue<string>()).Should().NotContain(["db-1", "web-1"]);
    }

    [TestMethod]
    public async Task A_failed_migration_is_reported_with_its_reason_and_exit_1()
    {
        await using var cluster = await FlippedClusterAsync();
        var kubevirt = cluster.Simulate(TimeSpan.FromMilliseconds(50));
        kubevirt.FailMigrationsOf["db-2"] = "target pod could not be scheduled";

        var result = await cluster.RunAsync(["relocate", "--to", "DR", .. Fast]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("summary: 4 moved, 1 failed, 0 skipped");
        result.Out.Should().MatchRegex(@"failed  finance/db-2 \(tier 1\): migration acmdr-db-2-\w+ Failed: target pod could not be scheduled");
    }

    [TestMethod]
    public async Task Stuck_VMs_are_diagnosed_with_what_unblocks_them_instead_of_waited_on()
    {
        await using var cluster = await FlippedClusterAsync();
        _ = cluster.Simulate(TimeSpan.FromMilliseconds(50));
        cluster.Server.Store.Put(ClusterObjects.Node("p-2", "Primary", ready: false));
        cluster.Server.Store.Put(ClusterObjects.Vm("finance", "db-1", "DR", runStrategy: "Manual"));
        cluster.Server.Store.Delete("kubevirt.io", "v1", "virtualmachineinstances", "web", "web-0");
        cluster.Server.Store.Put(ClusterObjects.Vm("web", "web-0", "DR", printableStatus: "ErrorUnschedulable"));

        var result = await cluster.RunAsync(["relocate", "--to", "DR", "--timeout", "20s", .. Fast]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("summary: 2 moved, 3 failed, 0 skipped");
        result.Out.Should().Contain("finance/db-1 (tier 1): stuck: its instance is on node p-2, which is not Ready")
            .And.Contain("kubectl taint node p-2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute")
            .And.Contain("its runStrategy is Manual, so it is not recreated by itself");
        result.Out.Should().Contain("web/web-1 (tier 2): stuck: its instance is on node p-2").And.Contain("then it restarts where its nodeSelector says");
        result.Out.Should().Contain("web/web-0 (tier 2): stuck: ErrorUnschedulable");
    }

    [TestMethod]
    public async Task What_has_not_arrived_when_the_timeout_is_up_fails_within_one_poll_of_it()
    {
        await using var cluster = await FlippedClusterAsync();
        var kubevirt = cluster.Simulate(TimeSpan.FromHours(1));

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--timeout", "1m", "--poll-interval", "20s");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("summary: 0 moved, 5 failed, 0 skipped");
        result.Out.Should().Contain("failed  finance/db-0 (tier 1): timed out after 00:01:00: not at the site yet")
            .And.Contain("failed  web/web-1 (tier 2): timed out after 00:01:00: not at the site yet");
        cluster.Clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(80), "it gives up at the first poll past the timeout");
        kubevirt.Events.Should().BeEquivalentTo(["migrate db-0", "migrate db-1", "migrate db-2"], "tier 1's migrations start together, and tier 2 never starts");
    }

    [TestMethod]
    public async Task A_VM_whose_nodeSelector_names_another_site_is_not_moved()
    {
        await using var cluster = await FlippedClusterAsync();
        _ = cluster.Simulate(TimeSpan.FromMilliseconds(50));
        cluster.Server.Store.Put(ClusterObjects.Vm("finance", "db-0", "Primary"));

        var result = await cluster.RunAsync(["relocate", "--to", "DR", "--tier", "1", .. Fast]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("finance/db-0 (tier 1): runs on node p-1 at Primary and its nodeSelector topology.kubernetes.io/site says Primary, not DR");
        cluster.Migrations().Select(m => m["spec"]!["vmiName"]!.GetValue<string>()).Should().BeEquivalentTo("db-1", "db-2");
    }

    [TestMethod]
    public async Task Unknown_site_exits_4_and_unreachable_cluster_exits_3()
    {
        var cluster = await FlippedClusterAsync();
        var unknown = await cluster.RunAsync("relocate", "--to", "Moon");
        await cluster.Server.DisposeAsync();

        var unreachable = await cluster.RunAsync("relocate", "--to", "DR");

        unknown.ExitCode.Should().Be(4, unknown.ToString());
        unreachable.ExitCode.Should().Be(3, unreachable.ToString());
        unreachable.Err.Should().Contain("cannot reach");
        cluster.Dir.Dispose();
    }
}
