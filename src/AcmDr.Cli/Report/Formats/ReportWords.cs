using System.Globalization;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The stable words every format uses for verdicts, states and times.</summary>
internal static class ReportWords
{
    public static string Verdict(MoveVerdict verdict) => verdict switch
    {
        MoveVerdict.Moved => "moved",
        MoveVerdict.NotMoved => "notMoved",
        MoveVerdict.Waiting => "waiting",
        _ => "unknown",
    };

    public static string VerdictText(MoveVerdict verdict) => verdict switch
    {
        MoveVerdict.Moved => "moved",
        MoveVerdict.NotMoved => "not moved",
        MoveVerdict.Waiting => "waiting",
        _ => "unknown",
    };

    public static string State(ComplianceState state) => state switch
    {
        ComplianceState.Compliant => "compliant",
        ComplianceState.NonCompliant => "nonCompliant",
        ComplianceState.Pending => "pending",
        _ => "unknown",
    };

    public static string Rto(RtoStatus rto) => rto switch
    {
        RtoStatus.Met => "met",
        RtoStatus.Missed => "missed",
        RtoStatus.Pending => "pending",
        RtoStatus.NoTarget => "noTarget",
        _ => "notMeasured",
    };

    public static string RtoText(RtoStatus rto) => rto switch
    {
        RtoStatus.NoTarget => "no target",
        RtoStatus.NotMeasured => "not measured",
        _ => Rto(rto),
    };

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : string.Empty;

    public static string Duration(TimeSpan? span)
    {
        if (span is not { } d)
        {
            return string.Empty;
        }

        var sign = d < TimeSpan.Zero ? "-" : string.Empty;
        d = d.Duration();
        return d.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)d.TotalHours}h{d.Minutes:00}m{d.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{d.Minutes}m{d.Seconds:00}s");
    }

    public static string Rto(TierCompliance tier) =>
        tier.RtoMinutes is { } minutes
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m {RtoText(tier.Rto)}")
            : RtoText(tier.Rto);
}
