using System.Text.Json.Nodes;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>Reads what relocation decides on: nodes with their site and readiness, and one VM's state.</summary>
public sealed class ClusterReader(KubeVirtApi api, string siteLabel)
{
    public async Task<IReadOnlyDictionary<string, NodeState>> NodesAsync(CancellationToken cancel)
    {
        var nodes = await api.ListNodesAsync(cancel);
        return nodes.ToDictionary(
            n => n.Metadata.Name,
            n => new NodeState(
                n.Metadata.Name,
                n.Metadata.Labels?.TryGetValue(siteLabel, out var site) == true ? site : null,
                n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true),
            StringComparer.Ordinal);
    }

    public async Task<VmState> VmAsync(ScopedVm scoped, CancellationToken cancel)
    {
        var (ns, name) = (scoped.Vm.Namespace, scoped.Vm.Name);
        if (await api.GetAsync(KubeVirtApi.VirtualMachines, ns, name, cancel) is not { } vm)
        {
            return VmState.Missing;
        }

        var instance = await api.GetAsync(KubeVirtApi.Instances, ns, name, cancel);
        var migration = (await api.ListAsync(KubeVirtApi.Migrations, ns, cancel))
            .Where(m => Text(m["spec"]?["vmiName"]) == name && !MigrationStatus.IsFinished(m))
            .Select(m => Text(m["metadata"]?["name"]))
            .FirstOrDefault();
        return new VmState(
            true,
            NodeSelectorPatch.SiteOf(vm, siteLabel),
            Text(vm["status"]?["printableStatus"]),
            RunStrategy(vm),
            ConditionIsTrue(vm, "RestartRequired"),
            instance is null ? null : new InstanceState(
                Text(instance["metadata"]?["uid"]) ?? "",
                Text(instance["status"]?["phase"]),
                Text(instance["status"]?["nodeName"]) ?? Text(instance["metadata"]?["labels"]?["kubevirt.io/nodeName"]),
                ConditionIsTrue(instance, "LiveMigratable"),
                instance["metadata"]?["deletionTimestamp"] is not null),
            migration);
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool ConditionIsTrue(JsonObject obj, string type) =>
        obj["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c => Text(c["type"]) == type && Text(c["status"]) == "True");

    // VMs written before runStrategy existed say spec.running instead: true behaves as Always.
    private static string? RunStrategy(JsonObject vm) =>
        Text(vm["spec"]?["runStrategy"])
        ?? (vm["spec"]?["running"] is JsonValue running && running.TryGetValue<bool>(out var on) ? (on ? "Always" : "Halted") : null);
}
