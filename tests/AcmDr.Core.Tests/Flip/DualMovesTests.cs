using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

/// <summary>What a flip writes as the switch's mode and says Ramen is asked for each dual-cluster app.</summary>
[TestClass]
public sealed class DualMovesTests
{
    private static readonly string[] Sites = ["Primary", "DR"];

    private static readonly SwitchedApp Db = new("db", 1, 2);

    private static readonly SwitchedApp Erp = new("erp", 2, 3, new DualPair("east", "west"));

    private static readonly SwitchedApp Crm = new("crm", 3, 1, new DualPair("east", "west"));

    private static Dictionary<string, string> Switch(params (string Key, string Value)[] data)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["sites"] = "Primary,DR", ["home"] = "Primary", ["moveRunning"] = "migrate" };
        foreach (var (key, value) in data)
        {
            map[key] = value;
        }

        return map;
    }

    private static FlipRequest To(string? site, bool unplanned = false, string[]? apps = null, int[]? tiers = null, bool all = false) =>
        new(site, apps ?? [], tiers ?? [], site is null, null, all, unplanned);

    [TestMethod]
    public void A_planned_flip_writes_mode_planned_with_the_site_and_asks_Ramen_to_relocate_each_dual_app_to_its_peer()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary")), Sites, To("DR"));

        flip.Changed.Select(c => (c.Key, c.Before, c.After)).Should().Equal(("site", "Primary", "DR"), ("mode", null, "planned"));
        flip.Impact([Db, Erp], null).Should().Equal(
            "  site: Primary -> DR",
            "  mode: (not set) -> planned",
            "  moves 2 apps, 5 VMs:",
            "    tier 1: db (2 VMs, Primary -> DR)",
            "    tier 2: erp (3 VMs, Primary -> DR)",
            "  the policies live-migrate running VMs tier by tier (moveRunning: migrate); a VM that cannot live-migrate waits for acmdr relocate",
            "  dual-cluster apps (acmdr never starts or stops a VM of a dual app: Ramen, the storage and the app's deployer do):",
            "    tier 2 erp: Ramen is asked to Relocate to west (planned, final sync)");
    }

    [TestMethod]
    public void An_unplanned_flip_asks_Ramen_to_fail_over_and_says_what_may_be_lost()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("mode", "planned")), Sites, To("DR", unplanned: true));

        flip.Summary.Should().Be("site Primary -> DR, mode planned -> unplanned");
        flip.StateAfter().Mode.Should().Be("unplanned");
        flip.Impact([Erp], null).Should().Equal(
            "  site: Primary -> DR",
            "  mode: planned -> unplanned",
            "  moves 1 app, 3 VMs:",
            "    tier 2: erp (3 VMs, Primary -> DR)",
            "  dual-cluster apps (acmdr never starts or stops a VM of a dual app: Ramen, the storage and the app's deployer do):",
            "    tier 2 erp: Ramen is asked to Failover to west (unplanned: data written since the last sync may be lost)");
    }

    [TestMethod]
    public void Failback_is_a_planned_flip_home_that_relocates_to_the_home_cluster_and_replaces_the_unplanned_mode()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("mode", "unplanned")), Sites, To("Primary"));

        flip.Changed.Select(c => (c.Key, c.Before, c.After)).Should().Equal(("site", "DR", "Primary"), ("mode", "unplanned", "planned"));
        flip.Impact([Erp], null).Should().EndWith("    tier 2 erp: Ramen is asked to Relocate to east (planned, final sync)");
    }

    [TestMethod]
    public void A_mode_change_alone_is_written_and_said_for_the_dual_apps_in_scope_without_sending_any_app_elsewhere()
    {
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("mode", "planned")), Sites, To("DR", unplanned: true));
        var scoped = FlipDecision.Decide(Switch(("site", "DR"), ("mode", "planned"), ("tier-2", "DR")), Sites, To("DR", unplanned: true, tiers: [2]));

        flip.NothingToChange.Should().BeFalse();
        flip.SendsNothing.Should().BeTrue();
        flip.Changed.Select(c => c.Key).Should().Equal("mode");
        flip.Impact([Db, Erp], null).Should().Equal(
            "  site: DR -> DR (unchanged)",
            "  mode: planned -> unplanned",
            "  moves no app",
            "  dual-cluster apps (acmdr never starts or stops a VM of a dual app: Ramen, the storage and the app's deployer do):",
            "    tier 2 erp: stays sent to west; if its DRPC has not finished there, Ramen is asked to Failover to west (unplanned: data written since the last sync may be lost)");
        scoped.Impact([Db, Erp, Crm], null).Should().Equal(
            "  tier-2: DR -> DR (unchanged)",
            "  mode: planned -> unplanned",
            "  moves no app",
            "  dual-cluster apps (acmdr never starts or stops a VM of a dual app: Ramen, the storage and the app's deployer do):",
            "    tier 2 erp: stays sent to west; if its DRPC has not finished there, Ramen is asked to Failover to west (unplanned: data written since the last sync may be lost)");
    }

    [TestMethod]
    public void A_flip_that_asks_for_what_the_switch_holds_mode_included_changes_nothing()
    {
        FlipDecision.Decide(Switch(("site", "DR"), ("mode", "planned")), Sites, To("DR")).NothingToChange.Should().BeTrue();
        FlipDecision.Decide(Switch(("site", "DR"), ("mode", "unplanned")), Sites, To("DR", unplanned: true)).NothingToChange.Should().BeTrue();
        FlipDecision.Decide(Switch(("site", "DR")), Sites, To("DR")).Changed.Select(c => c.Key).Should().Equal(["mode"], "a switch without a mode gets one");
    }

    [TestMethod]
    public void Only_stretched_moves_say_what_moveRunning_does()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("mode", "planned")), Sites, To("DR"));

        flip.Impact([Erp], null).Should().NotContain(l => l.Contains("moveRunning", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Without_the_apps_an_unplanned_flip_says_what_Ramen_is_asked_and_a_planned_one_says_nothing_of_Ramen()
    {
        var unplanned = FlipDecision.Decide(Switch(("site", "Primary"), ("mode", "planned")), Sites, To("DR", unplanned: true));
        var planned = FlipDecision.Decide(Switch(("site", "Primary")), Sites, To("DR"));

        unplanned.Impact(null, "no inventory given").Should().Contain(
            "  dual-cluster apps (which: unknown): each one this flip sends elsewhere is asked to Failover to the other cluster (unplanned: data written since the last sync may be lost)");
        planned.Impact(null, "no inventory given").Should().NotContain(l => l.Contains("Ramen", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Apps_listed_from_the_hub_are_known_dual_without_their_clusters()
    {
        var listed = new SwitchedApp("erp", 2, 3, new DualPair(null, null));
        var flip = FlipDecision.Decide(Switch(("site", "DR"), ("mode", "planned")), Sites, To("Primary"));

        flip.Impact([listed], null).Should().EndWith("    tier 2 erp: Ramen is asked to Relocate to its home cluster (planned, final sync)");
    }

    [TestMethod]
    public void Unplanned_is_refused_when_no_dual_app_is_in_scope_and_allowed_when_one_is_or_the_apps_are_unknown()
    {
        DualMoves.UnplannedProblem(To("DR", unplanned: true), [Db]).Should().Be(
            "--unplanned makes Ramen fail over dual-cluster apps, and no dual app (one with a peer) is in the inventory; flip without it");
        DualMoves.UnplannedProblem(To("DR", unplanned: true, tiers: [1]), [Db, Erp]).Should().Be(
            "--unplanned makes Ramen fail over dual-cluster apps, and no dual app (one with a peer) is in the --app/--tier scope; flip without it");
        DualMoves.UnplannedProblem(To("DR", unplanned: true, apps: ["erp"]), [Db, Erp]).Should().BeNull();
        DualMoves.UnplannedProblem(To("DR", unplanned: true), [Db, Erp]).Should().BeNull();
        DualMoves.UnplannedProblem(To("DR", unplanned: true), null).Should().BeNull("a failover must not wait for an inventory");
        DualMoves.UnplannedProblem(To("DR"), [Db]).Should().BeNull();
    }

    [TestMethod]
    public void The_hints_of_an_unplanned_flip_repeat_unplanned()
    {
        var flip = FlipDecision.Decide(Switch(("site", "Primary"), ("tier-3", "Primary")), Sites, To("DR", unplanned: true));

        flip.Impact([Erp, Crm], null).Should().EndWith("  to move them too: acmdr flip --unplanned --to DR --all");
        HubDownHint.For(To("DR", unplanned: true), null).Should().EndWith("or flip in Git: acmdr flip --in-git --to DR --unplanned");
    }
}
