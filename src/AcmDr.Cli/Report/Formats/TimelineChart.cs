using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// The geometry of a leg's timeline, in percent of the axis: each tier a bar from when it started
/// moving to when its last VM arrived (or to now while it moves), ticks, and an RTO mark per tier.
/// The axis runs from the flip to the last arrival, or to now while not finished, so the chart fits
/// the rehearsal; an RTO beyond it is drawn as an arrow at the edge.
/// </summary>
internal static class TimelineChart
{
    private static readonly int[] Steps = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080];

    private const int MaxTicks = 6;

    public static TimelineView Of(LegSummary leg)
    {
        if (leg.FlipAt is not { } flip)
        {
            return new TimelineView("No flip time known: give --flip-at to draw the timeline.", string.Empty, [], []);
        }

        double MinutesTo(DateTimeOffset at) => Math.Max(0, (at - flip).TotalMinutes);
        var ends = leg.Tiers.Select(t => t.ArrivedAt is { } arrived ? MinutesTo(arrived) : 0).ToList();
        if (!leg.Finished)
        {
            ends.Add(MinutesTo(leg.Now));
        }

        var end = Math.Max(1, ends.DefaultIfEmpty(0).Max());
        var step = Steps.FirstOrDefault(s => end / s <= MaxTicks, Steps[^1]);
        var axis = Math.Ceiling(end / step) * step;
        var ticks = Enumerable.Range(0, (int)(axis / step) + 1)
            .Select(i => new TimelineTick(Number(Percent(i * step, axis)), TickLabel(i * step), i == 0 ? "first" : i * step >= axis ? "last" : "mid"))
            .ToList();
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"Time after the flip at {ReportWords.Time(flip)}; the axis ends at {(leg.Finished ? "the last arrival" : "the reading (" + ReportWords.Time(leg.Now) + "), still moving")}.");
        var rows = leg.Tiers.Select(t => Row(t, leg, MinutesTo, axis)).ToList();
        return new TimelineView(string.Empty, caption, ticks, rows);
    }

    private static TimelineRow Row(TierTimeline tier, LegSummary leg, Func<DateTimeOffset, double> minutesTo, double axis)
    {
        var done = tier.Verdict == MoveVerdict.Moved;
        var missed = tier.Rto == RtoStatus.Missed;
        var started = tier.StartedAt is not null;
        var state = done ? (missed ? "late" : "done")
            : started ? (missed ? "moving late" : "moving")
            : tier.Verdict == MoveVerdict.Unknown ? "unknown" : missed ? "waiting late" : "waiting";
        var from = tier.StartedAt is { } s ? minutesTo(s) : 0;
        var to = tier.ArrivedAt is { } a ? minutesTo(a) : done ? from : minutesTo(leg.Now);
        to = Math.Max(from, to);
        var width = Math.Max(0.5, Percent(to - from, axis));
        var left = Math.Min(Percent(from, axis), 100 - width);

        var span = tier.ArrivedAt is { } arrived
            ? $"from {Clock(tier.StartedAt)} to {Clock(arrived)}"
            : started ? $"started {Clock(tier.StartedAt)}, still moving at {Clock(leg.Now)}" : $"not started by {Clock(leg.Now)}";
        var label = string.Create(CultureInfo.InvariantCulture, $"Tier {tier.Tier}: {span}");
        var note = string.Create(CultureInfo.InvariantCulture, $"{tier.Moved}/{tier.Total} moved") + (tier.Took is { } took ? ", " + ReportWords.Duration(took) + " after the flip" : string.Empty);

        TimelineRto? rto = null;
        if (tier.RtoMinutes is { } minutes)
        {
            var at = Percent(minutes, axis);
            var text = string.Create(CultureInfo.InvariantCulture, $"RTO {minutes}m");
            rto = minutes > axis
                ? new TimelineRto("100", text + " \u2192", "beyond", missed)
                : new TimelineRto(Number(at), text, at < 15 ? "start" : at > 85 ? "end" : "mid", missed);
        }

        return new TimelineRow(tier.Tier, state, Number(left), Number(width), label, note, RtoWords(tier), rto);
    }

    /// <summary>How the tier did against its RTO, in words.</summary>
    public static string RtoWords(TierTimeline tier)
    {
        var target = tier.RtoMinutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m}m") : null;
        return tier.Rto switch
        {
            RtoStatus.Met => $"RTO {target} met",
            RtoStatus.Missed when tier.Took is { } took => $"RTO {target} missed (took {ReportWords.Duration(took)})",
            RtoStatus.Missed => $"RTO {target} missed (not all moved)",
            RtoStatus.Pending => $"RTO {target}: still within it",
            RtoStatus.NoTarget => "no RTO set",
            _ => target is null ? "RTO not measured" : $"RTO {target} not measured",
        };
    }

    private static double Percent(double minutes, double axis) => Math.Clamp(minutes / axis * 100, 0, 100);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "an unseen time";

    private static string TickLabel(int minutes) =>
        minutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m")
            : minutes % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}");
}

/// <summary>A leg's timeline as the page draws it; <paramref name="Missing"/> says why there is none.</summary>
internal sealed record TimelineView(string Missing, string Caption, IReadOnlyList<TimelineTick> Ticks, IReadOnlyList<TimelineRow> Rows);

/// <summary>A tick of the time axis; <paramref name="Edge"/> (first, mid, last) keeps its label inside the axis.</summary>
internal sealed record TimelineTick(string Left, string Label, string Edge);

/// <summary>One tier's bar (left and width in percent of the axis) and its RTO mark.</summary>
internal sealed record TimelineRow(int Tier, string State, string Left, string Width, string Label, string Note, string Rto, TimelineRto? RtoMark);

/// <summary>An RTO mark at <paramref name="Left"/> percent; <paramref name="Anchor"/> (start, mid, end, beyond) keeps its label inside the axis.</summary>
internal sealed record TimelineRto(string Left, string Text, string Anchor, bool Missed);
