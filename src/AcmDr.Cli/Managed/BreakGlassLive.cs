using System.Net;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Managed;
using k8s.Autorest;

namespace AcmDr.Cli.Managed;

/// <summary>
/// Sets the site nodeSelector key of each VM straight on the managed cluster, tier by tier. A VM that
/// is missing or refused is reported and the others still done; losing the cluster stops the run.
/// </summary>
public sealed class BreakGlassLive(IManagedCluster cluster, CliIo io, string siteLabel, string site)
{
    private readonly ClusterReader reader = new(cluster, siteLabel);

    public sealed record Outcome(int Set, int Already, IReadOnlyList<string> NotSet);

    public async Task<Outcome> RunAsync(IReadOnlyList<ScopedVm> scope, bool dryRun, CancellationToken cancel)
    {
        var set = 0;
        var already = 0;
        var notSet = new List<string>();
        var patch = NodeSelectorPatch.For(siteLabel, site).ToJsonString();
        foreach (var tier in ManagedScope.ByTier(scope))
        {
            io.Out.WriteLine($"tier {tier.Key}:");
            foreach (var vm in tier)
            {
                try
                {
                    var (exists, before) = await reader.SelectorSiteAsync(vm.Vm, cancel);
                    if (!exists)
                    {
                        notSet.Add($"{vm.Vm}: not found on {cluster.Server}");
                        io.Err.WriteLine($"acmdr: {vm.Vm}: not found on the cluster; skipped");
                        continue;
                    }

                    if (before == site)
                    {
                        already++;
                        io.Out.WriteLine($"  {vm.Vm}: already {site}");
                        continue;
                    }

                    if (dryRun)
                    {
                        set++;
                        io.Out.WriteLine($"  {vm.Vm}: would set {siteLabel} {before ?? "(not set)"} -> {site} with merge patch {patch}");
                        continue;
                    }

                    await cluster.MergePatchVmAsync(vm.Vm, NodeSelectorPatch.For(siteLabel, site), cancel);
                    set++;
                    io.Out.WriteLine($"  {vm.Vm}: {siteLabel} {before ?? "(not set)"} -> {site}");
                }
                catch (Exception ex) when (IsPerVm(ex))
                {
                    var op = (HttpOperationException)ex;
                    notSet.Add($"{vm.Vm}: the cluster answered {(int)op.Response.StatusCode}");
                    io.Err.WriteLine($"acmdr: {vm.Vm}: not set, the cluster answered {(int)op.Response.StatusCode}: {op.Response.Content?.ReplaceLineEndings(" ")}");
                }
                catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
                {
                    io.Out.WriteLine($"stopped: {set} set, {already} already {site} before the cluster was lost");
                    throw KubeErrors.ToUserError(ex, $"virtualmachine {vm.Vm}", cluster.Server);
                }
            }
        }

        return new Outcome(set, already, notSet);
    }

    // A refusal about one VM (forbidden in its namespace, invalid, conflict) does not stop the others;
    // an unauthenticated client or a lost connection would fail every VM the same way.
    private static bool IsPerVm(Exception ex) =>
        ex is HttpOperationException op && op.Response.StatusCode is not HttpStatusCode.Unauthorized && !KubeErrors.IsTransient(ex);
}
