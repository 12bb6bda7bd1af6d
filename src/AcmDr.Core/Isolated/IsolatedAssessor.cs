using System.Globalization;
using AcmDr.Core.Text;

namespace AcmDr.Core.Isolated;

/// <summary>Turns the run's timelines into the report: verdicts, reasons, per-tier times against RTO.</summary>
public static class IsolatedAssessor
{
    /// <summary>The reason of a copy the run never started.</summary>
    public const string NotStartedReason = "not started: the run was interrupted";

    /// <summary>
    /// The report: one result per timeline (lowest tier first, the run's order within a tier) and one per
    /// tier. A tier's time runs from the start of the whole run to its last verified copy, since tiers
    /// start one after another as a real recovery would.
    /// </summary>
    public static IsolatedReport Assess(
        IsolatedOptions options, DateTimeOffset startedAt, DateTimeOffset endedAt, IReadOnlyList<VmTimeline> vms,
        IReadOnlyList<string> leftovers, bool kept, bool interrupted)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vms);
        ArgumentNullException.ThrowIfNull(leftovers);
        var ordered = vms.OrderBy(v => v.Vm.Tier).ToList();
        var results = ordered.Select(v => Result(v, interrupted)).ToList();
        var tiers = ordered.GroupBy(v => v.Vm.Tier).Select(t => Tier(t.Key, [.. t], startedAt)).ToList();
        return new IsolatedReport(options.Id, options.Cluster, options.DrSite, startedAt, endedAt, results, tiers, [.. leftovers], kept, interrupted);
    }

    /// <summary>One copy's verdict, reason and step times.</summary>
    public static IsolatedVmResult Result(VmTimeline vm, bool interrupted)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var took = Between(vm.SnapshotStarted, vm.Verified);
        var (verdict, reason) = Verdict(vm, took, interrupted);
        return new IsolatedVmResult(
            vm.Vm,
            verdict,
            reason,
            Between(vm.SnapshotStarted, vm.SnapshotReady),
            Between(vm.SnapshotReady, vm.CopyReady),
            Between(vm.BootStarted, vm.Verified),
            took,
            vm.Consistency,
            vm.RtoMinutes,
            vm.Node);
    }

    /// <summary>The step a copy had reached: boot once created, copy once its snapshot was ready, else snapshot.</summary>
    public static CopyStep StepReached(VmTimeline vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.BootStarted is not null ? CopyStep.Boot
            : vm.SnapshotReady is not null ? CopyStep.Copy
            : CopyStep.Snapshot;
    }

    /// <summary>A step's name in a reason: snapshot, copy, boot.</summary>
    public static string StepName(CopyStep step) => step switch
    {
        CopyStep.Snapshot => "snapshot",
        CopyStep.Copy => "copy",
        _ => "boot",
    };

    private static (CopyVerdict Verdict, string Reason) Verdict(VmTimeline vm, TimeSpan? took, bool interrupted)
    {
        if (vm.Verified is not null && vm.Failure is null && vm.FailedAt is null)
        {
            var at = took is { } t ? "verified in " + DurationGrammar.Format(t) : "verified";
            if (vm.RtoMinutes is not { } rto)
            {
                return (CopyVerdict.Recovered, at + " (no RTO)");
            }

            var within = took is not { } spent || spent <= TimeSpan.FromMinutes(rto);
            var rtoText = "RTO " + rto.ToString(CultureInfo.InvariantCulture) + "m";
            return within
                ? (CopyVerdict.Recovered, $"{at}, within {rtoText}")
                : (CopyVerdict.Late, $"{at}, over {rtoText}");
        }

        if (vm.Failure is not null || vm.FailedAt is not null)
        {
            var step = StepName(vm.FailedAt ?? StepReached(vm));
            return (CopyVerdict.Failed, $"{step}: {vm.Failure ?? "failed"}");
        }

        if (vm.SnapshotStarted is null)
        {
            return (CopyVerdict.NotStarted, NotStartedReason);
        }

        return (CopyVerdict.Failed, $"{StepName(StepReached(vm))}: {(interrupted ? "the run was interrupted" : "not verified")}");
    }

    private static IsolatedTierResult Tier(int tier, IReadOnlyList<VmTimeline> vms, DateTimeOffset startedAt)
    {
        var verified = vms.Count(v => v.Verified is not null && v.Failure is null && v.FailedAt is null);
        TimeSpan? took = verified == vms.Count ? vms.Max(v => v.Verified!.Value) - startedAt : null;
        var rtos = vms.Where(v => v.RtoMinutes is not null).Select(v => v.RtoMinutes!.Value).ToList();
        int? rto = rtos.Count > 0 ? rtos.Min() : null;
        bool? met = took is { } t && rto is { } r ? t <= TimeSpan.FromMinutes(r) : null;
        return new IsolatedTierResult(tier, verified, vms.Count, took, rto, met);
    }

    private static TimeSpan? Between(DateTimeOffset? from, DateTimeOffset? to) => from is { } f && to is { } t ? t - f : null;
}
