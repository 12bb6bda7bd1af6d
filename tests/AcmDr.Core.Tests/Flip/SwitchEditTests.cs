using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class SwitchEditTests
{
    private static Dictionary<string, string> Switch(params (string Key, string Value)[] data) =>
        data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);

    [TestMethod]
    public void A_flip_without_scope_changes_the_global_site()
    {
        SwitchEdit.Changes(Switch(("site", "Primary")), new FlipRequest("DR", [], [], false, null))
            .Should().Equal(new ScopeChange("site", "Primary", "DR"));
    }

    [TestMethod]
    public void Clear_without_an_app_or_tier_is_invalid_input()
    {
        var act = () => SwitchEdit.Changes(Switch(("site", "Primary")), new FlipRequest(null, [], [], true, null));

        var error = act.Should().Throw<AcmDrException>().Which;
        error.ExitCode.Should().Be(ExitCodes.InvalidInput);
        error.Message.Should().Be("--clear needs --app or --tier: it removes those overrides");
    }

    [TestMethod]
    public void Scoped_changes_are_tiers_in_order_then_apps_in_order_each_once()
    {
        var changes = SwitchEdit.Changes(Switch(("tier-2", "DR")), new FlipRequest("DR", ["web", "db", "web"], [3, 2, 3], false, null));

        changes.Should().Equal(
            new ScopeChange("tier-2", "DR", "DR"),
            new ScopeChange("tier-3", null, "DR"),
            new ScopeChange("app-db", null, "DR"),
            new ScopeChange("app-web", null, "DR"));
        changes.Select(c => c.Changes).Should().Equal(false, true, true, true);
    }

    [TestMethod]
    public void Clear_sets_each_scoped_key_to_absent()
    {
        SwitchEdit.Changes(Switch(("app-db", "DR")), new FlipRequest(null, ["db"], [], true, null))
            .Should().Equal(new ScopeChange("app-db", "DR", null));
    }

    [TestMethod]
    public void Clear_removes_the_overrides_even_when_a_site_is_named()
    {
        SwitchEdit.Changes(Switch(("tier-1", "DR")), new FlipRequest("Primary", [], [1], true, null))
            .Should().Equal(new ScopeChange("tier-1", "DR", null));
    }

    [TestMethod]
    public void An_empty_value_counts_as_absent()
    {
        SwitchEdit.Changes(Switch(("site", string.Empty)), new FlipRequest("DR", [], [], false, null))
            .Should().Equal(new ScopeChange("site", null, "DR"));
        SwitchEdit.EffectiveSite(Switch(("site", "Primary"), ("tier-1", string.Empty), ("app-db", string.Empty)), "db", 1).Should().Be("Primary");
        SwitchEdit.EffectiveSite(Switch(("site", string.Empty)), "db", 1).Should().BeNull();
    }

    [TestMethod]
    public void Apply_sets_changed_keys_and_removes_cleared_ones_without_touching_the_input()
    {
        var data = Switch(("site", "Primary"), ("tier-1", "DR"));

        var after = SwitchEdit.Apply(data, [new ScopeChange("tier-1", "DR", null), new ScopeChange("app-db", null, "DR")]);

        after.Should().Equal(Switch(("site", "Primary"), ("app-db", "DR")));
        data.Should().Equal(Switch(("site", "Primary"), ("tier-1", "DR")));
    }

    [TestMethod]
    public void An_app_override_wins_over_its_tier_override_which_wins_over_the_site()
    {
        var data = Switch(("site", "A"), ("tier-1", "B"), ("app-db", "C"));

        SwitchEdit.EffectiveSite(data, "db", 1).Should().Be("C");
        SwitchEdit.EffectiveSite(data, "web", 1).Should().Be("B");
        SwitchEdit.EffectiveSite(data, "web", 2).Should().Be("A");
    }

    [TestMethod]
    public void Moves_lists_the_apps_whose_site_changes_by_tier_then_name()
    {
        var apps = new[] { new SwitchedApp("web", 2, 2), new SwitchedApp("db", 1, 1), new SwitchedApp("api", 2, 3), new SwitchedApp("cache", 3, 1) };
        var before = Switch(("site", "Primary"), ("tier-3", "Primary"));
        var after = Switch(("site", "DR"), ("tier-3", "Primary"));

        SwitchEdit.Moves(before, after, apps).Should().Equal(
            new AppMove("db", 1, 1, "Primary", "DR"),
            new AppMove("api", 2, 3, "Primary", "DR"),
            new AppMove("web", 2, 2, "Primary", "DR"));
    }

    [TestMethod]
    public void An_app_with_no_site_before_or_after_moves_from_or_to_none()
    {
        SwitchEdit.Moves(Switch(), Switch(("site", "DR")), [new SwitchedApp("db", 1, 1)])
            .Should().Equal(new AppMove("db", 1, 1, "(none)", "DR"));
        SwitchEdit.Moves(Switch(("site", "DR")), Switch(), [new SwitchedApp("db", 1, 1)])
            .Should().Equal(new AppMove("db", 1, 1, "DR", "(none)"));
    }
}
