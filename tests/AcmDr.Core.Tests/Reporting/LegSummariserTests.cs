using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Reporting;
using FluentAssertions;
using static AcmDr.Core.Tests.Reporting.Findings;

namespace AcmDr.Core.Tests.Reporting;

[TestClass]
public sealed class LegSummariserTests
{
    private static readonly FlipHistoryEntry Alice = new("f1", FlipTime, "alice", "Primary", "DR", "global", "Q4 rehearsal");

    private static ComplianceSummary Summary(int now, IReadOnlyList<VmCompliance> vms, IReadOnlyList<TierCompliance> tiers, DateTimeOffset? flip = null) =>
        new("DR", flip ?? FlipTime, At(now), vms, tiers, vms.Count(v => v.Verdict == MoveVerdict.Moved), vms.Count,
            vms.Count == 0 ? MoveVerdict.Unknown : vms.All(v => v.Verdict == MoveVerdict.Moved) ? MoveVerdict.Moved : MoveVerdict.NotMoved);

    private static readonly VmCompliance Db0Moved = Vm("db-0", MoveVerdict.Moved, "ok", since: 5, started: 1);
    private static readonly VmCompliance Db1Moved = Vm("db-1", MoveVerdict.Moved, "ok", since: 8, started: 2);
    private static readonly VmCompliance Web0Moved = Vm("web-0", MoveVerdict.Moved, "ok", tier: 2, app: "web", since: 20, started: 9);

    private static ComplianceSummary AllMoved() => Summary(30, [Db0Moved, Db1Moved, Web0Moved],
        [Tier(1, MoveVerdict.Moved, RtoStatus.Met, 8, 2, 2), Tier(2, MoveVerdict.Moved, RtoStatus.Met, 20, 1, 1)]);

    [TestMethod]
    public void All_moved_says_so_and_took_from_the_flip_to_the_last_arrival()
    {
        var leg = LegSummariser.Of(AllMoved(), [Alice]);

        leg.Outcome.Should().Be(LegOutcome.AllMoved);
        leg.Sentence.Should().Be("All 3 VMs moved to DR.");
        leg.Title.Should().Be("Move to DR");
        leg.Took.Should().Be(TimeSpan.FromMinutes(20));
        leg.Finished.Should().BeTrue();
        leg.Failures.Should().BeEmpty();
        leg.RtoMissed.Should().BeEmpty();
        leg.Tiers.Select(t => (t.Tier, t.StartedAt, t.ArrivedAt)).Should().Equal(
            (1, At(1), At(8)), (2, At(9), (DateTimeOffset?)At(20)));
    }

    [TestMethod]
    public void One_vm_that_moved_is_the_vm()
    {
        var leg = LegSummariser.Of(Summary(30, [Db0Moved], [Tier(1, MoveVerdict.Moved, RtoStatus.Met, 5, 1, 1)]), [Alice]);

        leg.Sentence.Should().Be("The VM moved to DR.");
    }

    [TestMethod]
    public void Who_and_why_come_from_the_flip_that_started_this_leg()
    {
        var later = new FlipHistoryEntry("f2", At(60), "bob", "DR", "Primary", "global", "back");

        var leg = LegSummariser.Of(AllMoved(), [later, Alice]);

        (leg.User, leg.Reason, leg.FlipAt).Should().Be(("alice", "Q4 rehearsal", (DateTimeOffset?)FlipTime));
    }

    [TestMethod]
    public void Without_a_record_of_the_flip_time_the_newest_flip_tells_who()
    {
        var leg = LegSummariser.Of(AllMoved(), [Alice with { At = At(-5), Reason = "  " }, Alice with { At = At(-9), User = "carol" }]);

        leg.User.Should().Be("alice");
        leg.Reason.Should().BeNull("a blank reason is none");
    }

    [TestMethod]
    public void Without_flips_nobody_is_named()
    {
        var leg = LegSummariser.Of(AllMoved(), [], "Rehearsal leg 1");

        (leg.User, leg.Reason, leg.Title).Should().Be(((string?)null, (string?)null, "Rehearsal leg 1"));
    }

    [TestMethod]
    public void Flip_record_text_is_cleaned()
    {
        var leg = LegSummariser.Of(AllMoved(), [Alice with { User = "al\u001b[2Jice", Reason = "Q4\u0007 rehearsal" }]);

        (leg.User, leg.Reason).Should().Be(("alice", "Q4 rehearsal"));
    }

    [TestMethod]
    public void Failures_come_first_in_tier_order_then_the_rest()
    {
        var summary = Summary(10,
            [Db0Moved, Vm("db-1", MoveVerdict.NotMoved, "not running"), Vm("db-2", MoveVerdict.Unknown, "policy dr-db has no status for cluster stretch-1"),
             Vm("web-0", MoveVerdict.Waiting, "waiting for tier 1: x", tier: 2, app: "web")],
            [Tier(1, MoveVerdict.NotMoved, moved: 1, total: 3), Tier(2, MoveVerdict.Waiting)]);

        var leg = LegSummariser.Of(summary, [Alice]);

        leg.Vms.Select(v => (v.Vm.Vm, v.IsFailure)).Should().Equal(("db-1", true), ("db-2", true), ("db-0", false), ("web-0", false));
        leg.Outcome.Should().Be(LegOutcome.NotMoved);
        leg.Sentence.Should().Be("1 of 4 VMs did not move to DR; 1 more cannot be told; 1 still waiting within RTO.");
        leg.Took.Should().Be(TimeSpan.FromMinutes(10), "not finished: from the flip to now");
        leg.Finished.Should().BeFalse();
    }

    [TestMethod]
    public void A_vm_waiting_past_its_rto_counts_as_not_moved()
    {
        var summary = Summary(40, [Db0Moved, Vm("db-1", MoveVerdict.NotMoved, "x"), Vm("web-0", MoveVerdict.Waiting, "w", tier: 2, app: "web")],
            [Tier(1, MoveVerdict.NotMoved, RtoStatus.Missed, moved: 1, total: 2), Tier(2, MoveVerdict.Waiting, RtoStatus.Missed)]);

        var leg = LegSummariser.Of(summary, [Alice]);

        leg.Sentence.Should().Be("2 of 3 VMs did not move to DR; tiers 1 and 2 missed their RTO.");
        leg.Failures.Select(f => f.Vm.Vm).Should().Equal("db-1", "web-0");
        leg.RtoMissed.Select(t => t.Tier).Should().Equal(1, 2);
    }

    [TestMethod]
    public void All_moved_with_a_tier_late_says_which_tier_missed_its_rto()
    {
        var summary = AllMoved() with { Tiers = [Tier(1, MoveVerdict.Moved, RtoStatus.Missed, 18, 2, 2), Tier(2, MoveVerdict.Moved, RtoStatus.Met, 20, 1, 1)] };

        var leg = LegSummariser.Of(summary, [Alice]);

        leg.Outcome.Should().Be(LegOutcome.AllMoved);
        leg.Sentence.Should().Be("All 3 VMs moved to DR; tier 1 missed its RTO.");
    }

    [TestMethod]
    public void Three_late_tiers_are_listed_in_order()
    {
        var summary = AllMoved() with
        {
            Tiers = [Tier(3, MoveVerdict.Moved, RtoStatus.Missed), Tier(1, MoveVerdict.Moved, RtoStatus.Missed), Tier(2, MoveVerdict.Moved, RtoStatus.Missed)],
        };

        LegSummariser.Of(summary, [Alice]).Sentence.Should().Be("All 3 VMs moved to DR; tiers 1, 2 and 3 missed their RTO.");
    }

    [TestMethod]
    public void Vms_with_no_status_and_none_failed_cannot_be_told()
    {
        var summary = Summary(30, [Db0Moved, Vm("web-0", MoveVerdict.Unknown, "x", tier: 2, app: "web")],
            [Tier(1, MoveVerdict.Moved, RtoStatus.Met, 5, 1, 1), Tier(2, MoveVerdict.Unknown)]);

        var leg = LegSummariser.Of(summary, [Alice]);

        leg.Outcome.Should().Be(LegOutcome.CannotTell);
        leg.Sentence.Should().Be("Cannot tell whether 1 of 2 VMs moved to DR: the hub has no status for them.");
    }

    [TestMethod]
    public void No_status_beside_a_wait_says_both()
    {
        var summary = Summary(5, [Vm("db-0", MoveVerdict.Unknown, "x"), Vm("web-0", MoveVerdict.Waiting, "w", tier: 2, app: "web")],
            [Tier(1, MoveVerdict.Unknown), Tier(2, MoveVerdict.Waiting)]);

        LegSummariser.Of(summary, [Alice]).Sentence.Should().Be(
            "Cannot tell whether 1 of 2 VMs moved to DR: the hub has no status for them; 1 still waiting within RTO.");
    }

    [TestMethod]
    public void Only_waits_within_the_rto_are_still_moving()
    {
        var summary = Summary(12, [Db0Moved, Db1Moved, Vm("web-0", MoveVerdict.Waiting, "w", tier: 2, app: "web")],
            [Tier(1, MoveVerdict.Moved, RtoStatus.Met, 8, 2, 2), Tier(2, MoveVerdict.Waiting)]);

        var leg = LegSummariser.Of(summary, [Alice]);

        leg.Outcome.Should().Be(LegOutcome.StillMoving);
        leg.Sentence.Should().Be("2 of 3 VMs at DR so far; 1 waiting for earlier tiers within RTO.");
        leg.Tiers[1].StartedAt.Should().BeNull();
        leg.Tiers[1].ArrivedAt.Should().BeNull();
    }

    [TestMethod]
    public void An_empty_scope_cannot_tell_anything()
    {
        var leg = LegSummariser.Of(Summary(5, [], []), [Alice]);

        leg.Outcome.Should().Be(LegOutcome.CannotTell);
        leg.Sentence.Should().Be("No VM in scope: nothing can be told about a move to DR.");
        leg.Finished.Should().BeFalse();
    }

    [TestMethod]
    public void Without_a_flip_time_how_long_and_arrivals_are_unknown()
    {
        var summary = AllMoved() with { FlipAt = null };

        var leg = LegSummariser.Of(summary, []);

        leg.Took.Should().BeNull();
        leg.Tiers.Should().OnlyContain(t => t.ArrivedAt == null);
    }

    [TestMethod]
    public void All_moved_with_a_tier_whose_arrival_is_unknown_took_an_unknown_time()
    {
        var summary = Summary(30, [Db0Moved, Web0Moved with { Since = null }],
            [Tier(1, MoveVerdict.Moved, RtoStatus.Met, 5, 1, 1), Tier(2, MoveVerdict.Moved, RtoStatus.NotMeasured, null, 1, 1)]);

        LegSummariser.Of(summary, [Alice]).Took.Should().BeNull();
    }

    [TestMethod]
    public void Tiers_are_in_tier_order_with_their_rto()
    {
        var summary = AllMoved() with { Tiers = [Tier(2, MoveVerdict.Moved, RtoStatus.Missed, 20, 1, 1), Tier(1, MoveVerdict.Moved, RtoStatus.Met, 8, 2, 2)] };

        var leg = LegSummariser.Of(summary, [Alice]);

        leg.Tiers.Select(t => (t.Tier, t.RtoMinutes, t.Rto, t.Took)).Should().Equal(
            (1, 15, RtoStatus.Met, TimeSpan.FromMinutes(8)), (2, 30, RtoStatus.Missed, (TimeSpan?)TimeSpan.FromMinutes(20)));
        leg.Vms.Single(v => v.Vm.Vm == "web-0").Plain.Should().Be("Runs at DR.");
    }

    [TestMethod]
    public void A_vm_is_read_against_its_own_tier_and_the_tier_just_before_it()
    {
        var summary = Summary(40, [Db0Moved, Vm("web-0", MoveVerdict.Waiting, "w", tier: 2, app: "web"), Vm("app-0", MoveVerdict.Waiting, "w", tier: 3, app: "app")],
            [Tier(1, MoveVerdict.Moved, RtoStatus.Met, 5, 1, 1), Tier(2, MoveVerdict.Waiting, RtoStatus.Missed), Tier(3, MoveVerdict.Waiting, RtoStatus.Pending)]);

        var leg = LegSummariser.Of(summary, [Alice]);

        var web = leg.Vms.Single(v => v.Vm.Vm == "web-0");
        web.IsFailure.Should().BeTrue("its own tier 2 is past its RTO");
        web.NextStep.Should().Be("Tier 1 has moved: if it still waits after ACM's next evaluation, check the governance policy add-on on stretch-1.");
        var app = leg.Vms.Single(v => v.Vm.Vm == "app-0");
        app.IsFailure.Should().BeFalse("its own tier 3 is within its RTO");
        app.Plain.Should().Be("Waiting for tier 2 to move first.");
    }

    [TestMethod]
    public void A_summary_and_a_trail_are_required()
    {
        var noSummary = () => LegSummariser.Of(null!, []);
        var noTrail = () => LegSummariser.Of(AllMoved(), null!);

        noSummary.Should().Throw<ArgumentNullException>();
        noTrail.Should().Throw<ArgumentNullException>();
    }

    [TestMethod]
    public void The_worst_leg_is_the_rehearsals_outcome()
    {
        var there = LegSummariser.Of(AllMoved(), [Alice]);
        var back = there with { Outcome = LegOutcome.StillMoving };

        new ExecutiveSummary([there, back]).Outcome.Should().Be(LegOutcome.StillMoving);
        new ExecutiveSummary([there]).Outcome.Should().Be(LegOutcome.AllMoved);
        new ExecutiveSummary([there, back with { Outcome = LegOutcome.NotMoved }, back with { Outcome = LegOutcome.CannotTell }]).Outcome.Should().Be(LegOutcome.NotMoved);
        new ExecutiveSummary([]).Outcome.Should().Be(LegOutcome.CannotTell);
    }
}
