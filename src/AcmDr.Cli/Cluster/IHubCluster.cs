using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using k8s;
using k8s.Models;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// The hub as flip, report and wait use it: acmdr's policies as the JSON the hub sent (read once, not
/// bound to a type), the switch ConfigMap, its conditional merge patch and the flip's Event, and
/// watches of both. Reads of one object or list run under <see cref="Retry"/>; the switch's
/// read-then-patch is a sequence the caller runs again as a whole under <see cref="Retry"/> (a write
/// whose answer was lost is seen on its next read), so those two are single requests; the Event is
/// sent once; watches stream as the server sends them.
/// </summary>
public interface IHubCluster
{
    /// <summary>The API server's address, as messages name it.</summary>
    string Server { get; }

    /// <summary>The kubeconfig user of the context: who a flip is recorded as.</summary>
    string User { get; }

    /// <summary>The one retry/timeout policy of its reads; also for a caller's own sequence of calls that is safe to repeat.</summary>
    TransientRetry Retry { get; }

    /// <summary>The same hub, its reads retried under <paramref name="retry"/> instead (say, one that notes nothing).</summary>
    IHubCluster WithRetry(TransientRetry retry);

    /// <summary>acmdr's policies in every namespace (the roots and their replicas), as one list; retried.</summary>
    Task<JsonElement> ListPoliciesAsync(CancellationToken cancel);

    /// <summary>acmdr's policies in <paramref name="ns"/>, as one list; sent once (flip's impact is best effort).</summary>
    Task<JsonElement> ListPoliciesAsync(string ns, CancellationToken cancel);

    /// <summary>The switch ConfigMap of <paramref name="ns"/>, or null when there is none; retried.</summary>
    Task<V1ConfigMap?> ReadSwitchAsync(string ns, CancellationToken cancel);

    /// <summary>The switch ConfigMap of <paramref name="ns"/> in one request, for a sequence run under <see cref="Retry"/>; null when there is none.</summary>
    Task<V1ConfigMap?> GetSwitchAsync(string ns, CancellationToken cancel);

    /// <summary>
    /// One JSON merge patch of the switch, conditional on the resourceVersion it carries (a change in
    /// between: 409); a single request, run under <see cref="Retry"/> with the read it depends on.
    /// </summary>
    Task<V1ConfigMap> PatchSwitchAsync(string ns, JsonObject patch, CancellationToken cancel);

    /// <summary>Records an Event in <paramref name="ns"/>; sent once.</summary>
    Task CreateEventAsync(string ns, Corev1Event ev, CancellationToken cancel);

    /// <summary>Changes to acmdr's policies in every namespace from <paramref name="resourceVersion"/>, the server ending the watch after <paramref name="timeoutSeconds"/>.</summary>
    IAsyncEnumerable<(WatchEventType Type, JsonElement Policy)> WatchPoliciesAsync(string? resourceVersion, int timeoutSeconds, CancellationToken cancel);

    /// <summary>Changes to the switch ConfigMap of <paramref name="ns"/>.</summary>
    IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Switch)> WatchSwitchAsync(string ns, CancellationToken cancel);

    /// <summary>The Namespace <paramref name="ns"/>, or null when there is none; retried.</summary>
    Task<V1Namespace?> ReadNamespaceAsync(string ns, CancellationToken cancel);

    /// <summary>Every Placement of <paramref name="ns"/>; retried.</summary>
    Task<IReadOnlyList<JsonObject>> ListPlacementsAsync(string ns, CancellationToken cancel);

    /// <summary>Every PlacementDecision of <paramref name="ns"/> (label <c>cluster.open-cluster-management.io/placement</c> names its Placement); retried.</summary>
    Task<IReadOnlyList<JsonObject>> ListPlacementDecisionsAsync(string ns, CancellationToken cancel);

    /// <summary>The ManagedClusterSetBinding <paramref name="name"/> of <paramref name="ns"/>, or null when there is none; retried.</summary>
    Task<JsonObject?> ReadClusterSetBindingAsync(string ns, string name, CancellationToken cancel);

    /// <summary>
    /// acmdr's DRPlacementControls (Ramen, ramendr.openshift.io/v1alpha1) in <paramref name="ns"/>: one LIST with acmdr's
    /// label, paged; each page retried.
    /// </summary>
    Task<IReadOnlyList<JsonElement>> ListDrpcsAsync(string ns, CancellationToken cancel);
}
