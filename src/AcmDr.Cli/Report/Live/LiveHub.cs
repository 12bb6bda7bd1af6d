using System.Text.Json;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Core.Dual;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Live;

/// <summary>Reads acmdr's policies (root and replicated), the switch and, for dual-cluster apps, the DRPCs from a live hub.</summary>
internal static class LiveHub
{
    /// <summary>The policies, the switch and, when <paramref name="scope"/> has dual-cluster apps, their DRPCs (one LIST).</summary>
    public static async Task<HubSnapshot> ReadAsync(IHubCluster hub, ReportScope scope, CancellationToken cancel)
    {
        var (policies, _) = await ListPoliciesAsync(hub, scope.HubNamespace, cancel);
        var drpcs = scope.NeedsDrpcs(policies) ? await ListDrpcsAsync(hub, scope.Settings.Dual.Namespace, cancel) : null;
        return new HubSnapshot(policies, await ReadSwitchAsync(hub, scope.HubNamespace, cancel), drpcs);
    }

    /// <summary>acmdr's DRPlacementControls in the dual namespace: one (paged) LIST.</summary>
    public static async Task<IReadOnlyList<DrpcObservation>> ListDrpcsAsync(IHubCluster hub, string ns, CancellationToken cancel)
    {
        IReadOnlyList<JsonElement> items;
        try
        {
            items = await hub.ListDrpcsAsync(ns, cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, $"drplacementcontrols.ramendr.openshift.io in {ns} (is Ramen's hub operator installed?)", hub.Server);
        }

        return items.Select(item => DrpcObjects.Of(NodeOf(item, keepSpec: true))).ToList();
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
    private static DumpNode NodeOf(JsonElement element) => NodeOf(element, keepSpec: false);

    /// <param name="keepSpec">Keep the object's own <c>spec</c> (a DRPC's, small and needed); deeper ones are skipped as always.</param>
    private static DumpNode NodeOf(JsonElement element, bool keepSpec) => element.ValueKind switch
    {
        JsonValueKind.Object => DumpNode.OfMap(element.EnumerateObject()
            .Where(p => !DumpNode.IsSkipped(p.Name) || (keepSpec && p.Name == "spec"))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => NodeOf(g.Last().Value), StringComparer.Ordinal)),
        JsonValueKind.Array => DumpNode.OfItems(element.EnumerateArray().Select(NodeOf).ToList()),
        JsonValueKind.String => DumpNode.OfScalar(element.GetString()),
        JsonValueKind.Null or JsonValueKind.Undefined => DumpNode.OfScalar(null),
        // Numbers and booleans keep their JSON text, as the dump readers keep them.
        _ => DumpNode.OfScalar(element.GetRawText()),
    };
}
