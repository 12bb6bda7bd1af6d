using AcmDr.Cli.Tests.Relocation;
using FluentAssertions;
using static AcmDr.Cli.Tests.Dual.MixedEstate;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// The dual-cluster topology end to end on a mixed inventory: <c>acmdr generate</c>, the hub-local policies run by the
/// test's configuration-policy controller on the fake hub itself with the simulated Ramen moving the DRPCs, the
/// stretched apps' policies on a fake stretched cluster with the simulated KubeVirt, and a real <c>acmdr flip</c>,
/// <c>report</c> and <c>wait</c> against the hub.
/// </summary>
[TestClass]
public sealed class DualFlipTests
{
    [TestMethod]
    public async Task A_planned_flip_relocates_each_dual_tier_after_the_previous_one_completed_while_the_stretched_apps_move_by_their_own_policies()
    {
        await using var world = await SettledAsync();

        await FlipAsync(world, "DR");
        var ticks = TickInTierOrder(world, a => Clusters[a].Peer, "Relocated");

        AllFinished(world, a => Clusters[a].Peer, "Relocated").Should().BeTrue("every dual app relocated within {0} ticks: {1}", Budget, Describe(world));
        AllCompliant(world).Should().BeTrue(Describe(world));
        ticks.Should().BeLessThan(Budget);
        foreach (var app in DualApps)
        {
            var spec = world.Drpc(app)!["spec"]!;
            (spec["action"]!.GetValue<string>(), spec["preferredCluster"]!.GetValue<string>()).Should().Be(("Relocate", Clusters[app].Peer));
            spec["failoverCluster"].Should().BeNull("a planned move names no failover cluster");
        }

        var events = world.Ramen.Events.ToList();
        events.IndexOf("relocate dr-crm to west").Should().BeGreaterThan(events.IndexOf("cleaning dr-erp"), "crm relocates once erp runs at west: {0}", Describe(world));
        events.IndexOf("relocate dr-bi to east").Should().BeGreaterThan(events.IndexOf("cleaning dr-crm"));
        events.Should().NotContain(e => e.StartsWith("failover", StringComparison.Ordinal));
        world.StretchedAllAt("DR").Should().BeTrue("the stretched apps moved by live migration: {0}", Describe(world));
        world.KubeVirt.Migrations.Should().HaveCount(world.StretchedVms.Count).And.OnlyContain(m => m.Phase == "Succeeded");

        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(0, report.ToString());
        var json = Json(report);
        json.GetProperty("verdict").GetString().Should().Be("moved", report.Out);
        VmVerdicts(json).Should().HaveCount(7).And.OnlyContain(v => v.Value == "moved", report.Out);
        var rows = DualRows(json);
        rows.Keys.Should().BeEquivalentTo(DualApps);
        foreach (var app in DualApps)
        {
            rows[app].GetProperty("phase").GetString().Should().Be("Relocated");
            rows[app].GetProperty("progression").GetString().Should().Be("Completed");
            rows[app].GetProperty("action").GetString().Should().Be("Relocate");
            rows[app].GetProperty("actionDurationSeconds").GetInt64().Should().BePositive();
            rows[app].GetProperty("lastGroupSyncTime").GetString().Should().NotBeNullOrEmpty("the final sync of a relocation is the data-loss window's end");
        }

        var durations = json.GetProperty("tiers").EnumerateArray().OrderBy(t => t.GetProperty("tier").GetInt32())
            .Select(t => t.GetProperty("durationSeconds").GetInt64()).ToList();
        durations.Should().HaveCount(3).And.BeInAscendingOrder("each tier arrives after the one before it").And.OnlyContain(d => d > 0);
        json.GetProperty("tiers").EnumerateArray().Should().OnlyContain(t => t.GetProperty("rto").GetString() == "met", report.Out);
    }

    [TestMethod]
    public async Task A_relocation_slower_than_its_tiers_rto_is_reported_as_a_missed_rto()
    {
        await using var world = await SettledAsync();
        world.Ramen.StepDuration = TimeSpan.FromMinutes(2);

        await FlipAsync(world, "DR");
        world.TickUntil(() => Finished(world, "erp", "west", "Relocated")
            && world.HubPolicies.Templates.GetValueOrDefault("dr-erp-recovered") == PolicyController.Compliant, Budget);

        Finished(world, "erp", "west", "Relocated").Should().BeTrue(Describe(world));
        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        var tiers = Json(report).GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetInt32());
        tiers[1].GetProperty("rto").GetString().Should().Be("missed", "nine steps of two minutes exceed tier 1's 15 minutes: {0}", report.Out);
        tiers[1].GetProperty("durationSeconds").GetInt64().Should().BeGreaterThan(15 * 60);
        DualRows(Json(report))["erp"].GetProperty("actionDurationSeconds").GetInt64().Should().Be(16 * 60, "Ramen's own measure: eight steps after the start");
    }

    [TestMethod]
    public async Task An_unplanned_flip_fails_every_dual_app_over_to_its_peer_and_reports_the_data_loss_window()
    {
        await using var world = await SettledAsync();

        await FlipAsync(world, "DR", "--unplanned");
        TickInTierOrder(world, a => Clusters[a].Peer, "FailedOver");

        AllFinished(world, a => Clusters[a].Peer, "FailedOver").Should().BeTrue(Describe(world));
        foreach (var app in DualApps)
        {
            var spec = world.Drpc(app)!["spec"]!;
            (spec["action"]!.GetValue<string>(), spec["failoverCluster"]!.GetValue<string>()).Should().Be(("Failover", Clusters[app].Peer));
            spec["preferredCluster"]!.GetValue<string>().Should().Be(Clusters[app].Home, "a failover leaves the preferred cluster as it is");
        }

        world.Ramen.Events.Should().NotContain(e => e.StartsWith("relocate", StringComparison.Ordinal));
        world.StretchedAllAt("DR").Should().BeTrue(Describe(world));
        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(0, report.ToString());
        var rows = DualRows(Json(report));
        foreach (var app in DualApps)
        {
            rows[app].GetProperty("phase").GetString().Should().Be("FailedOver");
            rows[app].GetProperty("action").GetString().Should().Be("Failover");
            rows[app].GetProperty("dataLossWindowSeconds").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Number, report.Out);
        }
    }

    [TestMethod]
    public async Task A_failover_stalled_in_wait_for_fencing_is_not_moved_with_its_reason_and_holds_the_next_tier()
    {
        await using var world = await SettledAsync();
        world.Ramen.Unfenced["dr-erp"] = true;

        await FlipAsync(world, "DR", "--unplanned");
        for (var i = 0; i < 30; i++)
        {
            world.Tick();
        }

        (world.Status("erp", "phase"), world.Status("erp", "progression")).Should().Be(("FailingOver", "WaitForFencing"), Describe(world));
        world.DecidedCluster("erp").Should().Be("east");
        world.Drpc("crm")!["spec"]!["action"].Should().BeNull("tier 2 waits while tier 1 is not failed over: {0}", Describe(world));
        world.Drpc("bi")!["spec"]!["action"].Should().BeNull();
        world.StretchedAllAt("DR").Should().BeTrue("the stretched apps do not wait on the dual ones: {0}", Describe(world));

        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(1, "not everything moved: {0}", report);
        var json = Json(report);
        var vms = VmVerdicts(json);
        vms["erp-db"].Should().Be("notMoved");
        vms["erp-app"].Should().Be("notMoved");
        vms["crm-0"].Should().Be("waiting");
        vms["bi-0"].Should().Be("waiting");
        vms["dns-0"].Should().Be("moved");
        var reasons = json.GetProperty("vms").EnumerateArray().Where(v => v.GetProperty("vm").GetString() == "erp-db")
            .Select(v => v.ToString()).Single();
        reasons.Should().Contain("WaitForFencing").And.Contain("fence", "the reason names the next step: fence the old cluster");
        DualRows(json)["erp"].GetProperty("progression").GetString().Should().Be("WaitForFencing");
    }

    [TestMethod]
    public async Task A_failed_relocation_is_not_moved_and_its_dependent_waits()
    {
        await using var world = await SettledAsync();
        world.Ramen.Failures["dr-crm"] = "failed to restore PVs for the VolumeReplicationGroup";

        await FlipAsync(world, "DR");
        world.TickUntil(() => Finished(world, "erp", "west", "Relocated") && world.Status("crm", "progression") == "WaitingForResourceRestore", Budget);
        for (var i = 0; i < 10; i++)
        {
            world.Tick();
        }

        world.Drpc("bi")!["spec"]!["action"].Should().BeNull("bi depends on crm, which never completed: {0}", Describe(world));
        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(1, report.ToString());
        var vms = VmVerdicts(Json(report));
        vms["erp-db"].Should().Be("moved");
        vms["crm-0"].Should().Be("notMoved");
        vms["bi-0"].Should().Be("waiting");
    }

    [TestMethod]
    public async Task Failback_by_flip_to_primary_relocates_every_dual_app_home_tier_by_tier()
    {
        await using var world = await SettledAsync();
        await FlipAsync(world, "DR", "--unplanned");
        TickInTierOrder(world, a => Clusters[a].Peer, "FailedOver");
        AllFinished(world, a => Clusters[a].Peer, "FailedOver").Should().BeTrue(Describe(world));

        await FlipAsync(world, "Primary");
        TickInTierOrder(world, a => Clusters[a].Home, "Relocated");

        AllFinished(world, a => Clusters[a].Home, "Relocated").Should().BeTrue("failback is a relocation home: {0}", Describe(world));
        foreach (var app in DualApps)
        {
            var spec = world.Drpc(app)!["spec"]!;
            (spec["action"]!.GetValue<string>(), spec["preferredCluster"]!.GetValue<string>()).Should().Be(("Relocate", Clusters[app].Home));
        }

        world.StretchedAllAt("Primary").Should().BeTrue(Describe(world));
        var report = await world.HubAsync("report", "--to", "Primary", "-o", "json");
        report.ExitCode.Should().Be(0, report.ToString());
        VmVerdicts(Json(report)).Should().OnlyContain(v => v.Value == "moved", report.Out);
    }

    [TestMethod]
    public async Task Wait_returns_once_every_tier_has_moved_with_the_dual_apps_among_them()
    {
        await using var world = await SettledAsync();
        await FlipAsync(world, "DR");

        var wait = world.HubWhileTickingAsync("wait", "--to", "DR", "--timeout", "5m", "-o", "json");
        var ticks = 0;
        while (!wait.IsCompleted && ticks < Budget)
        {
            world.Tick();
            ticks++;
            await Task.Delay(20);
        }

        wait.IsCompleted.Should().BeTrue("wait ends within {0} ticks: {1}", Budget, Describe(world));
        var result = await wait;
        result.ExitCode.Should().Be(0, "{0} | {1}", result, Describe(world));
        AllArrived(world, a => Clusters[a].Peer, "Relocated").Should().BeTrue("wait returned only once every DRPC runs its app at the peer: {0}", Describe(world));
        var json = Json(result);
        json.GetProperty("verdict").GetString().Should().Be("moved");
        DualRows(json).Values.Should().OnlyContain(r => r.GetProperty("verdict").GetString() == "moved");
    }
}
