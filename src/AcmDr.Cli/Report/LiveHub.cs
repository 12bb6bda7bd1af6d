using System.Text.Json;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using k8s;

namespace AcmDr.Cli.Report;

/// <summary>Reads acmdr's policies (root and replicated) and the switch from a live hub.</summary>
internal static class LiveHub
{
    public const string PolicyGroup = "policy.open-cluster-management.io";
    public const string PolicyVersion = "v1";
    public const string PolicyPlural = "policies";
    public static readonly string OwnedSelector = $"{PolicyNames.ManagedByLabel}={PolicyNames.ManagedByValue}";

    public static async Task<HubSnapshot> ReadAsync(ClusterConnection hub, string hubNamespace, CancellationToken cancel)
    {
        var source = $"hub {hub.Server}";
        object list;
        try
        {
            // One cluster-wide list returns the roots in the hub namespace and their replicas in the cluster namespaces.
            list = await hub.Client.CustomObjects.ListClusterCustomObjectAsync(
                PolicyGroup, PolicyVersion, PolicyPlural, labelSelector: OwnedSelector, cancellationToken: cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "policies", hub.Server);
        }

        var documents = JsonDumpReader.Read(source, JsonSerializer.SerializeToUtf8Bytes(list));
        var policies = HubObjects.From(documents, hubNamespace, source).Policies;
        return new HubSnapshot(policies, await ReadSwitchAsync(hub, hubNamespace, cancel));
    }

    public static async Task<SwitchReading?> ReadSwitchAsync(ClusterConnection hub, string hubNamespace, CancellationToken cancel)
    {
        try
        {
            var map = await hub.Client.CoreV1.ReadNamespacedConfigMapAsync(PolicyNames.SwitchConfigMap, hubNamespace, cancellationToken: cancel);
            string? history = null;
            map.Metadata?.Annotations?.TryGetValue(FlipHistory.Annotation, out history);
            return new SwitchReading(
                map.Data is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(map.Data, StringComparer.Ordinal),
                history, $"hub {hub.Server}");
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
}
