using AcmDr.Core.Flip;
using AcmDr.Core.Rehearsal;
using FluentAssertions;

namespace AcmDr.Core.Tests.Rehearsal;

/// <summary>The way back of a rehearsal restores exactly what its flip changed, and only while the switch still holds it.</summary>
[TestClass]
public sealed class RehearsalSwitchTests
{
    private static readonly string[] Sites = ["Primary", "DR"];

    private static Dictionary<string, string> Data(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    [TestMethod]
    public void The_way_back_restores_each_changed_key_and_removes_one_that_was_not_set()
    {
        ScopeChange[] made = [new("tier-1", null, "DR"), new("tier-2", "Primary", "DR"), new("tier-3", "DR", "DR")];
        var now = Data(("site", "Primary"), ("tier-1", "DR"), ("tier-2", "DR"), ("tier-3", "DR"), ("app-web", "DR"));

        var back = RehearsalSwitch.Back(now, Sites, made);

        back.Changed.Select(c => (c.Key, c.Before, c.After)).Should().Equal(("tier-1", "DR", null), ("tier-2", "DR", "Primary"));
        back.After.Should().Equal(Data(("site", "Primary"), ("tier-2", "Primary"), ("tier-3", "DR"), ("app-web", "DR")));
    }

    [TestMethod]
    public void A_key_someone_changed_during_the_rehearsal_is_theirs_and_the_way_back_is_refused()
    {
        ScopeChange[] made = [new("site", "Primary", "DR")];

        var refused = FluentActions.Invoking(() => RehearsalSwitch.Back(Data(("site", "Primary")), Sites, made)).Should().Throw<AcmDrException>().Which;

        refused.ExitCode.Should().Be(ExitCodes.Refused);
        refused.Message.Should().Be("not flipped back: site is 'Primary' on the switch, not 'DR' as the rehearsal left it: someone changed it meanwhile; nothing was written");
        FluentActions.Invoking(() => RehearsalSwitch.Back(Data(), Sites, made)).Should().Throw<AcmDrException>()
            .WithMessage("not flipped back: site is not set on the switch, not 'DR'*");
    }

    [TestMethod]
    public void The_commands_that_restore_the_switch_by_hand_name_each_key_it_changed()
    {
        RehearsalSwitch.BackCommands([new("site", "Primary", "DR"), new("tier-2", null, "DR"), new("app-erp-db", "Primary", "DR"), new("tier-3", "DR", "DR")])
            .Should().Equal("acmdr flip --to Primary", "acmdr flip --clear --tier 2", "acmdr flip --to Primary --app erp-db");
    }

    [TestMethod]
    public void The_reason_recorded_names_the_rehearsal_and_its_leg() =>
        (RehearsalSwitch.Reason("ab12cd34", "Q4 test", back: false), RehearsalSwitch.Reason("ab12cd34", "Q4 test", back: true))
            .Should().Be(("rehearsal ab12cd34: Q4 test", "rehearsal ab12cd34 back: Q4 test"));

    [TestMethod]
    public void The_way_back_restores_the_mode_the_rehearsal_flip_replaced_in_the_same_write_as_the_site()
    {
        var before = Data(("site", "Primary"), ("mode", "planned"), ("app-web", "DR"));
        var first = FlipDecision.Decide(Data(("site", "Primary")), Sites, new FlipRequest("DR", [], [], false, "drill"));
        first.Changed.Select(c => (c.Key, c.Before, c.After)).Should().Equal(("site", "Primary", "DR"), ("mode", null, "planned"));

        var back = RehearsalSwitch.Back(SwitchEdit.Apply(before, first.Changed), Sites, first.Changed);

        back.Changed.Select(c => (c.Key, c.Before, c.After)).Should().Equal(("site", "DR", "Primary"), ("mode", "planned", null));
        back.After.Should().Equal(Data(("site", "Primary"), ("app-web", "DR")));
    }

    [TestMethod]
    public void A_mode_someone_changed_during_the_rehearsal_refuses_the_way_back()
    {
        ScopeChange[] made = [new("site", "Primary", "DR"), new("mode", "unplanned", "planned")];

        FluentActions.Invoking(() => RehearsalSwitch.Back(Data(("site", "DR"), ("mode", "unplanned")), Sites, made)).Should().Throw<AcmDrException>()
            .WithMessage("not flipped back: mode is 'unplanned' on the switch, not 'planned' as the rehearsal left it*");
    }

    [TestMethod]
    public void The_commands_that_restore_a_replaced_unplanned_mode_carry_unplanned_and_the_mode_needs_no_command_of_its_own()
    {
        RehearsalSwitch.BackCommands([new("site", "DR", "Primary"), new("mode", "unplanned", "planned")])
            .Should().Equal("acmdr flip --to DR --unplanned");
        RehearsalSwitch.BackCommands([new("tier-2", null, "DR"), new("mode", null, "planned")])
            .Should().Equal("acmdr flip --clear --tier 2");
    }

    [TestMethod]
    public void A_rehearsal_with_a_way_back_is_refused_when_the_switch_is_left_unplanned()
    {
        RehearsalSwitch.BackProblem(Data(("site", "DR"), ("mode", "unplanned")), back: true).Should().Be(
            "refused: the switch says mode unplanned (a flip asked Ramen to fail over), and --back restores it: the way back would fail the dual apps over again; "
            + "make it planned first (acmdr flip --to DR); nothing was written");
        RehearsalSwitch.BackProblem(Data(("site", "DR"), ("mode", "unplanned")), back: false).Should().BeNull("the one flip writes planned");
        RehearsalSwitch.BackProblem(Data(("site", "DR"), ("mode", "planned")), back: true).Should().BeNull();
        RehearsalSwitch.BackProblem(Data(("site", "DR")), back: true).Should().BeNull();
    }
}
