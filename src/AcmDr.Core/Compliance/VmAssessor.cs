using System.Globalization;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Compliance;

/// <summary>Decides one VM's verdict from its policy's status and, when known, where it runs.</summary>
internal sealed class VmAssessor(ComplianceObservation observation)
{
    private readonly HashSet<string> appsSpanningClusters = observation.Workloads
        .GroupBy(w => w.App, StringComparer.Ordinal)
        .Where(g => g.Select(w => w.Cluster).Distinct(StringComparer.Ordinal).Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);

    private readonly int[] tiers = observation.Workloads.Select(w => w.Tier).Distinct().Order().ToArray();

    // Indexed once by every name PolicyObservation.IsFor accepts ("dr-web" for "acmdr.dr-web"): a scan
    // per VM is quadratic on plans of thousands of policies.
    private readonly ILookup<(string Cluster, string Name), PolicyObservation> byName = observation.Policies
        .SelectMany(p => NamesOf(p.Policy).Select(name => (Key: (p.Cluster, name), Policy: p)))
        .ToLookup(x => x.Key, x => x.Policy);

    // The first reading per VM, as a scan would find it: looked up once per VM, not scanned.
    private readonly Dictionary<(string Namespace, string Vm, string Cluster), VmGroundTruth> groundTruth = observation.GroundTruth
        .GroupBy(t => (t.Namespace, t.Vm, t.Cluster))
        .ToDictionary(g => g.Key, g => g.First());

    public VmCompliance Assess(Workload vm)
    {
        var policy = PolicyNames.Policy(vm.App, vm.Cluster, appsSpanningClusters.Contains(vm.App));
        var status = StatusOf(policy, vm.Cluster);
        var target = observation.TargetOf(vm);

        var spec = VmReading.Latest(status?.Site, VmReading.VmKinds, vm, observation.FlipAt);
        var running = status is null
            ? new VmReading(ComplianceState.Unknown, $"policy {policy} has no status for cluster {vm.Cluster}")
            : RunningReading(status, vm);
        var verdict = VerdictOf(running.State);
        var reason = verdict switch
        {
            MoveVerdict.Waiting => WaitingReason(vm, running.Reason),
            // The hub says only that it does not run there; the managed cluster says why.
            MoveVerdict.NotMoved => $"not running at {StatusText.Clean(target)}: {running.Reason} (--managed-kubeconfig tells why and what next)",
            _ => running.Reason,
        };

        if (groundTruth.TryGetValue((vm.Namespace, vm.Vm, vm.Cluster), out var truth))
        {
            var runsThere = truth.RunsAt(target);
            running = new VmReading(runsThere ? ComplianceState.Compliant : ComplianceState.NonCompliant, running.Reason);
            verdict = runsThere ? MoveVerdict.Moved : MoveVerdict.NotMoved;
            reason = runsThere ? Describe(truth, target) : NotMovedReason.Of(truth, target, observation.SiteLabel) ?? Describe(truth, target);
        }

        var since = verdict == MoveVerdict.Moved ? MovedSince(status?.Running, vm) : null;
        return new VmCompliance(vm.App, vm.Tier, vm.Namespace, vm.Vm, vm.Cluster, target,
            spec.State, running.State, verdict, since, reason);
    }

    private PolicyObservation? StatusOf(string policy, string cluster) =>
        byName[(cluster, policy)].FirstOrDefault();

    private static IEnumerable<string> NamesOf(string policy)
    {
        yield return policy;
        for (var dot = policy.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = policy.IndexOf('.', dot + 1))
        {
            yield return policy[(dot + 1)..];
        }
    }

    private VmReading RunningReading(PolicyObservation status, Workload vm)
    {
        if (status.Running is null && status.ClusterCompliance == ComplianceState.Pending)
        {
            return new VmReading(ComplianceState.Pending, $"policy {status.Policy} is Pending on {status.Cluster}");
        }

        return VmReading.Latest(status.Running, VmReading.InstanceKinds, vm, observation.FlipAt);
    }

    /// <summary>The oldest entry of the newest unbroken run of entries saying the VM runs there.</summary>
    private DateTimeOffset? MovedSince(TemplateObservation? running, Workload vm)
    {
        DateTimeOffset? since = null;
        foreach (var entry in VmReading.NewestFirst(running?.History ?? []))
        {
            var afterFlip = observation.FlipAt is not { } flip || entry.At is not { } at || at >= flip;
            if (!afterFlip || VmReading.Of(entry.Parsed, VmReading.InstanceKinds, vm).State != ComplianceState.Compliant)
            {
                break;
            }

            since = entry.At ?? since;
        }

        return since;
    }

    private string WaitingReason(Workload vm, string detail)
    {
        var index = Array.IndexOf(tiers, vm.Tier);
        return index > 0
            ? string.Create(CultureInfo.InvariantCulture, $"waiting for tier {tiers[index - 1]}: {detail}")
            : "waiting: " + detail;
    }

    private static string Describe(VmGroundTruth truth, string target)
    {
        var phase = StatusText.Clean(truth.Phase ?? "no instance");
        var node = StatusText.Clean(truth.Node ?? "no node");
        var site = StatusText.Clean(truth.NodeSite ?? "no site");
        return $"instance {phase} on node {node} at site {site} (target {StatusText.Clean(target)})";
    }

    private static MoveVerdict VerdictOf(ComplianceState state) => state switch
    {
        ComplianceState.Compliant => MoveVerdict.Moved,
        ComplianceState.NonCompliant => MoveVerdict.NotMoved,
        ComplianceState.Pending => MoveVerdict.Waiting,
        _ => MoveVerdict.Unknown,
    };

    /// <summary>When the VM's placement at its target was first seen since the flip (see <see cref="MoveStart"/>).</summary>
    internal DateTimeOffset? StartedMoving(Workload vm) =>
        MoveStart.Of(StatusOf(PolicyNames.Policy(vm.App, vm.Cluster, appsSpanningClusters.Contains(vm.App)), vm.Cluster)?.Site, vm, observation.FlipAt);
}
