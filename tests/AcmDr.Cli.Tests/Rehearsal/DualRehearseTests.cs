using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Managed;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Rehearsal;

/// <summary>
/// <c>acmdr rehearse</c> of a mixed inventory (<see cref="DualInventory"/>: db and web stretched, erp and crm dual between
/// east and west) on the fake hub: ACM follows the switch for the stretched apps (<see cref="FollowingAcm"/>), Ramen for
/// the dual ones (<see cref="FollowingRamen"/>); each leg reports the dual apps by their DRPCs.
/// </summary>
[TestClass]
public sealed class DualRehearseTests
{
    private static async Task<(FakeHub Hub, FollowingRamen Ramen)> StartAsync()
    {
        var hub = await FakeHub.StartAsync(DualInventory.Csv, DualInventory.SettingsYaml);
        _ = new FollowingAcm(hub.Server, hub.Dir.Path);
        return (hub, new FollowingRamen(hub.Server, ("erp", 1, "east", "west"), ("crm", 2, "east", "west")));
    }

    private static IEnumerable<(string App, string Verdict, string? RunsAt)> DualApps(JsonNode leg) =>
        leg["report"]!["dualApps"]!.AsArray().Select(a => (a!["app"]!.GetValue<string>(), a["verdict"]!.GetValue<string>(), a["runsAt"]?.GetValue<string>()));

    [TestMethod]
    public async Task A_rehearsal_with_back_waits_for_the_dual_apps_drpcs_both_ways_and_reports_them_in_each_leg()
    {
        var (hub, ramen) = await StartAsync();
        await using var __ = hub;

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "drill", "--back", "--timeout", "20s", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var legs = JsonNode.Parse(result.Out)!["legs"]!.AsArray();
        legs.Select(l => (l!["report"]!["verdict"]!.GetValue<string>(), l["report"]!["moved"]!.GetValue<int>(), l["report"]!["total"]!.GetValue<int>()))
            .Should().Equal(("moved", 6, 6), ("moved", 6, 6));
        DualApps(legs[0]!).Should().Equal(("erp", "moved", "west"), ("crm", "moved", "west"));
        DualApps(legs[1]!).Should().Equal(("erp", "moved", "east"), ("crm", "moved", "east"));
        var erp = ramen.Drpc("erp");
        (erp["spec"]!["preferredCluster"]!.GetValue<string>(), erp["status"]!["preferredDecision"]!["clusterName"]!.GetValue<string>())
            .Should().Be(("east", "east"), "Ramen never updates preferredDecision, and the report did not need it to");
        erp["metadata"]!["generation"]!.GetValue<long>().Should().Be(3, "one spec change per leg");
    }

    [TestMethod]
    public async Task A_dual_app_whose_drpc_has_not_finished_where_the_switch_sends_it_makes_the_scope_mid_move()
    {
        var (hub, ramen) = await StartAsync();
        await using var __ = hub;
        ramen.Stalled.Add("crm");
        ramen.SetStatus("crm", "Relocating", "RunningFinalSync", available: false);

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "drill", "--timeout", "20s");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Contain("refused: the scope is mid-move: 1 of 6 VMs do not run where the switch sends them now: crm/crm-0 (DRPC openshift-gitops/dr-crm")
            .And.Contain("nothing was written");
        hub.Data("site").Should().Be("Primary");
    }
}
