using AcmDr.Core.Compliance;

namespace AcmDr.Core.Dual;

/// <summary>
/// Decides the verdict of a dual-cluster app's VMs from its DRPlacementControl (issue 13's "Report verdicts"): moved
/// when it finished at the target cluster, not moved when it targets it but has not finished (or nothing changed it),
/// waiting while an app it waits for (the previous dual tier, its depends_on) has not finished, unknown without it.
/// Its policy on the hub cluster is never read as a stretched app's.
/// </summary>
public sealed class DualAssessor
{
    private readonly ComplianceObservation observation;
    private readonly DualObservation dual;
    private readonly Dictionary<string, DrpcObservation> byName;
    private readonly Dictionary<string, DrpcObservation> byApp;
    private readonly Dictionary<string, Workload> dualApps;
    private readonly int[] dualTiers;
    private readonly Dictionary<string, DualDecision> decided = new(StringComparer.Ordinal);

    public DualAssessor(ComplianceObservation observation, DualObservation dual)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(dual);
        this.observation = observation;
        this.dual = dual;
        var ours = dual.Drpcs.Where(d => d.Namespace == dual.Namespace).ToList();
        byName = ours.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        byApp = ours.Where(d => d.App is not null).GroupBy(d => d.App!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        dualApps = observation.Workloads.Where(w => w.Dual is not null)
            .GroupBy(w => w.App, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        dualTiers = dualApps.Values.Select(w => w.Tier).Concat(ours.Select(d => d.Tier).OfType<int>()).Distinct().Order().ToArray();
    }

    /// <summary>The verdict of one VM of a dual app (<see cref="Workload.Dual"/> set).</summary>
    public VmCompliance Assess(Workload vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var decision = Decide(vm);
        return new VmCompliance(vm.App, vm.Tier, vm.Namespace, vm.Vm, decision.Cluster ?? vm.Cluster, decision.Reading.TargetSite,
            decision.Spec, StateOf(decision.Reading.Verdict), decision.Reading.Verdict, decision.Since, decision.Reason, decision.StartedAt);
    }

    /// <summary>Each dual app of the observation once, by tier and name.</summary>
    public IReadOnlyList<DualAppReading> Apps() =>
        dualApps.Values.OrderBy(w => w.Tier).ThenBy(w => w.App, StringComparer.Ordinal).Select(w => Decide(w).Reading).ToList();

    private DualDecision Decide(Workload vm)
    {
        if (decided.TryGetValue(vm.App, out var known))
        {
            return known;
        }

        var decision = DecideOnce(vm);
        decided[vm.App] = decision;
        return decision;
    }

    private DualDecision DecideOnce(Workload vm)
    {
        var plan = vm.Dual!;
        var site = observation.TargetOf(vm);
        var drpc = Find(vm.App, plan.Drpc);
        var cluster = plan.ClusterAt(site, dual.HomeSite) ?? drpc?.TargetClusterAnnotation;
        var name = $"{StatusText.Clean(dual.Namespace)}/{StatusText.Clean(plan.Drpc)}";
        var policy = StatusText.Clean(plan.Drpc);
        var hub = StatusText.Clean(dual.HubCluster);
        // The spec column's analogue: whether the DRPC already sends the app to its target.
        var spec = drpc is null || cluster is null ? ComplianceState.Unknown
            : drpc.IsFinishedAt(cluster) || drpc.Targets(cluster) ? ComplianceState.Compliant : ComplianceState.NonCompliant;
        DualDecision Of(MoveVerdict verdict, string reason, DateTimeOffset? since = null, DateTimeOffset? started = null) =>
            new(Reading(vm, plan, site, cluster, drpc, verdict), cluster, reason, since, started, verdict == MoveVerdict.Waiting ? ComplianceState.Pending : spec);

        if (drpc is null)
        {
            return Of(MoveVerdict.Unknown,
                $"no DRPlacementControl {name} on the hub; next: check that policy {policy} on {hub} is compliant (its -drpc template creates it) and that generate's output is applied");
        }

        if (cluster is null)
        {
            return Of(MoveVerdict.Unknown,
                $"without the inventory the clusters of dual app {StatusText.Clean(vm.App)} are not known and DRPC {name} names no {Planning.PolicyNames.TargetClusterAnnotation}; next: give -i FILE");
        }

        var started = AfterFlip(drpc.ActionStartTime);
        if (drpc.IsFinishedAt(cluster))
        {
            var since = drpc.ActionStartTime is { } start && drpc.ActionDuration is { } took ? start + took : drpc.Available?.LastTransitionTime;
            // Already there before the flip: it arrived, as far as this move goes, when the flip was made.
            if (since is { } at && observation.FlipAt is { } flip && at < flip)
            {
                since = flip;
            }

            return Of(MoveVerdict.Moved, DualReasons.Finished(drpc, name, cluster, plan.Other(cluster) ?? drpc.OtherThan(cluster)), since, started);
        }

        var other = plan.Other(cluster) ?? drpc.OtherThan(cluster);
        if (drpc.Targets(cluster))
        {
            return Of(MoveVerdict.NotMoved, DualReasons.NotFinished(drpc, name, cluster, other), started: started);
        }

        var waitingFor = WaitingFor(vm);
        if (waitingFor.Count > 0)
        {
            return Of(MoveVerdict.Waiting, DualReasons.Waiting(waitingFor));
        }

        return Of(MoveVerdict.NotMoved, DualReasons.Unchanged(drpc, name, cluster, policy, hub, dual));
    }

    /// <summary>The apps (with their DRPC's words) that must finish before this app's DRPC changes: the previous dual tier and its depends_on.</summary>
    private List<string> WaitingFor(Workload vm)
    {
        var index = Array.IndexOf(dualTiers, vm.Tier);
        var group = new SortedSet<string>(vm.Dual!.DependsOn, StringComparer.Ordinal);
        if (index > 0)
        {
            var previous = dualTiers[index - 1];
            group.UnionWith(dualApps.Values.Where(w => w.Tier == previous).Select(w => w.App));
            group.UnionWith(byApp.Values.Where(d => d.Tier == previous).Select(d => d.App!));
        }

        var waiting = new List<string>();
        foreach (var app in group)
        {
            var drpc = Find(app, Planning.PolicyNames.DualResource(app));
            var target = dualApps.TryGetValue(app, out var w) ? w.Dual!.ClusterAt(observation.TargetOf(w), dual.HomeSite) : null;
            target ??= drpc?.TargetClusterAnnotation;
            if (drpc is null || target is null || !drpc.IsFinishedAt(target))
            {
                waiting.Add(drpc is null ? $"{app} (no DRPC)" : $"{app} ({DualReasons.State(drpc)})");
            }
        }

        return waiting;
    }

    private DrpcObservation? Find(string app, string name) =>
        byName.TryGetValue(name, out var drpc) ? drpc : byApp.GetValueOrDefault(app);

    private DateTimeOffset? AfterFlip(DateTimeOffset? at) =>
        at is { } time && observation.FlipAt is { } flip && time < flip ? null : at;

    private DualAppReading Reading(Workload vm, DualWorkload plan, string site, string? cluster, DrpcObservation? drpc, MoveVerdict verdict)
    {
        TimeSpan? window = null;
        var atAction = false;
        if (drpc?.LastGroupSyncTime is { } synced)
        {
            atAction = drpc.Action == DrpcStates.FailoverAction && drpc.ActionStartTime is not null;
            var end = atAction ? drpc.ActionStartTime!.Value : observation.Now;
            window = end > synced ? end - synced : TimeSpan.Zero;
        }

        return new DualAppReading(vm.App, vm.Tier, $"{dual.Namespace}/{plan.Drpc}", site, cluster, verdict, drpc is not null,
            drpc?.Action, drpc?.Phase, drpc?.Progression, drpc?.RunsAt,
            drpc?.ActionStartTime, drpc?.ActionDuration, drpc?.LastGroupSyncTime, window, atAction);
    }

    private static ComplianceState StateOf(MoveVerdict verdict) => verdict switch
    {
        MoveVerdict.Moved => ComplianceState.Compliant,
        MoveVerdict.NotMoved => ComplianceState.NonCompliant,
        MoveVerdict.Waiting => ComplianceState.Pending,
        _ => ComplianceState.Unknown,
    };

    private sealed record DualDecision(DualAppReading Reading, string? Cluster, string Reason, DateTimeOffset? Since, DateTimeOffset? StartedAt, ComplianceState Spec);
}
