using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>
/// Sets the site nodeSelector key of each VM straight on the managed cluster, tier by tier, from one
/// <see cref="ScopeSnapshot"/> of the VMs (a VM of a namespace whose LIST was refused is read on its
/// own). Within a tier up to <c>parallel</c> patches are in flight (each under the port's retry, which
/// honours 429 and Retry-After); the next tier starts once every patch of this one has ended. Lines come
/// in the inventory's order whatever order the patches end in. A VM that is missing or refused is
/// reported and the others still done; losing the cluster stops the run once the patches in flight end.
/// </summary>
/// <param name="progress">A bar per tier on a terminal (the tier's lines then follow it), streamed lines otherwise.</param>
public sealed class BreakGlassLive(IManagedCluster cluster, ClusterReader reader, CliIo io, string siteLabel, string site, int parallel, PatchProgress progress)
{
    public sealed record Outcome(int Set, int Already, IReadOnlyList<string> NotSet);

    private enum Result
    {
        Set,
        Already,
        NotSet,
    }

    /// <summary>How one VM went: its line on stdout or stderr, and for one not set, the summary's line.</summary>
    private sealed record VmDone(Result Result, string? Out, string? Err = null, string? NotSet = null);

    public async Task<Outcome> RunAsync(IReadOnlyList<ScopedVm> scope, ScopeSnapshot snapshot, bool dryRun, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var done = new List<VmDone>();
        foreach (var tier in ManagedScope.ByTier(scope))
        {
            io.Out.WriteLine($"tier {tier.Key}:");
            var vms = tier.ToList();
            var results = new VmDone?[vms.Count];
            var printed = 0;
            var gate = new Lock();
            (ScopedVm Vm, Exception Error)? lost = null;
            await progress.RunTierAsync(tier.Key, vms.Count, ended => Parallel.ForEachAsync(Enumerable.Range(0, vms.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancel }, async (i, token) =>
            {
                lock (gate)
                {
                    if (lost is not null)
                    {
                        return;
                    }
                }

                VmDone result;
                try
                {
                    result = await OneAsync(vms[i], snapshot, dryRun, token);
                }
                catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
                {
                    lock (gate)
                    {
                        lost ??= (vms[i], ex);
                    }

                    return;
                }

                lock (gate)
                {
                    results[i] = result;
                    for (; progress.StreamsLines && printed < vms.Count && results[printed] is { } next; printed++)
                    {
                        Print(next);
                    }
                }

                ended();
            }));

            // Those not streamed (a live display, or past the first gap after a loss), still in order.
            foreach (var late in results.Skip(printed).OfType<VmDone>())
            {
                Print(late);
            }

            done.AddRange(results.OfType<VmDone>());
            if (lost is { } failure)
            {
                io.Out.WriteLine($"stopped: {done.Count(d => d.Result == Result.Set)} set, {done.Count(d => d.Result == Result.Already)} already {site} before the cluster was lost");
                throw KubeErrors.ToUserError(failure.Error, $"virtualmachine {failure.Vm.Vm}", cluster.Server);
            }
        }

        return new Outcome(done.Count(d => d.Result == Result.Set), done.Count(d => d.Result == Result.Already), [.. done.Select(d => d.NotSet).OfType<string>()]);
    }

    private async Task<VmDone> OneAsync(ScopedVm vm, ScopeSnapshot snapshot, bool dryRun, CancellationToken cancel)
    {
        try
        {
            var (exists, before) = await reader.SelectorSiteAsync(snapshot, vm.Vm, cancel);
            if (!exists)
            {
                return new(Result.NotSet, null, $"acmdr: {vm.Vm}: not found on the cluster; skipped", $"{vm.Vm}: not found on {cluster.Server}");
            }

            if (before == site)
            {
                return new(Result.Already, $"  {vm.Vm}: already {site}");
            }

            if (dryRun)
            {
                return new(Result.Set, $"  {vm.Vm}: would set {siteLabel} {before ?? "(not set)"} -> {site} with merge patch {NodeSelectorPatch.For(siteLabel, site).ToJsonString()}");
            }

            await cluster.MergePatchVmAsync(vm.Vm, NodeSelectorPatch.For(siteLabel, site), cancel);
            return new(Result.Set, $"  {vm.Vm}: {siteLabel} {before ?? "(not set)"} -> {site}");
        }
        catch (k8s.Autorest.HttpOperationException op) when (ClusterReader.IsRefusal(op))
        {
            // A refusal about one VM (forbidden in its namespace, invalid, conflict) does not stop the others;
            // an unauthenticated client or a lost connection would fail every VM the same way.
            var status = (int)op.Response.StatusCode;
            return new(Result.NotSet, null, $"acmdr: {vm.Vm}: not set, the cluster answered {status}: {op.Response.Content?.ReplaceLineEndings(" ")}", $"{vm.Vm}: the cluster answered {status}");
        }
    }

    private void Print(VmDone done)
    {
        if (done.Out is not null)
        {
            io.Out.WriteLine(done.Out);
        }

        if (done.Err is not null)
        {
            io.Err.WriteLine(done.Err);
        }
    }
}
