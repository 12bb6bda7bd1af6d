using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class FlipDecisionTests
{
    private static readonly string[] Fallback = ["Primary", "DR"];

    private static readonly DateTimeOffset At = new(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

    /// <summary>A switch holding <paramref name="data"/>, and mode planned as generate writes it unless given.</summary>
    private static Dictionary<string, string> Switch(params (string Key, string Value)[] data)
    {
        var map = data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        map.TryAdd("mode", "planned");
        return map;
    }

    private static FlipRequest To(string? site, string[]? apps = null, int[]? tiers = null, bool clear = false, string? reason = null) =>
        new(site, apps ?? [], tiers ?? [], clear, reason);

    private static AcmDrException Refusal(Action act) => act.Should().Throw<AcmDrException>().Which;

    [TestMethod]
    public void The_switch_sites_key_decides_which_sites_are_allowed_over_the_fallback()
    {
        FlipDecision.AllowedSites(Switch(("sites", "East, West,,")), Fallback).Should().Equal("East", "West");
        FlipDecision.Decide(Switch(("site", "East"), ("sites", "East,West")), Fallback, To("West")).Sites.Should().Equal("East", "West");
    }

    [TestMethod]
    public void Without_a_sites_key_or_with_an_empty_one_the_fallback_sites_are_allowed()
    {
        FlipDecision.AllowedSites(Switch(("site", "Primary")), Fallback).Should().BeSameAs(Fallback);
        FlipDecision.AllowedSites(Switch(("sites", string.Empty)), Fallback).Should().BeSameAs(Fallback);
    }

    [TestMethod]
    public void A_site_the_switch_does_not_allow_is_refused_with_exit_4_naming_the_allowed_ones()
    {
        var refusal = Refusal(() => FlipDecision.Decide(Switch(("site", "East"), ("sites", "East,West")), Fallback, To("DR")));

        refusal.ExitCode.Should().Be(ExitCodes.Refused);
        refusal.Message.Should().Be("refused: site 'DR' is not one of the sites the switch allows: East, West");
    }

    [TestMethod]
    public void Sites_are_matched_exactly_case_included()
    {
        Refusal(() => FlipDecision.Decide(Switch(("site", "Primary")), Fallback, To("dr"))).ExitCode.Should().Be(ExitCodes.Refused);
        FlipDecision.CheckTarget("DR", Fallback, SiteSource.Switch).Should().Be("DR");
    }

    [TestMethod]
    public void A_target_outside_the_settings_sites_is_refused_naming_the_sites_without_the_switch()
    {
        var refusal = Refusal(() => FlipDecision.CheckTarget("Mars", Fallback, SiteSource.Settings));

        refusal.ExitCode.Should().Be(ExitCodes.Refused);
        refusal.Message.Should().Be("refused: site 'Mars' is not one of the sites: Primary, DR");
    }

    [TestMethod]
    public void Sites_from_the_hub_are_cleaned_of_terminal_escapes_in_the_refusal()
    {
        var refusal = Refusal(() => FlipDecision.Decide(Switch(("sites", "A\u001b[31m,B")), Fallback, To("C")));

        refusal.Message.Should().Be("refused: site 'C' is not one of the sites the switch allows: A, B");
    }

    [TestMethod]
    public void A_clear_is_not_checked_against_the_sites()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("tier-2", "DR")), Fallback, To(null, tiers: [2], clear: true));

        flip.After.Should().NotContainKey("tier-2");
        flip.Summary.Should().Be("tier-2 DR -> (cleared)");
    }

    [TestMethod]
    public void A_global_flip_changes_the_site_and_keeps_everything_else()
    {
        var before = Switch(("site", "Primary"), ("sites", "Primary,DR"), ("tier-1", "Primary"));

        var flip = FlipDecision.Decide(before, Fallback, To("DR"));

        flip.NothingToChange.Should().BeFalse();
        flip.Changes.Should().Equal(new ScopeChange("site", "Primary", "DR"), new ScopeChange("mode", "planned", "planned"));
        flip.After.Should().Equal(Switch(("site", "DR"), ("sites", "Primary,DR"), ("tier-1", "Primary")));
        flip.Before.Should().Equal(before);
        before["site"].Should().Be("Primary", "the switch as read is not changed");
    }

    [TestMethod]
    public void Asking_for_what_the_switch_already_says_is_nothing_to_change()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR")), Fallback, To("DR"));

        flip.NothingToChange.Should().BeTrue();
        flip.Changed.Should().BeEmpty();
        flip.Entries("id", At, "alice", null).Should().BeEmpty();
        FlipDecision.NothingToChangeLine.Should().Be("nothing to change: the switch already says so");
    }

    [TestMethod]
    public void A_scoped_flip_where_only_some_keys_change_records_only_those()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("tier-1", "DR")), Fallback, To("DR", apps: ["db"], tiers: [1]));

        flip.NothingToChange.Should().BeFalse();
        flip.Changed.Should().Equal(new ScopeChange("app-db", null, "DR"));
        flip.Summary.Should().Be("app-db (not set) -> DR");
    }

    [TestMethod]
    public void Each_changed_key_gives_an_audit_entry_with_the_flip_id_user_time_and_reason()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("tier-2", "Primary")), Fallback, To("DR", tiers: [1, 2]));

        flip.Entries("f1", At, "alice", "drill").Should().Equal(
            new FlipHistoryEntry("f1", At, "alice", "(not set)", "DR", "tier-1", "drill"),
            new FlipHistoryEntry("f1", At, "alice", "Primary", "DR", "tier-2", "drill"));
        flip.Summary.Should().Be("tier-1 (not set) -> DR, tier-2 Primary -> DR");
    }

    [TestMethod]
    public void The_state_after_holds_the_site_and_only_the_override_keys()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("sites", "Primary,DR"), ("home", "Primary"), ("app-web", "DR")), Fallback, To("DR", tiers: [3]));

        var state = flip.StateAfter();

        state.Site.Should().Be("Primary");
        state.Overrides.Should().Equal(new Dictionary<string, string> { ["app-web"] = "DR", ["tier-3"] = "DR" });
    }

    [TestMethod]
    public void The_impact_shows_each_key_and_the_apps_that_move()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary")), Fallback, To("DR"));

        flip.Impact([new SwitchedApp("db", 1, 2)], null).Should().Equal(
            "  site: Primary -> DR",
            "  moves 1 app, 2 VMs:",
            "    tier 1: db (2 VMs, Primary -> DR)",
            "  running VMs stay where they run: the switch has no moveRunning (it was written before acmdr moved VMs by policy); fix: acmdr generate, then apply policies/base/acmdr-sites.yaml to the hub (or acmdr relocate moves them)");
    }

    [TestMethod]
    [DataRow("migrate", "  the policies live-migrate running VMs tier by tier (moveRunning: migrate); a VM that cannot live-migrate waits for acmdr relocate")]
    [DataRow("none", "  running VMs stay where they run until acmdr relocate moves them (moveRunning: none)")]
    [DataRow("Migrate", "  running VMs stay where they run: moveRunning 'Migrate' is not migrate or none; fix: acmdr generate, then apply policies/base/acmdr-sites.yaml to the hub (or acmdr relocate moves them)")]
    public void The_impact_says_what_happens_to_running_VMs_as_the_switch_decides(string moveRunning, string line)
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("moveRunning", moveRunning)), Fallback, To("DR"));

        flip.Impact([new SwitchedApp("db", 1, 2)], null).Should().EndWith(line);
        flip.Impact([], null).Should().NotContain(l => l.Contains("running VMs"), "no app moves, so no VM does");
    }
}
