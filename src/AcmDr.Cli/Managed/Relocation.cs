using AcmDr.Cli.Cluster;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>
/// Moves the running VMs of the scope to the target site, tier by tier, with at most
/// <see cref="RelocationLimits.MaxParallel"/> moves in flight. Progress is polled, not watched: each
/// round reads VMs, instances, migrations and nodes together, which a few watches would have to
/// stitch back together, and a poll survives a dropped connection and a re-run the same way.
/// Every round decides again from what the cluster says, so a re-run continues where the last stopped,
/// and a round that failed on a transient error is run again under the cluster's retry policy.
/// Waits and the timeout run on that policy's clock.
/// </summary>
public sealed class Relocation(IManagedCluster cluster, IRelocationProgress progress, RelocationLimits limits)
{
    private readonly ClusterReader reader = new(cluster, limits.SiteLabel);

    private sealed record Move(ScopedVm Vm, string? Migration, string? RestartedUid);

    /// <summary>VMs whose restart call failed in transit: it may have been done, its answer lost.</summary>
    private readonly HashSet<string> restartsInDoubt = new(StringComparer.Ordinal);

    private TimeProvider Clock => cluster.Retry.Clock;

    public async Task<IReadOnlyList<VmResult>> RunAsync(IReadOnlyList<ScopedVm> scope, CancellationToken cancel)
    {
        var deadline = Clock.GetUtcNow() + limits.Timeout;
        var results = new List<VmResult>();
        foreach (var tier in ManagedScope.ByTier(scope))
        {
            progress.TierStarted(tier.Key, tier.Count());
            var pending = new Queue<ScopedVm>(tier);
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

    /// <summary>One round: check the moves in flight, then start new ones up to the limit.</summary>
    private async Task RoundAsync(Queue<ScopedVm> pending, List<Move> active, List<VmResult> results, CancellationToken cancel)
    {
        var nodes = await reader.NodesAsync(cancel);
        foreach (var move in active.ToList())
        {
            var next = await CheckAsync(move, nodes, results, cancel);
            active.Remove(move);
            if (next is not null)
            {
                active.Add(next);
            }
        }

        while (active.Count < limits.MaxParallel && pending.Count > 0)
        {
            // Dequeued only once started, so a failed call leaves the VM for the next round.
            var started = await StartAsync(pending.Peek(), nodes, results, cancel);
            pending.Dequeue();
            if (started is not null)
            {
                active.Add(started);
            }
        }
    }

    /// <summary>Starts what the VM needs now; null when it needs nothing more (its result is recorded).</summary>
    private async Task<Move?> StartAsync(ScopedVm vm, IReadOnlyDictionary<string, NodeState> nodes, List<VmResult> results, CancellationToken cancel)
    {
        var state = await reader.VmAsync(vm, cancel);
        var step = MoveDecision.Decide(state, nodes, limits.Site, limits.SiteLabel);
        switch (step.Kind)
        {
            case MoveKind.AtSite when restartsInDoubt.Contains(vm.Vm.ToString()):
                // Our restart went through after all, and the VM came up at the site before this read.
                Finish(results, vm, RelocationOutcome.Moved, $"restarted on {state.Instance!.NodeName} (the restart's answer was lost)");
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
            case MoveKind.Migrate:
                var created = await cluster.CreateMigrationAsync(vm.Vm.Namespace, MigrationStatus.New(vm.Vm.Namespace, vm.Vm.Name), cancel);
                var name = KubeJson.Text(created["metadata"]?["name"]);
                progress.Note(vm, $"{step.Reason}: migration {name}");
                return new Move(vm, name, null);
            default:
                try
                {
                    await cluster.RestartAsync(vm.Vm, cancel);
                }
                catch (Exception ex) when (Hub.KubeErrors.IsTransient(ex))
                {
                    // The round is retried; what the cluster says then tells whether it happened.
                    restartsInDoubt.Add(vm.Vm.ToString());
                    throw;
                }

                progress.Note(vm, step.Reason);
                return new Move(vm, null, state.Instance!.Uid);
        }
    }

    /// <summary>Reads how a move goes; the same move (or the one it now needs) while it goes on, null once it ended.</summary>
    private async Task<Move?> CheckAsync(Move move, IReadOnlyDictionary<string, NodeState> nodes, List<VmResult> results, CancellationToken cancel)
    {
        var vm = move.Vm;

        // The migration first: KubeVirt updates the instance before it marks the migration Succeeded,
        // so an instance read after a Succeeded migration shows where it landed.
        var migration = move.Migration is { } pendingName ? await cluster.GetMigrationAsync(vm.Vm.Namespace, pendingName, cancel) : null;
        var state = await reader.VmAsync(vm, cancel);
        var step = MoveDecision.Decide(state, nodes, limits.Site, limits.SiteLabel);
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
            _ => await StartAsync(vm, nodes, results, cancel),
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

