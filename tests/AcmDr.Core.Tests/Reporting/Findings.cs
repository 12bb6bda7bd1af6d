using AcmDr.Core.Compliance;

namespace AcmDr.Core.Tests.Reporting;

/// <summary>Hand-made verdicts and tiers for the executive summary's rules.</summary>
internal static class Findings
{
    public static readonly DateTimeOffset FlipTime = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minutes) => FlipTime.AddMinutes(minutes);

    public static VmCompliance Vm(
        string vm, MoveVerdict verdict, string reason, int tier = 1, string app = "db",
        ComplianceState spec = ComplianceState.Compliant, int? since = null, int? started = null) =>
        new(app, tier, "finance", vm, "stretch-1", "DR", spec,
            verdict == MoveVerdict.Moved ? ComplianceState.Compliant : ComplianceState.NonCompliant,
            verdict, since is { } s ? At(s) : null, reason, started is { } b ? At(b) : null);

    public static TierCompliance Tier(int tier, MoveVerdict verdict, RtoStatus rto = RtoStatus.Pending, int? took = null, int moved = 0, int total = 1) =>
        new(tier, moved, total, verdict, took is { } t ? TimeSpan.FromMinutes(t) : null, 15 * tier, rto);
}
