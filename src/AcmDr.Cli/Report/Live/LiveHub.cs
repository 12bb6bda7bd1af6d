using System.Text.Json;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using k8s;

namespace AcmDr.Cli.Report.Live;

/// <summary>Reads acmdr's policies (root and replicated) and the switch from a live hub.</summary>
internal static class LiveHub
{
    public const string PolicyGroup = "policy.open-cluster-management.io";
    public const string PolicyVersion = "v1";
    public const string PolicyPlural = "policies";
    public static readonly string OwnedSelector = $"{PolicyNames.ManagedByLabel}={PolicyNames.ManagedByValue}";

    public static async Task<HubSnapshot> ReadAsync(ClusterConnection hub, string hubNamespace, TransientRetry retry, CancellationToken cancel)
    {
        var (policies, _) = await ListPoliciesAsync(hub, hubNamespace, retry, cancel);
        return new HubSnapshot(policies, await ReadSwitchAsync(hub, hubNamespace, retry, cancel));
    }

    /// <summary>acmdr's policies and the list's resourceVersion, to watch from.</summary>
    public static async Task<(IReadOnlyList<HubPolicy> Policies, string? ResourceVersion)> ListPoliciesAsync(
        ClusterConnection hub, string hubNamespace, TransientRetry retry, CancellationToken cancel)
    {
        object list;
        try
        {
            // One cluster-wide list returns the roots in the hub namespace and their replicas in the cluster namespaces.
            list = await retry.RunAsync("list of policies", token => hub.Client.CustomObjects.ListClusterCustomObjectAsync(
                PolicyGroup, PolicyVersion, PolicyPlural, labelSelector: OwnedSelector, cancellationToken: token), cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "policies", hub.Server);
        }

        var document = NodeOf(Json(list));
        return (HubObjects.From([document], hubNamespace, $"hub {hub.Server}").Policies, document.Text("metadata", "resourceVersion"));
    }

    /// <summary>One watched object as a policy, or null when it is not one of acmdr's.</summary>
    public static HubPolicy? PolicyOf(object watched, string hubNamespace) =>
        HubObjects.From([NodeOf(Json(watched))], hubNamespace, "watch").Policies is [var policy, ..] ? policy : null;

    public static async Task<SwitchReading?> ReadSwitchAsync(ClusterConnection hub, string hubNamespace, TransientRetry retry, CancellationToken cancel)
    {
        try
        {
            var map = await retry.RunAsync("read of the switch", token =>
                hub.Client.CoreV1.ReadNamespacedConfigMapAsync(PolicyNames.SwitchConfigMap, hubNamespace, cancellationToken: token), cancel);
            return SwitchOf(map, hub);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, $"configmap {hubNamespace}/{PolicyNames.SwitchConfigMap}", hub.Server);
        }
    }

    /// <summary>The switch ConfigMap as read or watched.</summary>
    public static SwitchReading SwitchOf(k8s.Models.V1ConfigMap map, ClusterConnection hub)
    {
        string? history = null;
        map.Metadata?.Annotations?.TryGetValue(FlipHistory.Annotation, out history);
        return new SwitchReading(
            map.Data is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(map.Data, StringComparer.Ordinal),
            history, $"hub {hub.Server}");
    }

    /// <summary>A custom object as the client returns it: the JSON it read, not yet bound to a type.</summary>
    private static JsonElement Json(object value) => value is JsonElement element
        ? element
        : throw new InvalidOperationException($"the Kubernetes client returned a {value.GetType().Name} for a custom object, not its JSON");

    /// <summary>The client's JSON as the tree the dump readers build, read once (no text in between) and leaving out what they skip.</summary>
    private static DumpNode NodeOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => DumpNode.OfMap(element.EnumerateObject()
            .Where(p => !DumpNode.IsSkipped(p.Name))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => NodeOf(g.Last().Value), StringComparer.Ordinal)),
        JsonValueKind.Array => DumpNode.OfItems(element.EnumerateArray().Select(NodeOf).ToList()),
        JsonValueKind.String => DumpNode.OfScalar(element.GetString()),
        JsonValueKind.Null or JsonValueKind.Undefined => DumpNode.OfScalar(null),
        // Numbers and booleans keep their JSON text, as the dump readers keep them.
        _ => DumpNode.OfScalar(element.GetRawText()),
    };
}
