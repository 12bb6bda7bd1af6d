using AcmDr.Cli.Cluster;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;
using static AcmDr.Cli.Tests.Isolated.IsolatedRuns;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>--keep, --cleanup, and Ctrl-C: whatever a rehearsal created is found by its label and removed, and what outlives it is reported.</summary>
[TestClass]
public sealed class IsolatedCleanupTests
{
    [TestMethod]
    public async Task Keep_leaves_the_copies_running_and_cleanup_with_the_id_removes_them()
    {
        await using var world = await IsolationWorld.StartAsync();

        var kept = await world.RunAsync("rehearse", "--isolated", "--id", "k1", "--keep", "-o", "json");

        kept.ExitCode.Should().Be(0, kept.ToString());
        ErrLines(kept)[^1].Should().Be("copies kept running: acmdr rehearse --cleanup --id k1 removes them");
        ReportOf(kept)["kept"]!.GetValue<bool>().Should().BeTrue();
        world.Bubbles().Should().BeEquivalentTo("acmdr-test-k1-payments", "acmdr-test-k1-shop");
        world.Instance("acmdr-test-k1-payments", "db-1")!["status"]!["phase"]!.GetValue<string>().Should().Be("Running");

        var cleanup = await world.RunAsync("rehearse", "--cleanup", "--id", "k1");

        cleanup.ExitCode.Should().Be(0, cleanup.ToString());
        cleanup.Out.Should().Contain("deleted namespace acmdr-test-k1-payments").And.Contain("deleted virtualmachinesnapshot payments/acmdr-test-k1-db-1")
            .And.EndWith("cleanup of rehearsal k1: done, nothing left\n");
        world.Bubbles().Should().BeEmpty();
        Labelled(world, "k1").Should().BeEmpty();
        InBubbles(world).Should().BeEmpty();
        world.Writes().Where(r => !IsolationWorld.InBubble(r.Path) && r.Method == "DELETE")
            .Should().OnlyContain(r => r.Path.Contains("/virtualmachinesnapshots/acmdr-test-k1-", StringComparison.Ordinal), "cleanup deletes nothing of production but its snapshots");
    }

    [TestMethod]
    [DataRow("snapshot")]
    [DataRow("datavolumes")]
    [DataRow("copy")]
    public async Task Cleanup_after_an_interruption_at_each_step_removes_everything_the_run_created(string step)
    {
        await using var world = await IsolationWorld.StartAsync();

        var interrupted = await InterruptAsync(world, "i1", step);

        interrupted.ExitCode.Should().Be(130, interrupted.ToString());
        ErrLines(interrupted)[^1].Should().Be("acmdr: interrupted: acmdr rehearse --cleanup --id i1 removes what was created");
        ReportOf(interrupted)["interrupted"]!.GetValue<bool>().Should().BeTrue("the report of what was seen is written, marked interrupted");
        Text(VmOf(ReportOf(interrupted), "payments", "db-1")["reason"]).Should().EndWith("the run was interrupted");
        Labelled(world, "i1").Should().NotBeEmpty("an interruption cleans nothing up by itself");
        world.Clock.Frozen = false;

        var cleanup = await world.RunAsync("rehearse", "--cleanup", "--id", "i1");

        cleanup.ExitCode.Should().Be(0, cleanup.ToString());
        Labelled(world, "i1").Should().BeEmpty();
        InBubbles(world).Should().BeEmpty();
        world.Bubbles().Should().BeEmpty();
        world.List(ApiResource.VmSnapshots).Should().BeEmpty();
        world.List(ApiResource.VmSnapshotContents).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_volume_left_Released_after_an_interruption_is_reported_as_a_leftover_with_exit_1()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Sim.RetainPvOf.Add("db-2-root");
        (await InterruptAsync(world, "r1", "copy")).ExitCode.Should().Be(130);
        world.Clock.Frozen = false;

        var cleanup = await world.RunAsync("rehearse", "--cleanup", "--id", "r1");

        cleanup.ExitCode.Should().Be(1, cleanup.ToString());
        var left = cleanup.Out.Split('\n').Where(l => l.StartsWith("left: ", StringComparison.Ordinal)).ToList();
        left.Should().ContainSingle(cleanup.ToString()).Which.Should().Contain("persistentvolume ").And.Contain("acmdr-test-r1-payments/db-2-root").And.Contain("is Released");
        cleanup.Out.Should().EndWith("cleanup of rehearsal r1: 1 leftover\n");
        world.Bubbles().Should().BeEmpty("everything else went");
    }

    [TestMethod]
    public async Task A_volume_left_Released_by_the_runs_own_cleanup_is_in_the_report_and_exits_1()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Sim.RetainPvOf.Add("web-1-root");

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "r2", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var report = ReportOf(result);
        report["allRecovered"]!.GetValue<bool>().Should().BeTrue("every copy was verified: the leftover alone makes it exit 1");
        report["leftovers"]!.AsArray().Should().ContainSingle().Which!.GetValue<string>().Should().Contain("acmdr-test-r2-shop/web-1-root").And.Contain("Released");
        result.Err.Should().Contain("acmdr: left: persistentvolume ");
    }

    [TestMethod]
    public async Task A_labelled_namespace_that_is_not_a_bubble_is_left_alone_and_reported()
    {
        await using var world = await IsolationWorld.StartAsync();
        (await world.RunAsync("rehearse", "--isolated", "--id", "x1", "--keep", "--tier", "1")).ExitCode.Should().Be(0);
        world.Put(IsolationWorld.NamespaceObject("payments-restore", new System.Text.Json.Nodes.JsonObject { ["rehearsal.acmdr.io/id"] = "x1" }));

        var cleanup = await world.RunAsync("rehearse", "--cleanup", "--id", "x1");

        cleanup.ExitCode.Should().Be(1, cleanup.ToString());
        cleanup.Out.Should().Contain("left: namespace payments-restore carries the rehearsal label but is not a bubble: left alone");
        world.Get(ApiResource.Namespaces, null, "payments-restore").Should().NotBeNull();
        world.Bubbles().Should().BeEmpty();
    }

    [TestMethod]
    public async Task Cleanup_without_an_id_removes_every_rehearsal_and_a_dry_run_deletes_nothing()
    {
        await using var world = await IsolationWorld.StartAsync();
        (await world.RunAsync("rehearse", "--isolated", "--id", "a1", "--keep", "--tier", "1")).ExitCode.Should().Be(0);
        (await world.RunAsync("rehearse", "--isolated", "--id", "a2", "--keep", "--tier", "2")).ExitCode.Should().Be(0);
        var writes = world.Writes().Count;

        var dry = await world.RunAsync("rehearse", "--cleanup", "--dry-run");

        dry.ExitCode.Should().Be(0, dry.ToString());
        dry.Out.Should().Contain("would delete namespace acmdr-test-a1-payments").And.Contain("would delete namespace acmdr-test-a2-shop")
            .And.Contain("nothing was deleted");
        world.Writes().Should().HaveCount(writes);

        var cleanup = await world.RunAsync("rehearse", "--cleanup");

        cleanup.ExitCode.Should().Be(0, cleanup.ToString());
        world.Bubbles().Should().BeEmpty();
        world.List(ApiResource.VmSnapshots).Should().BeEmpty();

        var again = await world.RunAsync("rehearse", "--cleanup", "--id", "a1");

        again.ExitCode.Should().Be(0, again.ToString());
        again.Out.Should().StartWith("nothing to clean up: no object of rehearsal a1");
    }

    /// <summary>Runs tier 1 with the clock frozen, moves it on until the run has created what <paramref name="step"/> names, then cancels it (Ctrl-C).</summary>
    private static async Task<CliResult> InterruptAsync(IsolationWorld world, string id, string step)
    {
        world.Clock.Frozen = true;
        using var cancel = new CancellationTokenSource();
        var run = world.RunAsync(cancel.Token, "rehearse", "--isolated", "--id", id, "--tier", "1", "-o", "json");
        var bubble = $"acmdr-test-{id}-payments";
        Func<bool> reached = step switch
        {
            "snapshot" => () => world.List(ApiResource.VmSnapshots, "payments").Count == 2,
            "datavolumes" => () => world.List(ApiResource.DataVolumes, bubble).Count > 0,
            _ => () => world.List(ApiResource.VirtualMachines, bubble).Count == 2,
        };
        for (var round = 0; !reached(); round++)
        {
            run.IsCompleted.Should().BeFalse($"the run ended before it reached {step}: {(run.IsCompleted ? run.Result.ToString() : "")}");
            round.Should().BeLessThan(5000, $"the run never reached {step}");
            if (world.Clock.PendingTimers > 0)
            {
                world.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Delay(2);
        }

        if (step == "datavolumes")
        {
            world.List(ApiResource.VirtualMachines, bubble).Should().BeEmpty("interrupted between the DataVolumes and the copy");
        }

        await cancel.CancelAsync();
        return await run;
    }
}
