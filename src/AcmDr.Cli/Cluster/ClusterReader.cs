using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// The one reader of where VMs run on a managed cluster: nodes with their site label and readiness,
/// a VM's nodeSelector site, its instance and migration in flight (what relocation decides on), and
/// every instance with its node's site (report's ground truth). Its reads retry as the port does.
/// </summary>
public sealed class ClusterReader(IManagedCluster cluster, string siteLabel)
{
    public async Task<IReadOnlyDictionary<string, NodeState>> NodesAsync(CancellationToken cancel)
    {
        var nodes = await cluster.ListNodesAsync(cancel);
        return nodes.ToDictionary(
            n => n.Metadata.Name,
            n => new NodeState(
                n.Metadata.Name,
                n.Metadata.Labels?.TryGetValue(siteLabel, out var site) == true ? site : null,
                n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true),
            StringComparer.Ordinal);
    }

    /// <summary>Whether the VM exists, and the site its nodeSelector names (null when none).</summary>
    public async Task<(bool Exists, string? Site)> SelectorSiteAsync(VmRef vm, CancellationToken cancel) =>
        await cluster.GetVmAsync(vm, cancel) is { } found ? (true, NodeSelectorPatch.SiteOf(found, siteLabel)) : (false, null);

    public async Task<VmState> VmAsync(ScopedVm scoped, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scoped);
        if (await cluster.GetVmAsync(scoped.Vm, cancel) is not { } vm)
        {
            return VmState.Missing;
        }

        var instance = await cluster.GetInstanceAsync(scoped.Vm, cancel);
        var migration = (await cluster.ListMigrationsAsync(scoped.Vm.Namespace, cancel))
            .Where(m => KubeJson.Text(m["spec"]?["vmiName"]) == scoped.Vm.Name && !MigrationStatus.IsFinished(m))
            .Select(m => KubeJson.Text(m["metadata"]?["name"]))
            .FirstOrDefault();
        return new VmState(
            true,
            NodeSelectorPatch.SiteOf(vm, siteLabel),
            KubeJson.Text(vm["status"]?["printableStatus"]),
            RunStrategy(vm),
            KubeJson.ConditionIsTrue(vm, "RestartRequired"),
            instance is null ? null : Instance(instance),
            migration);
    }

    /// <summary>
    /// Where each of the <paramref name="workloads"/> of <paramref name="clusterName"/> runs: its
    /// instance's phase and node, and that node's site. A failed read is one user error (exit 3).
    /// </summary>
    public async Task<IReadOnlyList<VmGroundTruth>> GroundTruthAsync(string clusterName, IEnumerable<Workload> workloads, CancellationToken cancel)
    {
        IReadOnlyDictionary<string, NodeState> nodes;
        var instances = new Dictionary<(string Ns, string Name), InstanceState>();
        try
        {
            nodes = await NodesAsync(cancel);
            foreach (var instance in await cluster.ListInstancesAsync(cancel))
            {
                instances[(KubeJson.Text(instance["metadata"]?["namespace"]) ?? string.Empty, KubeJson.Text(instance["metadata"]?["name"]) ?? string.Empty)] = Instance(instance);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "nodes and virtualmachineinstances", cluster.Server);
        }

        return workloads
            .Where(w => w.Cluster == clusterName)
            .Select(w =>
            {
                var instance = instances.GetValueOrDefault((w.Namespace, w.Vm));
                var site = instance?.NodeName is { } node && nodes.TryGetValue(node, out var known) ? known.Site : null;
                return new VmGroundTruth(w.Namespace, w.Vm, clusterName, instance?.Phase, instance?.NodeName, site);
            })
            .ToList();
    }

    private static InstanceState Instance(JsonObject instance) => new(
        KubeJson.Text(instance["metadata"]?["uid"]) ?? "",
        KubeJson.Text(instance["status"]?["phase"]),
        KubeJson.Text(instance["status"]?["nodeName"]) ?? KubeJson.Text(instance["metadata"]?["labels"]?["kubevirt.io/nodeName"]),
        KubeJson.ConditionIsTrue(instance, "LiveMigratable"),
        instance["metadata"]?["deletionTimestamp"] is not null);

    // VMs written before runStrategy existed say spec.running instead: true behaves as Always.
    private static string? RunStrategy(JsonObject vm) =>
        KubeJson.Text(vm["spec"]?["runStrategy"])
        ?? (vm["spec"]?["running"] is JsonValue running && running.TryGetValue<bool>(out var on) ? (on ? "Always" : "Halted") : null);
}
