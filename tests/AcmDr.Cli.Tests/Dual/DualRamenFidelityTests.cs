using FluentAssertions;
using static AcmDr.Cli.Tests.Dual.MixedEstate;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// The end-to-end flows against a Ramen that keeps <c>status.preferredDecision</c> as it really does: written once at
/// the initial deployment (updatePreferredDecision fills it only when empty), so after a relocation or failover it still
/// names the first cluster. Where the app runs is the Placement's decision (and the spec's cluster once the phase is
/// Relocated or FailedOver with progression Completed).
/// </summary>
[TestClass]
public sealed class DualRamenFidelityTests
{
    [TestMethod]
    public async Task With_ramens_own_preferred_decision_tier_2_follows_once_tier_1_relocated()
    {
        await using var world = await SettledAsync();

        await FlipAsync(world, "DR");
        TickInTierOrder(world, a => Clusters[a].Peer, "Relocated");

        world.DecidedCluster("erp").Should().Be("west", "Ramen relocated tier 1: {0}", Describe(world));
        world.Status("erp", "phase").Should().Be("Relocated");
        AllFinished(world, a => Clusters[a].Peer, "Relocated").Should().BeTrue("tier 2 and 3 follow tier 1: {0}", Describe(world));
        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(0, report.ToString());
    }

    [TestMethod]
    public async Task With_ramens_own_preferred_decision_failback_relocates_tier_1_home_and_no_report_calls_it_moved_before()
    {
        await using var world = await SettledAsync();
        await FlipAsync(world, "DR");
        world.TickUntil(() => Finished(world, "erp", "west", "Relocated"), Budget);
        Finished(world, "erp", "west", "Relocated").Should().BeTrue("Ramen relocated tier 1 to west: {0}", Describe(world));

        await FlipAsync(world, "Primary");
        var early = await world.HubAsync("report", "--to", "Primary", "-o", "json");
        world.TickUntil(() => Finished(world, "erp", "east", "Relocated"), Budget);

        world.DecidedCluster("erp").Should().Be("east", "failback relocates erp home: {0}", Describe(world));
        VmVerdicts(Json(early))["erp-db"].Should().NotBe("moved", "erp still ran at west right after the flip back: {0}", early.Out);
    }
}
