using AcmDr.Core.Dual;

namespace AcmDr.Core.Compliance;

/// <summary>Turns what the hub reports into which VMs moved, per VM, per tier and overall.</summary>
public static class ComplianceSummariser
{
    public static ComplianceSummary Summarise(ComplianceObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);

        var assessor = new VmAssessor(observation);
        // A dual app's VMs are told by its DRPC, never by its policy on the hub cluster.
        var dual = observation.Workloads.Any(w => w.Dual is not null)
            ? new DualAssessor(observation, observation.Dual ?? NoDrpcs(observation))
            : null;
        var vms = observation.Workloads
            .OrderBy(w => w.Tier)
            .ThenBy(w => w.App, StringComparer.Ordinal)
            .ThenBy(w => w.Cluster, StringComparer.Ordinal)
            .ThenBy(w => w.Namespace, StringComparer.Ordinal)
            .ThenBy(w => w.Vm, StringComparer.Ordinal)
            .Select(w => dual is not null && w.Dual is not null ? dual.Assess(w) : assessor.Assess(w) with { StartedAt = assessor.StartedMoving(w) })
            .ToList();

        var rtoByTier = observation.Workloads
            .GroupBy(w => w.Tier)
            .ToDictionary(g => g.Key, g => g.Max(w => w.RtoMinutes));
        var tiers = vms
            .GroupBy(v => v.Tier)
            .Select(g => TierProgress.Of(g.Key, g.ToList(), rtoByTier[g.Key], observation.FlipAt, observation.Now))
            .ToList();

        return new ComplianceSummary(observation.TargetSite, observation.FlipAt, observation.Now, vms, tiers,
            vms.Count(v => v.Verdict == MoveVerdict.Moved), vms.Count, TierProgress.Aggregate(vms), dual?.Apps());
    }

    private static DualObservation NoDrpcs(ComplianceObservation observation) =>
        new([], Settings.DualSettings.Default.Namespace, Settings.DrSettings.Default.HomeSite, Settings.DualSettings.Default.HubCluster, null, false);
}
