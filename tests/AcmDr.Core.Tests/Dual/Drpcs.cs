using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Compliance;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Dual;

/// <summary>Hand-built DRPCs and dual workloads: erp (tier 1) and crm (tier 2) between east (home, Primary) and west.</summary>
internal static class Drpcs
{
    public const string Ns = "openshift-gitops";

    public static readonly Workload Erp0 = new("erp", 1, "erp", "erp-0", "local-cluster", 20, new DualWorkload("dr-erp", "east", "west", []));
    public static readonly Workload Erp1 = Erp0 with { Vm = "erp-1" };
    public static readonly Workload Crm0 = new("crm", 2, "crm", "crm-0", "local-cluster", 30, new DualWorkload("dr-crm", "east", "west", []));

    /// <summary>
    /// A DRPC finished at west (Relocated there) unless told otherwise, as Ramen writes it: it runs the app at
    /// <paramref name="failover"/> in phase FailedOver, else at <paramref name="preferred"/>; its conditions carry
    /// <paramref name="seen"/>, the generation Ramen saw when it wrote them (default: the current one).
    /// </summary>
    public static DrpcObservation Drpc(
        string app, int tier, string? action = "Relocate", string? preferred = "west", string? failover = null,
        string phase = "Relocated", string progression = "Completed", string available = "True", string? availableReason = null,
        string? target = "west", int? startedMinute = 2, int? tookSeconds = 300, int? syncedMinute = 1, string? peerReady = null,
        long? generation = 2, long? seen = null, int? availableSinceMinute = 7)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PolicyNames.ManagedByLabel] = PolicyNames.ManagedByValue,
            [PolicyNames.AppLabel] = app,
            [PolicyNames.TierLabel] = tier.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (target is not null)
        {
            annotations[PolicyNames.TargetClusterAnnotation] = target;
        }

        var observed = seen ?? generation;
        return new DrpcObservation(Ns, "dr-" + app, labels, annotations, action, preferred, failover, phase, progression,
            new DrpcCondition(available, availableSinceMinute is { } m ? At(m) : null, availableReason, availableReason is null ? null : "the VRG on west reports an error", observed),
            peerReady is null ? null : new DrpcCondition(peerReady, At(0), "NotReady", "east is unreachable", observed),
            generation,
            startedMinute is { } s ? At(s) : null, tookSeconds is { } t ? TimeSpan.FromSeconds(t) : null, syncedMinute is { } y ? At(y) : null);
    }

    public static ComplianceSummary Summarise(
        IReadOnlyList<Workload> workloads, IReadOnlyList<DrpcObservation> drpcs, string target = "DR", string? mode = "planned",
        bool switchRead = true, int nowMinute = 30) =>
        ComplianceSummariser.Summarise(new ComplianceObservation(workloads, target, Observations.Flip, [], [], At(nowMinute),
            Dual: new DualObservation(drpcs, Ns, "Primary", "local-cluster", mode, switchRead)));
}
