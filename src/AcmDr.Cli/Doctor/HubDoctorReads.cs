using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report.Live;
using AcmDr.Core.Doctor;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Doctor;

/// <summary>Reads what <see cref="HubChecks"/> judges from the hub; a read that fails (after its retries) is one user error, exit 3.</summary>
internal static class HubDoctorReads
{
    private const string PlacementLabel = "cluster.open-cluster-management.io/placement";

    public static async Task<HubReading> ReadAsync(IHubCluster hub, string ns, string clusterSet, CancellationToken cancel)
    {
        if (await ReadAsync(hub, $"namespace {ns}", () => hub.ReadNamespaceAsync(ns, cancel), cancel) is null)
        {
            return HubReading.NoNamespace(ns);
        }

        var switchData = (await LiveHub.ReadSwitchAsync(hub, ns, cancel))?.Data;
        var (policies, _) = await LiveHub.ListPoliciesAsync(hub, ns, cancel);
        var placements = await ReadAsync(hub, $"placements in {ns}", () => hub.ListPlacementsAsync(ns, cancel), cancel);
        var decisions = await ReadAsync(hub, $"placementdecisions in {ns}", () => hub.ListPlacementDecisionsAsync(ns, cancel), cancel);
        var binding = await ReadAsync(hub, $"managedclustersetbinding {ns}/{clusterSet}", () => hub.ReadClusterSetBindingAsync(ns, clusterSet, cancel), cancel);
        return new HubReading(ns, true, switchData, policies, Placements(placements, decisions), binding is null ? null : Binding(binding, clusterSet));
    }

    private static async Task<T> ReadAsync<T>(IHubCluster hub, string what, Func<Task<T>> read, CancellationToken cancel)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, what, hub.Server);
        }
    }

    private static List<PlacementReading> Placements(IReadOnlyList<JsonObject> placements, IReadOnlyList<JsonObject> decisions) =>
        placements.Select(p => KubeJson.Text(p["metadata"]?["name"]) ?? string.Empty)
            .Select(name => new PlacementReading(name, decisions
                .Where(d => KubeJson.Text(d["metadata"]?["labels"]?[PlacementLabel]) == name)
                .SelectMany(d => d["status"]?["decisions"] is JsonArray list ? list.OfType<JsonObject>() : [])
                .Select(d => KubeJson.Text(d["clusterName"]))
                .OfType<string>()
                .ToList()))
            .ToList();

    private static ClusterSetBindingReading Binding(JsonObject binding, string name)
    {
        var bound = binding["status"]?["conditions"] is JsonArray conditions
            ? conditions.OfType<JsonObject>().FirstOrDefault(c => KubeJson.Text(c["type"]) == "Bound")
            : null;
        return new ClusterSetBindingReading(name, bound is null ? null : KubeJson.Text(bound["status"]) == "True", bound is null ? null : KubeJson.Text(bound["reason"]));
    }
}
