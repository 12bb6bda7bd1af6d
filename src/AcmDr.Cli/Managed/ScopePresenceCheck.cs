using System.Net;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Managed;
using k8s.Autorest;

namespace AcmDr.Cli.Managed;

/// <summary>
/// Before break glass or relocate writes anything: lists the VMs of each namespace of the scope (one
/// LIST per namespace through the port's retry) and refuses (exit 2) when most of the scope is not on
/// the cluster (<see cref="ScopePresence"/>). A namespace whose list is refused (e.g. 403) counts as
/// neither present nor missing: each VM is then read and reported on its own, as before.
/// </summary>
public static class ScopePresenceCheck
{
    public static async Task RunAsync(IManagedCluster cluster, IReadOnlyList<ScopedVm> scope, WrongClusterTarget target, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(scope);
        var missing = 0;
        var counted = 0;
        foreach (var ns in scope.GroupBy(v => v.Vm.Namespace, StringComparer.Ordinal))
        {
            IReadOnlyList<System.Text.Json.Nodes.JsonObject> vms;
            try
            {
                vms = await cluster.ListVmsAsync(ns.Key, cancel);
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                continue;
            }
            catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
            {
                throw KubeErrors.ToUserError(ex, $"virtualmachines in {ns.Key}", cluster.Server);
            }

            var names = vms.Select(vm => KubeJson.Text(vm["metadata"]?["name"])).ToHashSet(StringComparer.Ordinal);
            counted += ns.Count();
            missing += ns.Count(v => !names.Contains(v.Vm.Name));
        }

        ScopePresence.Check(missing, counted, target);
    }

    private static bool IsRefusal(Exception ex) =>
        ex is HttpOperationException op && op.Response.StatusCode is not HttpStatusCode.Unauthorized && !KubeErrors.IsTransient(ex);
}
