using AcmDr.Cli.Tests.Relocation;
using FluentAssertions;
using static AcmDr.Cli.Tests.Dual.MixedEstate;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>A switch the hub templates cannot read moves no DRPC, end to end on the mixed estate.</summary>
[TestClass]
public sealed class DualFailClosedTests
{
    [TestMethod]
    [DataRow("DR", "sideways", DisplayName = "unknown mode")]
    [DataRow("DR", null, DisplayName = "missing mode")]
    [DataRow("Elsewhere", "planned", DisplayName = "unknown site")]
    public async Task A_switch_the_hub_cannot_resolve_changes_no_drpc_and_fails_the_drpc_templates(string site, string? mode)
    {
        await using var world = await SettledAsync();
        var specs = DualApps.ToDictionary(a => a, a => world.Drpc(a)!["spec"]!.ToJsonString());
        var events = world.Ramen.Events.Count;

        // Written past acmdr (which refuses such a switch), as a hand edit of the ConfigMap would.
        world.Hub.Store.Update("", "v1", "configmaps", "acmdr", "acmdr-sites", map =>
        {
            var data = map["data"]!.AsObject();
            data["site"] = site;
            if (mode is null)
            {
                data.Remove("mode");
            }
            else
            {
                data["mode"] = mode;
            }
        });
        for (var i = 0; i < 10; i++)
        {
            world.Tick();
        }

        foreach (var app in DualApps)
        {
            world.Drpc(app)!["spec"]!.ToJsonString().Should().Be(specs[app], "{0}: nothing is delivered from a template the hub cannot resolve", app);
            world.HubPolicies.Templates[$"dr-{app}-drpc"].Should().Be(PolicyController.NonCompliant);
        }

        world.Ramen.Events.Should().HaveCount(events);
        AllFinished(world, a => Clusters[a].Home, "Deployed").Should().BeTrue(Describe(world));
    }
}
