using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class FlipImpactTests
{
    /// <summary>A switch holding <paramref name="data"/>, and mode planned as generate writes it unless given.</summary>
    private static Dictionary<string, string> Switch(params (string Key, string Value)[] data)
    {
        var map = data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        map.TryAdd("mode", "planned");
        return map;
    }

    [TestMethod]
    public void Each_key_shows_before_and_after_with_unset_cleared_and_unchanged_spelt_out()
    {
        var lines = FlipImpact.Lines(
            [new ScopeChange("tier-1", null, "DR"), new ScopeChange("app-db", "DR", null), new ScopeChange("tier-2", "DR", "DR")],
            Switch(), Switch(), [], null);

        lines.Should().Equal(
            "  tier-1: (not set) -> DR",
            "  app-db: DR -> (not set: follows the wider value)",
            "  tier-2: DR -> DR (unchanged)",
            "  moves no app");
    }

    [TestMethod]
    public void Unknown_apps_are_said_so_with_the_reason()
    {
        FlipImpact.Lines([new ScopeChange("site", "Primary", "DR")], Switch(), Switch(), null, "no inventory given")
            .Should().Equal("  site: Primary -> DR", "  which apps move: unknown (no inventory given)");
    }

    [TestMethod]
    public void Moved_apps_are_grouped_by_tier_with_singular_and_plural_counts()
    {
        var lines = FlipImpact.Lines([], Switch(("site", "Primary")), Switch(("site", "DR"), ("moveRunning", "migrate")),
            [new SwitchedApp("db", 1, 1), new SwitchedApp("web", 2, 2), new SwitchedApp("api", 2, 3)], null);

        lines.Should().Equal(
            "  moves 3 apps, 6 VMs:",
            "    tier 1: db (1 VM, Primary -> DR)",
            "    tier 2: api (3 VMs, Primary -> DR), web (2 VMs, Primary -> DR)",
            "  the policies live-migrate running VMs tier by tier (moveRunning: migrate); a VM that cannot live-migrate waits for acmdr relocate");
    }

    [TestMethod]
    public void One_moved_app_is_one_app()
    {
        FlipImpact.Lines([], Switch(("site", "Primary")), Switch(("site", "DR")), [new SwitchedApp("db", 1, 2)], null)[0]
            .Should().Be("  moves 1 app, 2 VMs:");
    }

    [TestMethod]
    public void Values_from_the_hub_are_cleaned_of_terminal_escapes()
    {
        var lines = FlipImpact.Lines([new ScopeChange("site", "Pri\u001b[31mmary", "D\nR")],
            Switch(("site", "Pri\u001b[31mmary")), Switch(("site", "D\nR"), ("moveRunning", "mi\u001b[31mgrate")), [new SwitchedApp("db", 1, 1)], null);

        lines.Should().Equal("  site: Primary -> D R", "  moves 1 app, 1 VM:", "    tier 1: db (1 VM, Primary -> D R)",
            "  running VMs stay where they run: moveRunning 'migrate' is not migrate or none; fix: acmdr generate, then apply policies/base/acmdr-sites.yaml to the hub (or acmdr relocate moves them)");
    }
}
