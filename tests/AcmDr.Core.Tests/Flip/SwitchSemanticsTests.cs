using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

/// <summary>The switch as the hub template reads it, and what a flip changes on it.</summary>
[TestClass]
public sealed class SwitchSemanticsTests
{
    private static readonly Dictionary<string, string> Switch = new()
    {
        ["site"] = "Primary",
        ["tier-2"] = "DR",
        ["app-web"] = "Primary",
        ["app-cache"] = "",
        ["sites"] = "Primary,DR",
    };

    private static FlipRequest To(string? site, string[]? apps = null, int[]? tiers = null, bool clear = false, string? reason = null) =>
        new(site, apps ?? [], tiers ?? [], clear, reason);

    [TestMethod]
    public void An_app_override_wins_over_its_tier_which_wins_over_the_global_site()
    {
        SwitchEdit.EffectiveSite(Switch, "web", 2).Should().Be("Primary");
        SwitchEdit.EffectiveSite(Switch, "db", 2).Should().Be("DR");
        SwitchEdit.EffectiveSite(Switch, "db", 1).Should().Be("Primary");
    }

    [TestMethod]
    public void An_empty_override_counts_as_absent_as_ACM_default_treats_it() =>
        SwitchEdit.EffectiveSite(Switch, "cache", 2).Should().Be("DR");

    [TestMethod]
    public void Without_any_site_an_app_has_none() =>
        SwitchEdit.EffectiveSite(new Dictionary<string, string> { ["site"] = "" }, "web", 1).Should().BeNull();

    [TestMethod]
    public void A_flip_without_scope_changes_only_the_global_site() =>
        SwitchEdit.Changes(Switch, To("DR")).Should().Equal(new ScopeChange("site", "Primary", "DR"));

    [TestMethod]
    public void A_scoped_flip_sets_one_override_per_tier_then_per_app_each_once_in_order() =>
        SwitchEdit.Changes(Switch, To("DR", ["web", "api", "web"], [3, 2, 3])).Should().Equal(
            new ScopeChange("tier-2", "DR", "DR"),
            new ScopeChange("tier-3", null, "DR"),
            new ScopeChange("app-api", null, "DR"),
            new ScopeChange("app-web", "Primary", "DR"));

    [TestMethod]
    public void Clearing_removes_the_overrides_of_the_scope_so_they_follow_the_global_site()
    {
        var changes = SwitchEdit.Changes(Switch, To(null, ["web"], [2], clear: true));

        changes.Should().Equal(new ScopeChange("tier-2", "DR", null), new ScopeChange("app-web", "Primary", null));
        SwitchEdit.Apply(Switch, changes).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["site"] = "Primary",
            ["app-cache"] = "",
            ["sites"] = "Primary,DR",
        });
    }

    [TestMethod]
    public void Clearing_removes_the_overrides_even_when_a_site_is_given() =>
        SwitchEdit.Changes(Switch, To("DR", ["web"], clear: true)).Should().Equal(new ScopeChange("app-web", "Primary", null));

    [TestMethod]
    public void An_app_left_without_a_site_moves_to_none() =>
        SwitchEdit.Moves(Switch, new Dictionary<string, string>(), [new SwitchedApp("db", 1, 1)]).Should().Equal(
            new AppMove("db", 1, 1, "Primary", "(none)"));

    [TestMethod]
    public void Clearing_without_a_scope_is_refused_since_there_is_nothing_to_clear()
    {
        var refusal = FluentActions.Invoking(() => SwitchEdit.Changes(Switch, To(null, clear: true))).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("--clear needs --app or --tier: it removes those overrides");
    }

    [TestMethod]
    public void Applying_changes_sets_and_adds_keys_and_leaves_the_rest_and_the_original_alone()
    {
        var after = SwitchEdit.Apply(Switch, [new ScopeChange("site", "Primary", "DR"), new ScopeChange("tier-4", null, "DR")]);

        after["site"].Should().Be("DR");
        after["tier-4"].Should().Be("DR");
        after["app-web"].Should().Be("Primary");
        after.Should().HaveCount(6);
        Switch["site"].Should().Be("Primary");
    }

    [TestMethod]
    public void A_change_changes_only_when_before_and_after_differ()
    {
        new ScopeChange("site", "DR", "DR").Changes.Should().BeFalse();
        new ScopeChange("site", "DR", "dr").Changes.Should().BeTrue();
        new ScopeChange("tier-2", "DR", null).Changes.Should().BeTrue();
        new ScopeChange("tier-2", null, null).Changes.Should().BeFalse();
    }

    [TestMethod]
    public void The_moves_are_the_apps_whose_effective_site_changes_lowest_tier_first()
    {
        var after = SwitchEdit.Apply(Switch, [new ScopeChange("site", "Primary", "DR")]);
        SwitchedApp[] apps = [new("web", 2, 3), new("db", 1, 2), new("api", 1, 1), new("batch", 3, 4)];

        SwitchEdit.Moves(Switch, after, apps).Should().Equal(
            new AppMove("api", 1, 1, "Primary", "DR"),
            new AppMove("db", 1, 2, "Primary", "DR"),
            new AppMove("batch", 3, 4, "Primary", "DR"));
    }

    [TestMethod]
    public void An_app_without_a_site_before_moves_from_none() =>
        SwitchEdit.Moves(new Dictionary<string, string>(), Switch, [new SwitchedApp("db", 1, 1)]).Should().Equal(
            new AppMove("db", 1, 1, "(none)", "Primary"));

    [TestMethod]
    public void A_request_with_apps_or_tiers_is_scoped()
    {
        To("DR").IsScoped.Should().BeFalse();
        To("DR", apps: ["web"]).IsScoped.Should().BeTrue();
        To("DR", tiers: [1]).IsScoped.Should().BeTrue();
    }

    [TestMethod]
    public void A_reason_of_up_to_1024_characters_on_one_line_is_recorded()
    {
        To("DR").ReasonProblem().Should().BeNull();
        To("DR", reason: "site power lost, ticket #42").ReasonProblem().Should().BeNull();
        To("DR", reason: new string('r', 1024)).ReasonProblem().Should().BeNull();
    }

    [TestMethod]
    public void A_longer_reason_is_refused_with_its_length() =>
        To("DR", reason: new string('r', 1025)).ReasonProblem().Should().Be("--reason is 1025 characters long; at most 1024 are recorded");

    [TestMethod]
    public void A_reason_with_a_control_character_is_refused_naming_the_first() =>
        To("DR", reason: "line one\nline two\u001B").ReasonProblem().Should().Be(
            "--reason holds a control character (U+000A); write it on one line, without escapes");
}
