using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Text;

namespace AcmDr.Core.Reporting;

/// <summary>Turns one compliance summary and its flip trail into what management reads first.</summary>
public static class LegSummariser
{
    /// <param name="summary">The leg's compliance summary.</param>
    /// <param name="flips">The switch's flip trail, newest first.</param>
    /// <param name="title">What the leg was; default "Move to SITE".</param>
    /// <param name="inventoryArgument">The <c>-i</c> the suggested commands repeat; null for the default.</param>
    public static LegSummary Of(
        ComplianceSummary summary, IReadOnlyList<FlipHistoryEntry> flips, string? title = null, string? inventoryArgument = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(flips);
        var target = StatusText.Clean(summary.TargetSite);
        var tiers = summary.Tiers.OrderBy(t => t.Tier).ToList();
        var findings = summary.Vms
            .Select(vm => PlainReasons.Of(vm, tiers.Find(t => t.Tier == vm.Tier), tiers.LastOrDefault(t => t.Tier < vm.Tier), inventoryArgument))
            .ToList();
        var ordered = findings.Where(f => f.IsFailure).Concat(findings.Where(f => !f.IsFailure)).ToList();
        var timelines = tiers.Select(t => Timeline(t, summary.Vms.Where(v => v.Tier == t.Tier).ToList(), summary.FlipAt)).ToList();
        var flip = flips.FirstOrDefault(f => f.At == summary.FlipAt) ?? (flips.Count > 0 ? flips[0] : null);
        var finished = summary.Total > 0 && summary.Moved == summary.Total;
        var (outcome, sentence) = Outcome(findings, summary.Moved, summary.Total, target);
        sentence = sentence[..^1] + RtoMissed(tiers) + ".";
        return new LegSummary(
            title ?? $"Move to {target}",
            target,
            outcome,
            sentence,
            summary.Moved,
            summary.Total,
            flip is null ? null : StatusText.Clean(flip.User),
            string.IsNullOrWhiteSpace(flip?.Reason) ? null : StatusText.Clean(flip.Reason),
            summary.FlipAt,
            summary.Now,
            Took(summary, timelines, finished),
            finished,
            timelines,
            ordered);
    }

    private static TierTimeline Timeline(TierCompliance tier, IReadOnlyList<VmCompliance> vms, DateTimeOffset? flipAt)
    {
        var started = vms.Min(v => v.StartedAt);
        DateTimeOffset? arrived = tier.Duration is { } took && flipAt is { } flip ? flip + took : null;
        return new TierTimeline(tier.Tier, tier.Moved, tier.Total, tier.Verdict, started, arrived, tier.Duration, tier.RtoMinutes, tier.Rto);
    }

    /// <summary>Flip to the last arrival when all moved (unknown when a tier's arrival is); flip to now while not.</summary>
    private static TimeSpan? Took(ComplianceSummary summary, IReadOnlyList<TierTimeline> tiers, bool finished)
    {
        if (summary.FlipAt is not { } flip)
        {
            return null;
        }

        if (!finished)
        {
            return summary.Now - flip;
        }

        return tiers.All(t => t.Took is not null) ? tiers.Max(t => t.Took) : null;
    }

    private static (LegOutcome Outcome, string Sentence) Outcome(IReadOnlyList<VmFinding> findings, int moved, int total, string target)
    {
        if (total == 0)
        {
            return (LegOutcome.CannotTell, $"No VM in scope: nothing can be told about a move to {target}.");
        }

        if (moved == total)
        {
            return (LegOutcome.AllMoved, total == 1 ? $"The VM moved to {target}." : $"All {Counted.Of(total, "VM")} moved to {target}.");
        }

        var notMoved = findings.Count(f => f.IsFailure && f.Vm.Verdict != MoveVerdict.Unknown);
        var unknown = findings.Count(f => f.Vm.Verdict == MoveVerdict.Unknown);
        var waiting = findings.Count(f => !f.IsFailure && f.Vm.Verdict == MoveVerdict.Waiting);
        var rest = new List<string>();
        if (notMoved > 0)
        {
            if (unknown > 0)
            {
                rest.Add($"{unknown} more cannot be told");
            }

            if (waiting > 0)
            {
                rest.Add($"{waiting} still waiting within RTO");
            }

            return (LegOutcome.NotMoved, $"{notMoved} of {Counted.Of(total, "VM")} did not move to {target}{Tail(rest)}.");
        }

        if (unknown > 0)
        {
            if (waiting > 0)
            {
                rest.Add($"{waiting} still waiting within RTO");
            }

            return (LegOutcome.CannotTell, $"Cannot tell whether {unknown} of {Counted.Of(total, "VM")} moved to {target}: the hub has no status for them{Tail(rest)}.");
        }

        return (LegOutcome.StillMoving, $"{moved} of {Counted.Of(total, "VM")} at {target} so far; {waiting} waiting for earlier tiers within RTO.");
    }

    /// <summary>"; tier 1 missed its RTO" or "; tiers 1 and 3 missed their RTO", else nothing.</summary>
    private static string RtoMissed(List<TierCompliance> tiers)
    {
        var missed = tiers.Where(t => t.Rto == RtoStatus.Missed).Select(t => t.Tier.ToString(CultureInfo.InvariantCulture)).ToList();
        return missed.Count switch
        {
            0 => string.Empty,
            1 => $"; tier {missed[0]} missed its RTO",
            _ => $"; tiers {string.Join(", ", missed[..^1])} and {missed[^1]} missed their RTO",
        };
    }

    private static string Tail(List<string> parts) => parts.Count == 0 ? string.Empty : "; " + string.Join("; ", parts);
}
