using System.Text.Json;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Live;

/// <summary>Reads acmdr's policies (root and replicated) and the switch from a live hub.</summary>
internal static class LiveHub
{
    public static async Task<HubSnapshot> ReadAsync(IHubCluster hub, string hubNamespace, CancellationToken cancel)
    {
        var (policies, _) = await ListPoliciesAsync(hub, hubNamespace, cancel);
        return new HubSnapshot(policies, await ReadSwitchAsync(hub, hubNamespace, cancel));
    }

    /// <summary>acmdr's policies and the list's resourceVersion, to watch from.</summary>
    public static async Task<(IReadOnlyList<HubPolicy> Policies, string? ResourceVersion)> ListPoliciesAsync(
        IHubCluster hub, string hubNamespace, CancellationToken cancel)
    {
        JsonElement list;
        try
        {
            // One cluster-wide list returns the roots in the hub namespace and their replicas in the cluster namespaces.
            list = await hub.ListPoliciesAsync(cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "policies", hub.Server);
        }

        var document = NodeOf(list);
        return (HubObjects.From([document], hubNamespace, $"hub {hub.Server}").Policies, document.Text("metadata", "resourceVersion"));
    }

    /// <summary>One watched object as a policy, or null when it is not one of acmdr's.</summary>
    public static HubPolicy? PolicyOf(JsonElement watched, string hubNamespace) =>
        HubObjects.From([NodeOf(watched)], hubNamespace, "watch").Policies is [var policy, ..] ? policy : null;

    public static async Task<SwitchReading?> ReadSwitchAsync(IHubCluster hub, string hubNamespace, CancellationToken cancel)
    {
        try
        {
            return await hub.ReadSwitchAsync(hubNamespace, cancel) is { } map ? SwitchOf(map, hub) : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, $"configmap {hubNamespace}/{PolicyNames.SwitchConfigMap}", hub.Server);
        }
    }

    /// <summary>The switch ConfigMap as read or watched.</summary>
    public static SwitchReading SwitchOf(k8s.Models.V1ConfigMap map, IHubCluster hub)
    {
        string? history = null;
        map.Metadata?.Annotations?.TryGetValue(FlipHistory.Annotation, out history);
        return new SwitchReading(
            map.Data is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(map.Data, StringComparer.Ordinal),
            history, $"hub {hub.Server}");
    }

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
