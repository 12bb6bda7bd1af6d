using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// Report's ground truth: where each VM's instance runs, and for a VM not Running at its target, the VM as
/// relocation reads it (<see cref="VmGroundTruth.State"/>), which tells why it did not move.
/// <para>
/// What is read: the nodes, then the scope's instances; and the VMs and migrations (which only explain)
/// of the namespaces holding a VM away from its target, never of the others, so a finished move costs no
/// more than where the instances run. Where the hub already says a VM has not moved, its namespace's VMs
/// and migrations are read alongside the instances; a VM the hub calls moved but the cluster does not has
/// its namespace read after them. A namespace that refuses those LISTs (say 403) keeps only where its VMs
/// run: reading them one by one would cost a request per VM for words only.
/// </para>
/// </summary>
public sealed partial class ClusterReader
{
    /// <summary>
    /// Where each of the <paramref name="workloads"/> of <paramref name="clusterName"/> runs: its
    /// instance's phase and node, and that node's site. A failed read is one user error (exit 3).
    /// </summary>
    public Task<IReadOnlyList<VmGroundTruth>> GroundTruthAsync(string clusterName, IEnumerable<Workload> workloads, CancellationToken cancel) =>
        GroundTruthAsync(clusterName, [.. workloads.Where(w => w.Cluster == clusterName).Select(w => new Asked(w.Namespace, w.Vm, null, false))], cancel);

    /// <summary>
    /// Where each VM of <paramref name="hubView"/> (the report from the hub alone: each VM's target and
    /// verdict) on <paramref name="clusterName"/> runs, and why one not at its target is not. A failed read
    /// is one user error (exit 3).
    /// </summary>
    public Task<IReadOnlyList<VmGroundTruth>> GroundTruthAsync(string clusterName, IReadOnlyList<VmCompliance> hubView, CancellationToken cancel) =>
        GroundTruthAsync(clusterName, [.. hubView.Where(v => v.Cluster == clusterName).Select(v => new Asked(v.Namespace, v.Vm, v.TargetSite, v.Verdict != MoveVerdict.Moved))], cancel);

    private async Task<IReadOnlyList<VmGroundTruth>> GroundTruthAsync(string clusterName, List<Asked> mine, CancellationToken cancel)
    {
        try
        {
            var early = Namespaces(mine.Where(a => a.Target is not null && a.HubSaysAway));
            var (snapshot, earlyRead) = await WhereAndWhyAsync(Namespaces(mine), early, cancel);
            var truth = new List<VmGroundTruth>(mine.Count);
            foreach (var a in mine)
            {
                var vm = new VmRef(a.Namespace, a.Vm);
                var instance = snapshot.Listed(a.Namespace) ? snapshot.Instance(vm) : await cluster.GetInstanceAsync(vm, cancel);
                var state = instance is null ? null : Instance(instance, snapshot);
                truth.Add(new VmGroundTruth(a.Namespace, a.Vm, clusterName, state?.Phase, state?.NodeName, NodeOf(snapshot, state?.NodeName)?.Site));
            }

            var away = Enumerable.Range(0, mine.Count).Where(i => mine[i].Target is { } target && !truth[i].RunsAt(target)).ToList();
            if (away.Count == 0)
            {
                return truth;
            }

            var awayNamespaces = Namespaces(away.Select(i => mine[i]));
            // A cluster-wide reading alongside the instances already holds every namespace's VMs and migrations.
            var readEarly = early.Count > 0 && ListsClusterWide(early.Count, VirtualMachines, Migrations) ? awayNamespaces : early;
            var late = awayNamespaces.Except(readEarly, StringComparer.Ordinal).ToList();
            var lateRead = late.Count > 0 ? await SnapshotAsync(late, SnapshotParts.WhyNotMoved, cancel) : Empty(snapshot);
            var explained = readEarly.Where(earlyRead.Listed).Concat(late.Where(lateRead.Listed)).ToHashSet(StringComparer.Ordinal);
            var detail = snapshot.With(earlyRead).With(lateRead);
            foreach (var i in away)
            {
                var vm = new VmRef(mine[i].Namespace, mine[i].Vm);
                var state = explained.Contains(vm.Namespace) ? await WhyAsync(detail, vm, cancel) : null;
                truth[i] = truth[i] with { State = state, NodeState = NodeOf(snapshot, truth[i].Node) };
            }

            return truth;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "nodes and virtualmachineinstances", cluster.Server);
        }
    }

    /// <summary>
    /// The nodes first (one small request: a cluster that is gone fails there, its retries noted once), then
    /// the instances of <paramref name="scope"/> side by side with the VMs and migrations of <paramref name="early"/>;
    /// the first failure stops the other reading.
    /// </summary>
    private async Task<(ScopeSnapshot Where, ScopeSnapshot Why)> WhereAndWhyAsync(List<string> scope, List<string> early, CancellationToken cancel)
    {
        var nodes = new ScopeSnapshot(await NodesAsync(cancel), [], [], [], []);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var instances = SnapshotAsync(scope, SnapshotParts.Instances, failed.Token);
        var why = early.Count > 0 ? SnapshotAsync(early, SnapshotParts.WhyNotMoved, failed.Token) : Task.FromResult(Empty(nodes));
        if (await Task.WhenAny(instances, why) is { IsFaulted: true })
        {
            await failed.CancelAsync();
        }

        await Task.WhenAll(instances, why);
        return (nodes.With(await instances), await why);
    }

    private static ScopeSnapshot Empty(ScopeSnapshot of) => new(of.Nodes, [], [], [], []);

    private static List<string> Namespaces(IEnumerable<Asked> asked) => [.. asked.Select(a => a.Namespace).Distinct(StringComparer.Ordinal)];

    private static NodeState? NodeOf(ScopeSnapshot snapshot, string? name) =>
        name is not null && snapshot.Nodes.TryGetValue(name, out var node) ? node : null;

    /// <summary>The VM's state to explain it, or null when it may not be read (the report then says only where it runs).</summary>
    private async Task<VmState?> WhyAsync(ScopeSnapshot snapshot, VmRef vm, CancellationToken cancel)
    {
        try
        {
            return await VmStateAsync(snapshot, vm, cancel);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return null;
        }
    }

    /// <param name="Target">Its target site; null: where it runs is all that is asked.</param>
    /// <param name="HubSaysAway">The hub does not say it moved, so why is likely asked.</param>
    private sealed record Asked(string Namespace, string Vm, string? Target, bool HubSaysAway);
}
