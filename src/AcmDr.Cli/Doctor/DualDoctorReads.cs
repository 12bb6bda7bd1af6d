using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core.Doctor;
using AcmDr.Core.Planning;
using k8s;

namespace AcmDr.Cli.Doctor;

/// <summary>
/// Reads what <see cref="DualChecks"/> judges from the hub: a GET each for the dual namespace, the hub's
/// ManagedCluster and every DRPolicy the settings name, and one LIST of the DRPlacementControls in the
/// dual namespace. A read that fails (after its retries) is one user error, exit 3; a hub without Ramen's
/// CRDs answers 404, which reads as nothing found.
/// </summary>
internal static class DualDoctorReads
{
    private const string RamenGroup = "ramendr.openshift.io";
    private const string RamenVersion = "v1alpha1";

    public static async Task<DualReading> ReadAsync(ClusterConnection hub, TransientRetry retry, DrPlan plan, CancellationToken cancel)
    {
        var dual = plan.Settings.Dual;
        var objects = hub.Client.CustomObjects;
        var ns = await GetAsync(hub, retry, $"namespace {dual.Namespace}", async token => (object)await hub.Client.CoreV1.ReadNamespaceAsync(dual.Namespace, cancellationToken: token), cancel);
        var hubCluster = await GetAsync(hub, retry, $"managedcluster {dual.HubCluster}", token => objects.GetClusterCustomObjectAsync<JsonObject>(
            "cluster.open-cluster-management.io", "v1", "managedclusters", dual.HubCluster, token), cancel);
        var policies = new List<DrPolicyReading>();
        foreach (var policy in dual.DrPolicies)
        {
            if (await GetAsync(hub, retry, $"drpolicy {policy.Name}", token => objects.GetClusterCustomObjectAsync<JsonObject>(
                RamenGroup, RamenVersion, "drpolicies", policy.Name, token), cancel) is JsonObject found)
            {
                policies.Add(new DrPolicyReading(policy.Name, Texts(found["spec"]?["drClusters"])));
            }
        }

        var drpcs = new List<DrpcReading>();
        if (ns is not null && await GetAsync(hub, retry, $"drplacementcontrols in {dual.Namespace}", token => objects.ListNamespacedCustomObjectAsync<JsonObject>(
            RamenGroup, RamenVersion, dual.Namespace, "drplacementcontrols", cancellationToken: token), cancel) is JsonObject list)
        {
            drpcs.AddRange(KubeJson.Items(list).Select(Drpc));
        }

        return new DualReading(dual.Namespace, ns is not null, hubCluster is not null, policies, drpcs);
    }

    private static async Task<T?> GetAsync<T>(ClusterConnection hub, TransientRetry retry, string what, Func<CancellationToken, Task<T>> read, CancellationToken cancel)
        where T : class
    {
        try
        {
            return await retry.RunAsync($"read of {what}", read, cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, what, hub.Server);
        }
    }

    private static DrpcReading Drpc(JsonObject drpc)
    {
        var spec = drpc["spec"];
        var selector = spec?["pvcSelector"];
        var labels = selector?["matchLabels"] is JsonObject matchLabels
            ? matchLabels.Select(l => new KeyValuePair<string, string>(l.Key, KubeJson.Text(l.Value) ?? string.Empty)).ToList()
            : [];
        return new DrpcReading(
            KubeJson.Text(drpc["metadata"]?["name"]) ?? string.Empty,
            KubeJson.Text(spec?["drPolicyRef"]?["name"]),
            KubeJson.Text(spec?["placementRef"]?["kind"]),
            KubeJson.Text(spec?["placementRef"]?["name"]),
            KubeJson.Text(spec?["placementRef"]?["namespace"]),
            labels,
            selector?["matchExpressions"] is JsonArray expressions ? expressions.Count : 0);
    }

    private static List<string> Texts(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(KubeJson.Text).OfType<string>()] : [];
}
