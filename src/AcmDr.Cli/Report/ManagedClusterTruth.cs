using System.Text.Json;
using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using k8s;

namespace AcmDr.Cli.Report;

/// <summary>
/// Where each VM's instance really runs, read from the managed cluster: the VirtualMachineInstance's
/// phase and node, and that node's site label.
/// </summary>
internal static class ManagedClusterTruth
{
    public static async Task<IReadOnlyList<VmGroundTruth>> ReadAsync(
        ClusterConnection cluster, string clusterName, string siteLabel, IEnumerable<Workload> workloads, TransientRetry retry, CancellationToken cancel)
    {
        Dictionary<string, string?> siteOfNode;
        Dictionary<(string Ns, string Name), (string? Phase, string? Node)> instances;
        try
        {
            var nodes = await retry.RunAsync($"list of nodes on {clusterName}", token => cluster.Client.CoreV1.ListNodeAsync(cancellationToken: token), cancel);
            siteOfNode = nodes.Items.ToDictionary(
                n => n.Metadata.Name,
                n => n.Metadata.Labels is { } labels && labels.TryGetValue(siteLabel, out var site) ? site : null,
                StringComparer.Ordinal);
            var list = await retry.RunAsync($"list of virtualmachineinstances on {clusterName}", token => cluster.Client.CustomObjects.ListClusterCustomObjectAsync(
                "kubevirt.io", "v1", "virtualmachineinstances", cancellationToken: token), cancel);
            instances = Instances(JsonSerializer.SerializeToElement(list));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "nodes and virtualmachineinstances", cluster.Server);
        }

        return workloads
            .Where(w => w.Cluster == clusterName)
            .Select(w =>
            {
                var found = instances.TryGetValue((w.Namespace, w.Vm), out var vmi);
                var site = found && vmi.Node is { } node && siteOfNode.TryGetValue(node, out var s) ? s : null;
                return new VmGroundTruth(w.Namespace, w.Vm, clusterName, found ? vmi.Phase : null, found ? vmi.Node : null, site);
            })
            .ToList();
    }

    private static Dictionary<(string Ns, string Name), (string? Phase, string? Node)> Instances(JsonElement list)
    {
        var result = new Dictionary<(string, string), (string?, string?)>();
        if (!list.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var item in items.EnumerateArray())
        {
            var meta = item.GetProperty("metadata");
            var status = item.TryGetProperty("status", out var s) ? s : default;
            result[(Str(meta, "namespace") ?? string.Empty, Str(meta, "name") ?? string.Empty)] = (Str(status, "phase"), Str(status, "nodeName"));
        }

        return result;
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
