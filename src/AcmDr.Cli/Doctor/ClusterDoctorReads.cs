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
            var wanted = plan.Policies.Where(p => p.Cluster == name).SelectMany(p => p.Vms).ToHashSet();
            // The VMs as break glass reads them: LISTs, not a read per VM (one by one only where a LIST is refused).
            var reader = new ClusterReader(cluster, plan.Settings.SiteLabel);
            var snapshot = await reader.SnapshotAsync(wanted.Select(vm => vm.Namespace), SnapshotParts.Nodes | SnapshotParts.Vms, cancel);
            var kubeVirts = (await cluster.ListKubeVirtsAsync(cancel)).Select(KubeVirt).ToList();
            var found = new HashSet<VmRef>();
            foreach (var vm in wanted)
            {
                if ((await reader.SelectorSiteAsync(snapshot, vm, cancel)).Exists)
                {
                    found.Add(vm);
                }
            }

            return new ClusterReading(name, [.. snapshot.Nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal)], kubeVirts, found);
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
