using System.Text.Json.Nodes;
using FluentAssertions;
using static AcmDr.Cli.Tests.Dual.MixedEstate;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>Rehearsal and repeated flips on the mixed estate of <see cref="MixedEstate"/>.</summary>
[TestClass]
public sealed class DualRehearseTests
{
    [TestMethod]
    public async Task A_rehearsal_there_and_back_relocates_the_dual_apps_and_migrates_the_stretched_ones_and_reports_both_legs_moved()
    {
        await using var world = await SettledAsync();

        var rehearsal = world.HubWhileTickingAsync("rehearse", "--to", "DR", "--reason", "dual rehearsal", "--back", "--timeout", "5m", "-o", "json");
        var ticks = 0;
        var sawDr = false;
        while (!rehearsal.IsCompleted && ticks < 2 * Budget)
        {
            world.Tick();
            sawDr |= AllArrived(world, a => Clusters[a].Peer, "Relocated") && world.StretchedAllAt("DR");
            ticks++;
            await Task.Delay(20);
        }

        rehearsal.IsCompleted.Should().BeTrue("the rehearsal ends within {0} ticks: {1}", 2 * Budget, Describe(world));
        var result = await rehearsal;
        result.ExitCode.Should().Be(0, "{0} | {1}", result, Describe(world));
        sawDr.Should().BeTrue("every app ran at DR between the two legs");
        AllArrived(world, a => Clusters[a].Home, "Relocated").Should().BeTrue("the way back relocated them home: {0}", Describe(world));
        world.StretchedAllAt("Primary").Should().BeTrue();
        world.Ramen.Events.Should().NotContain(e => e.StartsWith("failover", StringComparison.Ordinal), "a rehearsal is a planned move");
        var legs = JsonNode.Parse(result.Out)!["legs"]!.AsArray();
        legs.Select(l => (l!["report"]!["targetSite"]!.GetValue<string>(), l["report"]!["verdict"]!.GetValue<string>(), l["report"]!["moved"]!.GetValue<int>()))
            .Should().Equal(("DR", "moved", 7), ("Primary", "moved", 7));
    }

    [TestMethod]
    public async Task A_planned_flip_to_the_site_an_unplanned_one_reached_changes_no_drpc()
    {
        await using var world = await SettledAsync();
        await FlipAsync(world, "DR", "--unplanned");
        TickInTierOrder(world, a => Clusters[a].Peer, "FailedOver");
        AllFinished(world, a => Clusters[a].Peer, "FailedOver").Should().BeTrue(Describe(world));
        var specs = DualApps.ToDictionary(a => a, a => world.Drpc(a)!["spec"]!.ToJsonString());
        var generations = DualApps.ToDictionary(a => a, a => world.Drpc(a)!["metadata"]!["generation"]!.GetValue<long>());
        var events = world.Ramen.Events.Count;

        await FlipAsync(world, "DR");
        for (var i = 0; i < 12; i++)
        {
            world.Tick();
        }

        world.Hub.Store.Get("", "v1", "configmaps", "acmdr", "acmdr-sites")!["data"]!["mode"]!.GetValue<string>().Should().Be("planned");
        foreach (var app in DualApps)
        {
            world.Drpc(app)!["spec"]!.ToJsonString().Should().Be(specs[app], "a mode change alone never starts another action");
            world.Drpc(app)!["metadata"]!["generation"]!.GetValue<long>().Should().Be(generations[app]);
        }

        world.Ramen.Events.Should().HaveCount(events);
        AllCompliant(world).Should().BeTrue("the -recovered templates see the new switch's stamp: {0}", Describe(world));
    }
}
