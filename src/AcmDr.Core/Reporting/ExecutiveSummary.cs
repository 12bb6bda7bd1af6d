using AcmDr.Core.Compliance;

namespace AcmDr.Core.Reporting;

/// <summary>One leg of a rehearsal (a flip and the move it started), as handed to management.</summary>
/// <param name="Title">What the leg was, e.g. "Move to DR".</param>
/// <param name="Sentence">The outcome in one sentence.</param>
/// <param name="User">Who flipped (the flip record's user); null without a record.</param>
/// <param name="Reason">Why (the flip record's reason); null when none was given.</param>
/// <param name="FlipAt">When the flip happened; the timeline's zero.</param>
/// <param name="Now">When the reading was taken.</param>
/// <param name="Took">From the flip to the last VM's arrival, or to <paramref name="Now"/> while not finished; null without a flip time.</param>
/// <param name="Finished">Every VM in scope moved.</param>
/// <param name="Vms">Every VM, failures first.</param>
public sealed record LegSummary(
    string Title,
    string TargetSite,
    LegOutcome Outcome,
    string Sentence,
    int Moved,
    int Total,
    string? User,
    string? Reason,
    DateTimeOffset? FlipAt,
    DateTimeOffset Now,
    TimeSpan? Took,
    bool Finished,
    IReadOnlyList<TierTimeline> Tiers,
    IReadOnlyList<VmFinding> Vms)
{
    public IReadOnlyList<VmFinding> Failures => Vms.Where(v => v.IsFailure).ToList();

    /// <summary>The tiers whose RTO was missed.</summary>
    public IReadOnlyList<TierTimeline> RtoMissed => Tiers.Where(t => t.Rto == RtoStatus.Missed).ToList();
}

/// <summary>A rehearsal's summary: one leg, or two when it flipped back.</summary>
public sealed record ExecutiveSummary(IReadOnlyList<LegSummary> Legs)
{
    /// <summary>The worst leg's outcome; nothing to tell without legs.</summary>
    public LegOutcome Outcome => Legs.Count == 0 ? LegOutcome.CannotTell : Legs.Min(l => l.Outcome);
}
