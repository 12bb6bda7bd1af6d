using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using k8s;
using k8s.Models;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// <see cref="IHubCluster"/> over KubernetesClient. Its reads run through <see cref="Retry"/> with the
/// per-attempt token (so the attempt timeout, when set, bounds each request); the switch's get and
/// patch are single requests for the caller's own sequence under <see cref="Retry"/>; the Event is
/// sent once. Policies stay the JSON the client read (no serializing and parsing again).
/// </summary>
public sealed class KubeHubCluster(ClusterConnection connection, TransientRetry retry) : IHubCluster
{
    private const string PolicyGroup = "policy.open-cluster-management.io";
    private const string PolicyVersion = "v1";
    private const string Policies = "policies";
    private const string ClusterGroup = "cluster.open-cluster-management.io";
    private const string RamenGroup = "ramendr.openshift.io";
    private const string RamenVersion = "v1alpha1";
    private const string Drpcs = "drplacementcontrols";
    private const int DrpcPageSize = 500;
    private static readonly string OwnedSelector = $"{PolicyNames.ManagedByLabel}={PolicyNames.ManagedByValue}";

    public string Server => connection.Server;

    public string User => connection.User;

    public TransientRetry Retry => retry;

    /// <summary>The hub of a kubeconfig and context, its reads retried under <paramref name="retry"/>.</summary>
    public static KubeHubCluster Open(string? kubeconfig, string? context, TransientRetry retry, Func<string, string?>? environment = null) =>
        new(ClusterConnection.Open(kubeconfig, context, environment: environment), retry);

    public IHubCluster WithRetry(TransientRetry retry) => new KubeHubCluster(connection, retry);

    public async Task<JsonElement> ListPoliciesAsync(CancellationToken cancel) =>
        Json(await retry.RunAsync("list of policies", token => connection.Client.CustomObjects.ListClusterCustomObjectAsync(
            PolicyGroup, PolicyVersion, Policies, labelSelector: OwnedSelector, cancellationToken: token), cancel));

    public async Task<JsonElement> ListPoliciesAsync(string ns, CancellationToken cancel) =>
        Json(await connection.Client.CustomObjects.ListNamespacedCustomObjectAsync(
            PolicyGroup, PolicyVersion, ns, Policies, labelSelector: OwnedSelector, cancellationToken: cancel));

    public Task<V1ConfigMap?> ReadSwitchAsync(string ns, CancellationToken cancel) =>
        retry.RunAsync("read of the switch", token => GetSwitchAsync(ns, token), cancel);

    public async Task<V1ConfigMap?> GetSwitchAsync(string ns, CancellationToken cancel)
    {
        try
        {
            return await connection.Client.CoreV1.ReadNamespacedConfigMapAsync(PolicyNames.SwitchConfigMap, ns, cancellationToken: cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    public Task<V1ConfigMap> PatchSwitchAsync(string ns, JsonObject patch, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return connection.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), PolicyNames.SwitchConfigMap, ns, cancellationToken: cancel);
    }

    public Task CreateEventAsync(string ns, Corev1Event ev, CancellationToken cancel) =>
        connection.Client.CoreV1.CreateNamespacedEventAsync(ev, ns, cancellationToken: cancel);

    public async IAsyncEnumerable<(WatchEventType Type, JsonElement Policy)> WatchPoliciesAsync(
        string? resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancel)
    {
        var events = connection.Client.CustomObjects.WatchListClusterCustomObjectAsync(
            PolicyGroup, PolicyVersion, Policies, labelSelector: OwnedSelector, resourceVersion: resourceVersion,
            timeoutSeconds: timeoutSeconds, cancellationToken: cancel);
        await foreach (var (type, watched) in events.WithCancellation(cancel))
        {
            yield return (type, Json(watched));
        }
    }

    public IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Switch)> WatchSwitchAsync(string ns, CancellationToken cancel) =>
        connection.Client.CoreV1.WatchListNamespacedConfigMapAsync(
            ns, fieldSelector: $"metadata.name={PolicyNames.SwitchConfigMap}", cancellationToken: cancel);

    public async Task<V1Namespace?> ReadNamespaceAsync(string ns, CancellationToken cancel)
    {
        try
        {
            return await retry.RunAsync($"read of namespace {ns}", token => connection.Client.CoreV1.ReadNamespaceAsync(ns, cancellationToken: token), cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    public Task<IReadOnlyList<JsonObject>> ListPlacementsAsync(string ns, CancellationToken cancel) =>
        ListClusterGroupAsync("v1beta1", "placements", ns, cancel);

    public Task<IReadOnlyList<JsonObject>> ListPlacementDecisionsAsync(string ns, CancellationToken cancel) =>
        ListClusterGroupAsync("v1beta1", "placementdecisions", ns, cancel);

    public async Task<JsonObject?> ReadClusterSetBindingAsync(string ns, string name, CancellationToken cancel)
    {
        try
        {
            return await retry.RunAsync($"read of managedclustersetbinding {ns}/{name}", token => connection.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(
                ClusterGroup, "v1beta2", ns, "managedclustersetbindings", name, token), cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<JsonObject>> ListClusterGroupAsync(string version, string plural, string ns, CancellationToken cancel)
    {
        var list = await retry.RunAsync($"list of {plural} in {ns}", token => connection.Client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(
            ClusterGroup, version, ns, plural, cancellationToken: token), cancel);
        return KubeJson.Items(list);
    }

    public Task<IReadOnlyList<JsonElement>> ListDrpcsAsync(string ns, CancellationToken cancel) =>
        PagedList.ReadAsync(retry, $"list of drplacementcontrols in {ns}", async (next, token) =>
        {
            var page = Json(await connection.Client.CustomObjects.ListNamespacedCustomObjectAsync(
                RamenGroup, RamenVersion, ns, Drpcs, labelSelector: OwnedSelector, continueParameter: next, limit: DrpcPageSize, cancellationToken: token));
            IReadOnlyList<JsonElement> items = page.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];
            var more = page.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("continue", out var continues) && continues.ValueKind == JsonValueKind.String
                ? continues.GetString()
                : null;
            return (items, more);
        }, cancel);

    /// <summary>A custom object as the client returns it: the JSON it read, not yet bound to a type.</summary>
    private static JsonElement Json(object value) => value is JsonElement element
        ? element
        : throw new InvalidOperationException($"the Kubernetes client returned a {value?.GetType().Name ?? "null"} for a custom object, not its JSON");
}
