using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The executive summary of one report, or of a rehearsal's legs (there and, with --back, back).</summary>
internal static class ReportLegs
{
    public static ExecutiveSummary Summary(IReadOnlyList<ReportData> legs) =>
        new(legs.Select(d => LegSummariser.Of(d.Summary, d.Flips)).ToList());

    public static string OutcomeClass(LegOutcome outcome) => outcome switch
    {
        LegOutcome.AllMoved => "moved",
        LegOutcome.StillMoving => "waiting",
        LegOutcome.NotMoved => "notMoved",
        _ => "unknown",
    };

    public static string OutcomeText(LegOutcome outcome) => outcome switch
    {
        LegOutcome.AllMoved => "all moved",
        LegOutcome.StillMoving => "still moving",
        LegOutcome.NotMoved => "not moved",
        _ => "cannot tell",
    };

    /// <summary>How long, in words: to the last arrival, or so far while still moving.</summary>
    public static string Took(LegSummary leg) => leg.Took switch
    {
        null when leg.FlipAt is null => "unknown (no flip time)",
        null => "unknown (a move time was not reported)",
        { } took when leg.Finished => ReportWords.Duration(took),
        { } took => ReportWords.Duration(took) + " so far (not finished)",
    };
}
