using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using AcmDr.Core.Flip;
using AcmDr.Core.Manifests;

namespace AcmDr.Core.Reporting;

/// <summary>A report's summary and what the reader should be warned of.</summary>
public sealed record ReportAssembly(ComplianceSummary Summary, IReadOnlyList<string> Warnings);

/// <summary>Puts scope, what the hub said, the flips and ground truth together and summarises them.</summary>
public static class ReportAssembler
{
    /// <param name="scope">What the user asked about.</param>
    /// <param name="snapshot">The policies and the switch as read.</param>
    /// <param name="flips">The switch's flip trail, newest first.</param>
    /// <param name="groundTruth">Where instances were seen running on the managed clusters.</param>
    /// <param name="now">The time of the reading.</param>
    public static ReportAssembly Assemble(
        ReportScope scope, HubSnapshot snapshot, IReadOnlyList<FlipHistoryEntry> flips,
        IReadOnlyList<VmGroundTruth> groundTruth, DateTimeOffset now)
    {
        var warnings = new List<string>();
        var resolved = TargetSites.Resolved(scope, snapshot, warnings);
        var target = TargetSites.Global(scope, snapshot.Switch, flips, resolved);
        var overrides = TargetSites.Overrides(scope, snapshot.Switch, warnings) ?? resolved;
        if (resolved is not null)
        {
            warnings.Add(TargetSites.FromReplicated);
        }
        var workloads = scope.InventoryWorkloads;
        if (workloads is null)
        {
            var (fromPolicies, problems) = PolicyObservations.Workloads(snapshot, scope.HubNamespace);
            workloads = fromPolicies;
            warnings.AddRange(problems);
            warnings.Add(Unbounded);
        }

        var inScope = workloads.Where(scope.Includes).ToList();
        if (inScope.Count == 0)
        {
            warnings.Add(snapshot.Policies.Count == 0
                ? $"no acmdr policies found (label app.kubernetes.io/managed-by=acmdr, hub namespace {scope.HubNamespace}): nothing in scope"
                : "no VM in scope");
        }

        var observation = new ComplianceObservation(inScope, target, TargetSites.FlipAt(scope, flips, target),
            PolicyObservations.From(snapshot, scope.HubNamespace), groundTruth, now, overrides, scope.Settings.SiteLabel,
            DualOf(scope, snapshot, inScope));
        var summary = ComplianceSummariser.Summarise(observation);
        // Without an inventory the VMs are those the hub's policies name: a policy that is missing cannot be
        // seen, so "everything moved" cannot be claimed.
        if (scope.InventoryWorkloads is null && summary.Verdict == MoveVerdict.Moved)
        {
            summary = summary with { Verdict = MoveVerdict.Unknown };
        }

        return new ReportAssembly(summary, warnings);
    }

    /// <summary>The DRPCs and dual settings when a dual-cluster app is in scope; null otherwise.</summary>
    private static DualObservation? DualOf(ReportScope scope, HubSnapshot snapshot, IReadOnlyList<Workload> inScope)
    {
        if (!inScope.Any(w => w.Dual is not null))
        {
            return null;
        }

        var dual = scope.Settings.Dual;
        string? mode = null;
        snapshot.Switch?.Data.TryGetValue(SwitchManifest.ModeKey, out mode);
        // With --to the switch's site is not used, but its mode still decides what the dual templates do.
        return new DualObservation(snapshot.Drpcs, dual.Namespace, scope.Settings.HomeSite, dual.HubCluster, mode, snapshot.Switch is not null);
    }

    /// <summary>The warning of a report without an inventory.</summary>
    public const string Unbounded =
        "no inventory: the VMs are those the policies found name, so a VM whose policy is missing cannot be seen and this report cannot say that everything moved; give -i FILE";

    /// <summary>A report's exit code: 0 when every VM in scope moved, 1 otherwise (an empty scope proves nothing, so 1).</summary>
    public static int ExitCodeOf(ComplianceSummary summary) =>
        summary.Total > 0 && summary.Verdict == MoveVerdict.Moved ? ExitCodes.Success : ExitCodes.Difference;
}
