using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Rehearsal;

/// <summary>
/// <c>acmdr rehearse</c> end to end on the fake hub, with ACM's status following the switch
/// (<see cref="FollowingAcm"/>): flip with the audit record, wait, report; with --back, the switch restored exactly.
/// </summary>
[TestClass]
public sealed class RehearseTests
{
    private static async Task<(FakeHub Hub, FollowingAcm Acm)> StartAsync(params (string Key, string Value)[] switchData)
    {
        var hub = await FakeHub.StartAsync();
        foreach (var (key, value) in switchData)
        {
            hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map => map["data"]![key] = value);
        }

        return (hub, new FollowingAcm(hub.Server, hub.Dir.Path));
    }

    private static Dictionary<string, string> Data(FakeHub hub) =>
        hub.Switch["data"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    private static IReadOnlyList<FlipHistoryEntry> Trail(FakeHub hub) =>
        FlipHistory.Read(hub.Switch["metadata"]!["annotations"]![FlipHistory.Annotation]!.GetValue<string>()).Entries;

    private static int Patches(FakeHub hub) => hub.Server.Requests.Entries.Count(r => r.Method == "PATCH");

    [TestMethod]
    public async Task A_rehearsal_flips_with_its_reason_waits_until_everything_moved_and_reports_it()
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "quarterly test", "--timeout", "20s", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Data("site").Should().Be("DR");
        var entry = Trail(hub).Should().ContainSingle().Subject;
        entry.Reason.Should().MatchRegex("^rehearsal [0-9a-f]{8}: quarterly test$");
        (entry.User, entry.From, entry.To, entry.Scope).Should().Be(("alice", "Primary", "DR", "site"));
        var report = JsonNode.Parse(result.Out)!;
        report["rehearsal"]!.GetValue<string>().Should().EndWith(": quarterly test");
        var leg = report["legs"]!.AsArray().Should().ContainSingle().Subject!;
        leg["title"]!.GetValue<string>().Should().StartWith("leg 1: site Primary -> DR at ");
        leg["report"]!["verdict"]!.GetValue<string>().Should().Be("moved");
        leg["report"]!["moved"]!.GetValue<int>().Should().Be(3);
        leg["report"]!["total"]!.GetValue<int>().Should().Be(3);
    }

    [TestMethod]
    public async Task With_back_the_switch_is_restored_exactly_and_the_report_shows_both_legs()
    {
        var (hub, _) = await StartAsync(("tier-2", "Primary"));
        await using var __ = hub;
        var before = Data(hub);

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--tier", "1", "--reason", "tier 1 only", "--back", "--timeout", "20s", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        Data(hub).Should().Equal(before, "tier-1 was not set before the rehearsal and is removed again; tier-2 never changed");
        Trail(hub).Select(e => (e.Scope, e.From, e.To)).Should().Equal(("tier-1", "DR", "(cleared)"), ("tier-1", "(not set)", "DR"));
        Trail(hub)[0].Reason.Should().MatchRegex("^rehearsal [0-9a-f]{8} back: tier 1 only$");
        var legs = JsonNode.Parse(result.Out)!["legs"]!.AsArray();
        legs.Select(l => l!["title"]!.GetValue<string>()).Should().SatisfyRespectively(
            first => first.Should().StartWith("leg 1: tier-1 (not set) -> DR at "),
            second => second.Should().StartWith("leg 2: tier-1 DR -> (cleared) at "));
        legs.Select(l => l!["report"]!["targetSite"]!.GetValue<string>()).Should().Equal("DR", "Primary");
        legs.Select(l => l!["report"]!["total"]!.GetValue<int>()).Should().Equal(2, 2);
    }

    [TestMethod]
    public async Task The_html_report_of_a_rehearsal_with_back_shows_both_legs_in_one_page()
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "Q4", "--back", "--timeout", "20s", "-o", "html", "--output-file", "rehearsal.html");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("flipped: site Primary -> DR").And.Contain("flipped: site DR -> Primary");
        result.Err.Should().Contain("report written to rehearsal.html: leg 1: site Primary -> DR at ").And.Contain("3/3 moved");
        var page = File.ReadAllText(hub.Dir.File("rehearsal.html"));
        page.Should().Contain("id=\"summary-1\"").And.Contain("id=\"summary-2\"").And.Contain("Leg 1: ").And.Contain("Leg 2: ");
        page.Split("<!DOCTYPE html>").Should().HaveCount(2, "one page");
    }

    [TestMethod]
    public async Task A_scope_that_is_mid_move_is_refused_before_anything_is_written()
    {
        var (hub, acm) = await StartAsync();
        await using var __ = hub;
        // An earlier flip of tier 2 whose VM has not arrived yet.
        acm.Stalled.Add("web");
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map => map["data"]!["tier-2"] = "DR");
        acm.Settle();

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--tier", "1", "--tier", "2", "--reason", "x", "--timeout", "20s");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Contain("refused: the scope is mid-move: 1 of 3 VMs do not run where the switch sends them now: web/web-0").And.Contain("nothing was written");
        Patches(hub).Should().Be(0);
        hub.Data("site").Should().Be("Primary");
    }

    [TestMethod]
    public async Task A_scope_already_at_the_site_is_refused()
    {
        var (hub, _) = await StartAsync(("site", "DR"));
        await using var __ = hub;

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "x");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Contain("the switch already sends the scope to DR: nothing to rehearse");
        Patches(hub).Should().Be(0);
    }

    [TestMethod]
    public async Task A_switch_managed_by_GitOps_is_refused_as_flip_refuses_it()
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites",
            map => map["metadata"]!["annotations"] = new JsonObject { ["argocd.argoproj.io/tracking-id"] = "dr:/ConfigMap:acmdr/acmdr-sites" });

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "x");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Contain("GitOps");
        Patches(hub).Should().Be(0);
    }

    [TestMethod]
    public async Task A_leg_that_times_out_reports_what_did_not_move_and_never_flips_back_by_itself()
    {
        var (hub, acm) = await StartAsync();
        await using var __ = hub;
        acm.Stalled.Add("web");

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "x", "--back", "--timeout", "2s", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var legs = JsonNode.Parse(result.Out)!["legs"]!.AsArray();
        legs.Should().HaveCount(2, "the way back still runs after a leg that timed out");
        legs[0]!["report"]!["verdict"]!.GetValue<string>().Should().Be("notMoved");
        hub.Data("site").Should().Be("Primary");
    }

    [TestMethod]
    public async Task Ctrl_C_leaves_the_switch_flipped_and_the_report_and_last_line_say_how_to_restore_it()
    {
        var (hub, acm) = await StartAsync();
        await using var __ = hub;
        acm.Stalled.Add("web");
        using var cancel = new CancellationTokenSource();
        hub.Server.Faults.Add(AcmDr.FakeKube.FaultRule.Before("GET", "/apis/policy.open-cluster-management.io/v1/policies",
            _ => { if (hub.Switch["metadata"]?["annotations"]?[FlipHistory.Annotation] is not null) { cancel.CancelAfter(TimeSpan.FromMilliseconds(300)); } }, times: null));

        var result = await hub.AcmdrAsync(cancel.Token, "rehearse", "--to", "DR", "--reason", "x", "--back", "--timeout", "30s", "-o", "json");

        result.ExitCode.Should().Be(130, result.ToString());
        hub.Data("site").Should().Be("DR", "an interruption never flips anything by itself");
        result.Err.Should().Contain("the switch stays as this rehearsal's flip left it (site Primary -> DR at ").And.Contain("to restore it: acmdr flip --to Primary");
        var leg = JsonNode.Parse(result.Out)!["legs"]!.AsArray().Should().ContainSingle().Subject!;
        leg["report"]!["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Contain(w => w.StartsWith("interrupted", StringComparison.Ordinal))
            .And.Contain(w => w.Contains("to restore it: acmdr flip --to Primary", StringComparison.Ordinal));
        Trail(hub).Should().ContainSingle("the audit trail shows the rehearsal's flip and no way back");
    }

    [TestMethod]
    public async Task Without_an_inventory_a_rehearsal_is_refused()
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;
        File.Delete(hub.Dir.File("inventory/apps.csv"));

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "x");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Contain("rehearse needs the inventory");
        Patches(hub).Should().Be(0);
    }

    [TestMethod]
    public async Task With_back_the_mode_the_rehearsal_flip_wrote_is_restored_too()
    {
        var (hub, _) = await StartAsync();
        await using var __ = hub;
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map => map["data"]!.AsObject().Remove("mode"));
        var before = Data(hub);

        var result = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "drill", "--back", "--timeout", "20s", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        Data(hub).Should().Equal(before, "the mode was not set before the rehearsal and is removed again");
        Trail(hub).Select(e => (e.Scope, e.From, e.To)).Should().Equal(
            ("site", "DR", "Primary"), ("mode", "planned", "(cleared)"), ("site", "Primary", "DR"), ("mode", "(not set)", "planned"));
        Patches(hub).Should().Be(2, "each leg is one write, its mode included");
    }

    [TestMethod]
    public async Task A_rehearsal_takes_no_unplanned_and_refuses_a_way_back_to_an_unplanned_switch()
    {
        var (hub, _) = await StartAsync(("mode", "unplanned"));
        await using var __ = hub;
        var before = hub.Switch.ToJsonString();

        var unplanned = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "drill", "--unplanned");
        var back = await hub.AcmdrAsync("rehearse", "--to", "DR", "--reason", "drill", "--back", "--timeout", "20s");

        unplanned.ExitCode.Should().Be(2);
        unplanned.Err.Should().StartWith("acmdr: rehearse takes no --unplanned: a rehearsal moves dual-cluster apps planned (Ramen Relocate, final sync)");
        back.ExitCode.Should().Be(4, back.ToString());
        back.Err.Should().Be("acmdr: refused: the switch says mode unplanned (a flip asked Ramen to fail over), and --back restores it: "
            + "the way back would fail the dual apps over again; make it planned first (acmdr flip --to Primary); nothing was written\n");
        hub.Switch.ToJsonString().Should().Be(before);
    }
}
