using System.Runtime.ExceptionServices;
using AcmDr.Cli.Cluster;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>
/// Moves the running VMs of the scope to the target site, tier by tier, with at most
/// <see cref="RelocationLimits.MaxParallel"/> moves in flight; the migrations and restarts a round
/// decides on are started together. Each round reads one <see cref="ScopeSnapshot"/> of the tier's
/// namespaces (nodes, migrations, VMs, instances: O(namespaces) paged LISTs, however many VMs) and
/// decides every VM from it. Polled, not watched: a decision needs the four kinds as they were at one
/// moment, which watches of each would have to stitch together (and relist after a dropped watch or an
/// expired resourceVersion anyway); a poll survives a dropped connection and a re-run the same way, and
/// its cost per round does not grow with VMs.
/// Every round decides again from what the cluster says, so a re-run continues where the last stopped,
/// and a round that failed on a transient error is run again under the cluster's retry policy.
/// Waits and the timeout run on that policy's clock.
/// </summary>
public sealed class Relocation(IManagedCluster cluster, IRelocationProgress progress, RelocationLimits limits)
{
    private readonly ClusterReader reader = new(cluster, limits.SiteLabel);

    private sealed record Move(ScopedVm Vm, string? Migration, string? RestartedUid);

    /// <summary>A migration or restart a round decided on; <see cref="Was"/>: the move in flight it follows (null: a VM not started yet).</summary>
    private sealed record Start(ScopedVm Vm, MoveStep Step, VmState State, Move? Was);

    /// <summary>
    /// VMs whose migration or restart call failed in transit, with which: it may have been done, its
    /// answer lost, and the VM found at the site on the next read is then counted moved, not skipped.
    /// </summary>
    private readonly Dictionary<string, MoveKind> movesInDoubt = new(StringComparer.Ordinal);

    private TimeProvider Clock => cluster.Retry.Clock;

    public async Task<IReadOnlyList<VmResult>> RunAsync(IReadOnlyList<ScopedVm> scope, CancellationToken cancel)
    {
        var deadline = Clock.GetUtcNow() + limits.Timeout;
        var results = new List<VmResult>();
        foreach (var tier in ManagedScope.ByTier(scope))
        {
            progress.TierStarted(tier.Key, tier.Count());
            var pending = new List<ScopedVm>(tier);
            var active = new List<Move>();
            while (pending.Count > 0 || active.Count > 0)
            {
                if (Clock.GetUtcNow() > deadline)
                {
                    foreach (var vm in active.Select(m => m.Vm).Concat(pending))
                    {
                        Finish(results, vm, RelocationOutcome.Failed, $"timed out after {limits.Timeout}: not at the site yet");
                    }

                    break;
                }

                // A round decides again from what the cluster says, so it is safe to repeat: a migration
                // whose creation answer was lost is then seen in flight and waited on, not created twice.
                await cluster.Retry.RunAsync("relocation round", async () =>
                {
                    await RoundAsync(pending, active, results, cancel);
                    return true;
                }, cancel);
                if (active.Count > 0)
                {
                    await Task.Delay(limits.PollInterval, Clock, cancel);
                }
            }
        }

        return results;
    }

    /// <summary>One round: one reading, the moves in flight checked, new ones up to the limit, then their writes together.</summary>
    private async Task RoundAsync(List<ScopedVm> pending, List<Move> active, List<VmResult> results, CancellationToken cancel)
    {
        var namespaces = active.Select(m => m.Vm.Vm.Namespace).Concat(pending.Select(v => v.Vm.Namespace));
        var snapshot = await reader.SnapshotAsync(namespaces, SnapshotParts.Relocation, cancel);
        var starts = new List<Start>();
        try
        {
            foreach (var move in active.ToList())
            {
                var next = await CheckAsync(move, snapshot, starts, results, cancel);
                active.Remove(move);
                if (next is not null)
                {
                    active.Add(next);
                }
            }

            while (active.Count + starts.Count < limits.MaxParallel && pending.Count > 0)
            {
                // Taken off the list only once decided, so a failed read leaves the VM for the round run again.
                var vm = pending[0];
                var state = await reader.VmStateAsync(snapshot, vm.Vm, cancel);
                pending.RemoveAt(0);
                if (Plan(vm, state, MoveDecision.Decide(state, snapshot.Nodes, limits.Site, limits.SiteLabel), null, starts, results) is { } waiting)
                {
                    active.Add(waiting);
                }
            }
        }
        catch
        {
            PutBack(starts, pending, active);
            throw;
        }

        await StartAllAsync(starts, pending, active, cancel);
    }

    /// <summary>Writes decided on but not sent: each VM back where it was, in flight or not started yet.</summary>
    private static void PutBack(IEnumerable<Start> starts, List<ScopedVm> pending, List<Move> active)
    {
        var unstarted = new List<ScopedVm>();
        foreach (var start in starts)
        {
            if (start.Was is { } was)
            {
                active.Add(was);
            }
            else
            {
                unstarted.Add(start.Vm);
            }
        }

        pending.InsertRange(0, unstarted);
    }

    /// <summary>
    /// Sends the round's writes together, then takes their answers in the order they were decided.
    /// One that failed leaves its VM where it was (not started yet, or its earlier move), for the round
    /// to be run again; those that went through are in flight.
    /// </summary>
    private async Task StartAllAsync(List<Start> starts, List<ScopedVm> pending, List<Move> active, CancellationToken cancel)
    {
        var answers = await Task.WhenAll(starts.Select(s => WriteAsync(s, cancel)));
        var failed = new List<Start>();
        Exception? first = null;
        foreach (var (start, (move, note, error)) in starts.Zip(answers))
        {
            if (move is not null)
            {
                progress.Note(start.Vm, note!);
                active.Add(move);
                continue;
            }

            first ??= error;
            failed.Add(start);
            if (Hub.KubeErrors.IsTransient(error!))
            {
                // What the cluster says on the next round tells whether it happened.
                movesInDoubt[start.Vm.Vm.ToString()] = start.Step.Kind;
            }
        }

        PutBack(failed, pending, active);
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    private async Task<(Move? Move, string? Note, Exception? Error)> WriteAsync(Start start, CancellationToken cancel)
    {
        var vm = start.Vm;
        try
        {
            if (start.Step.Kind == MoveKind.Migrate)
            {
                var created = await cluster.CreateMigrationAsync(vm.Vm.Namespace, MigrationStatus.New(vm.Vm.Namespace, vm.Vm.Name), cancel);
                var name = KubeJson.Text(created["metadata"]?["name"]);
                return (new Move(vm, name, null), $"{start.Step.Reason}: migration {name}", null);
            }

            await cluster.RestartAsync(vm.Vm, cancel);
            return (new Move(vm, null, start.State.Instance!.Uid), start.Step.Reason, null);
        }
#pragma warning disable CA1031 // Every failure is rethrown by StartAllAsync once the other writes of the round have ended.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, null, ex);
        }
    }

    /// <summary>
    /// What the VM needs now: a move to wait on (returned), a write (added to <paramref name="starts"/>),
    /// or nothing more (its result recorded); null unless waiting.
    /// </summary>
    private Move? Plan(ScopedVm vm, VmState state, MoveStep step, Move? was, List<Start> starts, List<VmResult> results)
    {
        switch (step.Kind)
        {
            case MoveKind.AtSite when movesInDoubt.TryGetValue(vm.Vm.ToString(), out var lost):
                // Our move went through after all, and the VM arrived at the site before this read.
                Finish(results, vm, RelocationOutcome.Moved, lost == MoveKind.Restart
                    ? $"restarted on {state.Instance!.NodeName} (the restart's answer was lost)"
                    : $"migrated to node {state.Instance!.NodeName} (the migration's answer was lost)");
                return null;
            case MoveKind.AtSite or MoveKind.Stopped:
                Finish(results, vm, RelocationOutcome.Skipped, step.Reason);
                return null;
            case MoveKind.Missing or MoveKind.SelectorElsewhere or MoveKind.Stuck:
                Finish(results, vm, RelocationOutcome.Failed, step.Reason);
                return null;
            case MoveKind.InFlight:
                progress.Note(vm, $"waiting: {step.Reason}");
                return new Move(vm, state.MigrationInFlight, null);
            default:
                starts.Add(new Start(vm, step, state, was));
                return null;
        }
    }

    /// <summary>Reads how a move goes from the round's reading; the same move (or the one it now needs) while it goes on, null once it ended or needs a write.</summary>
    private async Task<Move?> CheckAsync(Move move, ScopeSnapshot snapshot, List<Start> starts, List<VmResult> results, CancellationToken cancel)
    {
        var vm = move.Vm;

        // The migration first (see ClusterReader.SnapshotAsync): an instance read after a Succeeded migration shows where it landed.
        var migration = move.Migration is { } pendingName ? await reader.MigrationAsync(snapshot, vm.Vm.Namespace, pendingName, cancel) : null;
        var state = await reader.VmStateAsync(snapshot, vm.Vm, cancel);
        var step = MoveDecision.Decide(state, snapshot.Nodes, limits.Site, limits.SiteLabel);
        if (step.Kind is MoveKind.Stuck or MoveKind.Missing)
        {
            Finish(results, vm, RelocationOutcome.Failed, step.Reason);
            return null;
        }

        if (move.Migration is { } migrationName)
        {
            if (migration is not null && MigrationStatus.Phase(migration) == MigrationStatus.Failed)
            {
                Finish(results, vm, RelocationOutcome.Failed, MigrationStatus.FailureReason(migration));
                return null;
            }

            if (migration is not null && !MigrationStatus.IsFinished(migration))
            {
                return move;
            }

            if (step.Kind == MoveKind.AtSite)
            {
                Finish(results, vm, RelocationOutcome.Moved, $"migrated to node {state.Instance!.NodeName}");
                return null;
            }

            Finish(results, vm, RelocationOutcome.Failed, $"migration {migrationName} ended but the VM is not at {limits.Site}: {step.Reason}");
            return null;
        }

        if (move.RestartedUid is { } oldUid)
        {
            if (step.Kind == MoveKind.AtSite && state.Instance!.Uid != oldUid)
            {
                Finish(results, vm, RelocationOutcome.Moved, $"restarted on {state.Instance.NodeName}");
                return null;
            }

            return move;
        }

        // Waiting on something found under way: once it settles, do what the VM needs then.
        return step.Kind switch
        {
            MoveKind.InFlight => move with { Migration = state.MigrationInFlight },
            MoveKind.AtSite => Done(results, vm, RelocationOutcome.Moved, step.Reason),
            _ => Plan(vm, state, step, move, starts, results),
        };
    }

    private Move? Done(List<VmResult> results, ScopedVm vm, RelocationOutcome outcome, string reason)
    {
        Finish(results, vm, outcome, reason);
        return null;
    }

    private void Finish(List<VmResult> results, ScopedVm vm, RelocationOutcome outcome, string reason)
    {
        var result = new VmResult(vm, outcome, reason);
        results.Add(result);
        progress.Finished(result);
    }
}
