using AcmDr.Cli.Report.Formats;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class TimelineChartTests
{
    private static readonly DateTimeOffset Flip = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    private static TierTimeline Tier(int tier, int? started, int? arrived, int? rto, RtoStatus status = RtoStatus.Met) => new(
        tier, arrived is null ? 0 : 1, 1, arrived is null ? MoveVerdict.NotMoved : MoveVerdict.Moved,
        started is { } s ? Flip.AddMinutes(s) : null, arrived is { } a ? Flip.AddMinutes(a) : null,
        arrived is { } t ? TimeSpan.FromMinutes(t) : null, rto, status);

    private static LegSummary Leg(int now, bool finished, params TierTimeline[] tiers) => new(
        "Move to DR", "DR", finished ? LegOutcome.AllMoved : LegOutcome.NotMoved, "x", 0, 0, "alice", null, Flip, Flip.AddMinutes(now),
        TimeSpan.FromMinutes(now), finished, tiers, []);

    [TestMethod]
    public void The_axis_fits_the_rehearsal_not_the_largest_rto()
    {
        var view = TimelineChart.Of(Leg(90, true, Tier(1, 1, 12, 15), Tier(2, 13, 42, 276)));

        view.Ticks.Select(t => t.Label).Should().Equal("0m", "10m", "20m", "30m", "40m", "50m");
        view.Rows[1].RtoMark.Should().Be(new TimelineRto("100", "RTO 276m \u2192", "beyond", false));
        view.Rows[0].RtoMark!.Left.Should().Be("30");
        view.Caption.Should().EndWith("the axis ends at the last arrival.");
    }

    [TestMethod]
    public void Each_bar_runs_from_the_tier_s_start_to_its_last_arrival()
    {
        var view = TimelineChart.Of(Leg(90, true, Tier(1, 5, 15, 15), Tier(2, 15, 20, 30)));

        view.Rows.Select(r => (r.Left, r.Width, r.State)).Should().Equal(("25", "50", "done"), ("75", "25", "done"));
        view.Rows[0].Label.Should().Be("Tier 1: from 19:05:00 to 19:15:00");
        view.Rows[1].RtoMark.Should().Be(new TimelineRto("100", "RTO 30m \u2192", "beyond", false));
    }

    [TestMethod]
    public void While_not_finished_the_axis_and_an_open_bar_run_to_the_reading()
    {
        var view = TimelineChart.Of(Leg(12, false, Tier(1, 2, 8, 15), Tier(2, 9, null, 30, RtoStatus.Pending), Tier(3, null, null, 45, RtoStatus.Pending)));

        view.Ticks[^1].Label.Should().Be("12m");
        view.Rows.Select(r => r.State).Should().Equal("done", "moving", "waiting");
        view.Rows[1].Left.Should().Be("75");
        view.Rows[1].Width.Should().Be("25");
        view.Rows[2].Width.Should().Be("100", "a tier that never started waited from the flip");
        view.Rows[2].Label.Should().Be("Tier 3: not started by 19:12:00");
    }

    [TestMethod]
    public void A_missed_rto_colours_the_bar_and_the_mark()
    {
        var view = TimelineChart.Of(Leg(60, false, Tier(1, 1, 20, 15, RtoStatus.Missed), Tier(2, 21, null, 30, RtoStatus.Missed), Tier(3, null, null, 45, RtoStatus.Missed)));

        view.Rows.Select(r => r.State).Should().Equal("late", "moving late", "waiting late");
        view.Rows.Should().OnlyContain(r => r.RtoMark!.Missed);
        view.Rows[0].Rto.Should().Be("RTO 15m missed (took 20m00s)");
    }

    [TestMethod]
    [DataRow(4, "1m")]
    [DataRow(100, "20m")]
    [DataRow(400, "2h")]
    [DataRow(3000, "12h")]
    public void Ticks_are_a_few_round_steps(int minutes, string second)
    {
        var view = TimelineChart.Of(Leg(minutes, false, Tier(1, 0, null, null, RtoStatus.NoTarget)));

        view.Ticks[1].Label.Should().Be(second);
        view.Ticks.Count.Should().BeInRange(2, 7);
        view.Rows[0].RtoMark.Should().BeNull();
    }

    [TestMethod]
    public void Without_a_flip_time_there_is_no_timeline_and_it_says_why()
    {
        var view = TimelineChart.Of(Leg(10, false, Tier(1, 1, 2, 15)) with { FlipAt = null });

        view.Rows.Should().BeEmpty();
        view.Missing.Should().Contain("--flip-at");
    }
}
