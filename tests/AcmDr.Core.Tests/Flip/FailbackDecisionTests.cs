using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class FailbackDecisionTests
{
    private static string[] Fallback => ["Primary", "DR"];

    /// <summary>A switch holding <paramref name="data"/>, and mode planned as generate writes it unless given.</summary>
    private static Dictionary<string, string> Switch(params (string Key, string Value)[] data)
    {
        var map = data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        map.TryAdd("mode", "planned");
        return map;
    }

    private static FlipRequest To(string? site, string[]? apps = null, int[]? tiers = null, bool clear = false, bool all = false) =>
        new(site, apps ?? [], tiers ?? [], clear, null, all);

    private static List<SwitchedApp> Apps() =>
        [new SwitchedApp("web", 2, 1), new SwitchedApp("db", 1, 2), new SwitchedApp("api", 2, 3), new SwitchedApp("erp", 10, 4)];

    [TestMethod]
    public void A_global_failback_lists_after_the_moves_each_app_an_override_keeps_with_its_key_and_the_hint()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("tier-1", "DR"), ("app-api", "DR")), Fallback, To("Primary"));

        flip.Impact(Apps(), null).Should().Equal(
            "  site: DR -> Primary",
            "  moves 2 apps, 5 VMs:",
            "    tier 2: web (1 VM, DR -> Primary)",
            "    tier 10: erp (4 VMs, DR -> Primary)",
            "  running VMs stay where they run: the switch has no moveRunning (it was written before acmdr moved VMs by policy); fix: acmdr generate, then apply policies/base/acmdr-sites.yaml to the hub (or acmdr relocate moves them)",
            "  keeps 2 apps, 5 VMs off Primary by overrides:",
            "    stays at DR: tier 1 app db (2 VMs) by tier-1=DR",
            "    stays at DR: tier 2 app api (3 VMs) by app-api=DR",
            "  to move them too: acmdr flip --to Primary --all");
    }

    [TestMethod]
    public void The_hint_starts_with_the_command_the_adapter_gives()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("tier-1", "DR")), Fallback, To("Primary"));

        flip.Impact(Apps(), null, "acmdr flip --in-git")[^1].Should().Be("  to move them too: acmdr flip --in-git --to Primary --all");
    }

    [TestMethod]
    public void An_override_to_the_target_itself_or_an_app_override_back_to_it_keeps_nothing_behind()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("tier-1", "Primary"), ("tier-2", "DR"), ("app-web", "Primary"), ("app-api", "Primary")), Fallback, To("Primary"));

        flip.Impact(Apps(), null).Should().NotContain(l => l.Contains("stays at", StringComparison.Ordinal) || l.Contains("--all", StringComparison.Ordinal));
    }

    [TestMethod]
    public void When_the_site_is_unchanged_the_apps_overrides_keep_elsewhere_are_still_listed()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("tier-2", "DR")), Fallback, To("Primary"));

        flip.NothingToChange.Should().BeTrue();
        flip.Impact(Apps(), null).Should().Equal(
            "  site: Primary -> Primary (unchanged)",
            "  moves no app",
            "  keeps 2 apps, 4 VMs off Primary by overrides:",
            "    stays at DR: tier 2 app api (3 VMs) by tier-2=DR",
            "    stays at DR: tier 2 app web (1 VM) by tier-2=DR",
            "  to move them too: acmdr flip --to Primary --all");
    }

    [TestMethod]
    public void Without_an_app_list_the_override_keys_that_keep_apps_elsewhere_are_named_tiers_first()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("app-db", "DR"), ("tier-10", "DR"), ("tier-2", "DR"), ("tier-1", "Primary"), ("tier-3", string.Empty)), Fallback, To("Primary"));

        flip.Impact(null, "no inventory given").Should().Equal(
            "  site: DR -> Primary",
            "  which apps move: unknown (no inventory given)",
            "  overrides keep apps off Primary (which apps: unknown): tier-2=DR, tier-10=DR, app-db=DR",
            "  to move them too: acmdr flip --to Primary --all");
    }

    [TestMethod]
    public void A_scoped_flip_says_nothing_about_what_stays_behind()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("tier-1", "DR")), Fallback, To("Primary", tiers: [2]));

        flip.GlobalTarget.Should().BeNull();
        flip.Impact(Apps(), null).Should().NotContain(l => l.Contains("stays at", StringComparison.Ordinal));
    }

    [TestMethod]
    public void All_sets_the_site_and_removes_every_override_tiers_by_number_then_apps_and_nothing_stays()
    {
        var data = Switch(("site", "DR"), ("sites", "Primary,DR"), ("app-web", "DR"), ("tier-10", "DR"), ("tier-2", "Primary"), ("app-db", string.Empty));

        var flip = FlipDecision.Decide(data, Fallback, To("Primary", all: true));

        flip.Changed.Select(c => c.Key).Should().Equal("site", "tier-2", "tier-10", "app-db", "app-web");
        flip.After.Should().Equal(Switch(("site", "Primary"), ("sites", "Primary,DR")));
        flip.StateAfter().Overrides.Should().BeEmpty();
        flip.Summary.Should().Be("site DR -> Primary, tier-2 Primary -> (cleared), tier-10 DR -> (cleared), app-db  -> (cleared), app-web DR -> (cleared)");
        flip.Entries("id", DateTimeOffset.UnixEpoch, "alice", null).Select(e => e.Scope).Should().Equal("site", "tier-2", "tier-10", "app-db", "app-web");
        flip.Impact(Apps(), null).Should().NotContain(l => l.Contains("stays at", StringComparison.Ordinal));
    }

    [TestMethod]
    public void All_with_the_site_already_set_and_no_override_changes_nothing()
    {
        FlipDecision.Decide(Switch(("site", "Primary")), Fallback, To("Primary", all: true)).NothingToChange.Should().BeTrue();
    }

    [TestMethod]
    [DataRow(new[] { "db" }, new int[0], false, "Primary", "--all moves every app and takes no --app or --tier")]
    [DataRow(new string[0], new[] { 1 }, false, "Primary", "--all moves every app and takes no --app or --tier")]
    [DataRow(new string[0], new int[0], true, null, "--all takes --to SITE, not --clear: it sets the site and clears every override")]
    [DataRow(new string[0], new int[0], false, null, "--all needs --to SITE: it sets the site and clears every override")]
    public void All_is_refused_with_a_scope_with_clear_or_without_a_site(string[] apps, int[] tiers, bool clear, string? to, string message)
    {
        var request = To(to, apps, tiers, clear, all: true);

        request.AllProblem().Should().Be(message);
        var refusal = FluentActions.Invoking(() => FlipDecision.Decide(Switch(("site", "DR")), Fallback, request)).Should().Throw<AcmDrException>().Which;
        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be(message);
        To("Primary").AllProblem().Should().BeNull();
    }
}
