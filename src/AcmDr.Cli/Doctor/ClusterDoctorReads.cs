using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core.Doctor;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Doctor;

/// <summary>Reads what <see cref="ClusterChecks"/> judges from one managed cluster; a read that fails (after its retries) is one user error, exit 3.</summary>
internal static class ClusterDoctorReads
{
    public static async Task<ClusterReading> ReadAsync(IManagedCluster cluster, string name, DrPlan plan, CancellationToken cancel)
    {
        try
        {
            var nodes = await new ClusterReader(cluster, plan.Settings.SiteLabel).NodesAsync(cancel);
            var kubeVirts = (await cluster.ListKubeVirtsAsync(cancel)).Select(KubeVirt).ToList();
            var wanted = plan.Policies.Where(p => p.Cluster == name).SelectMany(p => p.Vms).ToHashSet();
            var found = new HashSet<VmRef>();
            // One list per namespace, not a read per VM.
            foreach (var ns in wanted.Select(vm => vm.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                found.UnionWith((await cluster.ListVmsAsync(ns, cancel))
                    .Select(vm => new VmRef(ns, KubeJson.Text(vm["metadata"]?["name"]) ?? string.Empty))
                    .Where(wanted.Contains));
            }

            return new ClusterReading(name, [.. nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)], kubeVirts, found);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "nodes, kubevirts and virtualmachines", cluster.Server);
        }
    }

    private static KubeVirtReading KubeVirt(JsonObject kv)
    {
        var spec = kv["spec"];
        var status = kv["status"];
        return new KubeVirtReading(
            KubeJson.Text(kv["metadata"]?["namespace"]) ?? string.Empty,
            KubeJson.Text(kv["metadata"]?["name"]) ?? string.Empty,
            Texts(spec?["workloadUpdateStrategy"]?["workloadUpdateMethods"]),
            Number(spec?["configuration"]?["migrations"]?["parallelMigrationsPerCluster"]),
            Number(spec?["configuration"]?["migrations"]?["parallelOutboundMigrationsPerNode"]),
            Texts(spec?["configuration"]?["developerConfiguration"]?["featureGates"]),
            KubeJson.Text(status?["observedKubeVirtVersion"]) ?? KubeJson.Text(status?["targetKubeVirtVersion"]) ?? KubeJson.Text(status?["operatorVersion"]),
            HyperConverged(kv));
    }

    /// <summary>The HyperConverged owning the CR: its owner reference, else the name OpenShift Virtualization gives it when only its label says so.</summary>
    private static string? HyperConverged(JsonObject kv)
    {
        var owner = kv["metadata"]?["ownerReferences"] is JsonArray owners
            ? owners.OfType<JsonObject>().FirstOrDefault(o => KubeJson.Text(o["kind"]) == "HyperConverged")
            : null;
        if (owner is not null)
        {
            return KubeJson.Text(owner["name"]);
        }

        return KubeJson.Text(kv["metadata"]?["labels"]?["app.kubernetes.io/managed-by"]) == "hco-operator" ? "kubevirt-hyperconverged" : null;
    }

    private static List<string> Texts(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(KubeJson.Text).OfType<string>()] : [];

    private static long? Number(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<long>(out var number) || (value.TryGetValue<string>(out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out number)))
            ? number
            : null;
}
