using System.Globalization;
using AcmDr.Cli.Report.Formats;
using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>The words every format of the isolated report uses for verdicts, consistency, times and RTOs.</summary>
public static class IsolatedWords
{
    /// <summary>The JSON token of a verdict (camelCase, as the report's other verdicts).</summary>
    public static string Verdict(CopyVerdict verdict) => verdict switch
    {
        CopyVerdict.Recovered => "recovered",
        CopyVerdict.Late => "late",
        CopyVerdict.Failed => "failed",
        _ => "notStarted",
    };

    /// <summary>A verdict as people read it.</summary>
    public static string VerdictText(CopyVerdict verdict) => verdict switch
    {
        CopyVerdict.NotStarted => "not started",
        _ => Verdict(verdict),
    };

    /// <summary>Whether the verdict fails the rehearsal (a JUnit failure, exit 1).</summary>
    public static bool IsFailure(CopyVerdict verdict) => verdict != CopyVerdict.Recovered;

    /// <summary>How consistent the snapshot was: "guest agent freeze", "crash-consistent" or "unknown" (every format, JSON too).</summary>
    public static string Consistency(Consistency consistency) => consistency switch
    {
        Core.Isolated.Consistency.GuestAgentFreeze => "guest agent freeze",
        Core.Isolated.Consistency.CrashConsistent => "crash-consistent",
        _ => "unknown",
    };

    /// <summary>A duration as the other reports write it (4m10s, 1h02m00s); "-" when not reached.</summary>
    public static string Took(TimeSpan? span) => span is null ? "-" : ReportWords.Duration(span);

    /// <summary>Whole seconds for JSON (null when not reached).</summary>
    public static long? Seconds(TimeSpan? span) => span is { } s ? (long)s.TotalSeconds : null;

    public static string Time(DateTimeOffset at) => ReportWords.Time(at);

    /// <summary>An RTO in minutes ("15m"), "none" without one.</summary>
    public static string Rto(int? minutes) =>
        minutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m}m") : "none";

    /// <summary>The JSON token of a tier against its RTO: met, missed, noTarget (no RTO) or notMeasured (not every copy verified).</summary>
    public static string RtoState(IsolatedTierResult tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return tier.RtoMet switch
        {
            true => "met",
            false => "missed",
            null when tier.RtoMinutes is null => "noTarget",
            _ => "notMeasured",
        };
    }

    /// <summary>A tier against its RTO in words: "RTO 15m met (took 4m10s)", "RTO 15m missed (took 20m00s)", "no RTO (took 3m00s)", "RTO 15m not measured: 1 of 2 copies not verified".</summary>
    public static string TierRto(IsolatedTierResult tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        var rto = tier.RtoMinutes is { } m ? string.Create(CultureInfo.InvariantCulture, $"RTO {m}m") : "no RTO";
        if (tier.Took is { } took)
        {
            var verdict = tier.RtoMet switch { true => " met", false => " missed", _ => string.Empty };
            return $"{rto}{verdict} (took {ReportWords.Duration(took)})";
        }

        var missing = tier.Total - tier.Recovered;
        return string.Create(CultureInfo.InvariantCulture, $"{rto} not measured: {missing} of {tier.Total} copies not verified");
    }

    /// <summary>A tier's line: "tier 1: 2/3 copies verified, RTO 15m missed (took 20m00s)".</summary>
    public static string TierLine(IsolatedTierResult tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return string.Create(CultureInfo.InvariantCulture, $"tier {tier.Tier}: {tier.Recovered}/{tier.Total} copies verified, {TierRto(tier)}");
    }

    /// <summary>The one-line outcome: "3/4 copies recovered within RTO at DR" (counts Late as not).</summary>
    public static string Outcome(IsolatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var recovered = report.Vms.Count(v => v.Verdict == CopyVerdict.Recovered);
        return string.Create(CultureInfo.InvariantCulture, $"{recovered}/{report.Vms.Count} copies recovered within RTO at {StatusText.Clean(report.DrSite)}");
    }

    /// <summary>What the marker means, in one sentence.</summary>
    public static string Meaning(IsolatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"copies of the production VMs started at {StatusText.Clean(report.DrSite)} on an isolated network; production was only snapshotted";
    }

    /// <summary>The cleanup command of the rehearsal.</summary>
    public static string Cleanup(IsolatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"acmdr rehearse --cleanup --id {StatusText.Clean(report.Id)}";
    }

    /// <summary>The line a kept rehearsal carries.</summary>
    public static string KeptLine(IsolatedReport report) => $"copies kept running: {Cleanup(report)} removes them";

    /// <summary>The line an interrupted rehearsal carries.</summary>
    public static string InterruptedLine(IsolatedReport report) => $"interrupted: the run was stopped before it finished; {Cleanup(report)} removes what was created";

    /// <summary>The leftovers' heading line, or that there are none.</summary>
    public static string LeftoversNone(IsolatedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Kept ? "none removed yet: the copies were kept" : "none: cleanup removed everything the rehearsal created";
    }
}
