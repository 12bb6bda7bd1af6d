using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// Any object of a cluster as untyped JSON: what an isolated rehearsal reads, creates and cleans up.
/// Reads and deletes are safe to repeat and run under <see cref="Retry"/>; a create is sent once (a
/// second one would answer 409 AlreadyExists, which <see cref="CreateAsync"/> reports as such).
/// Lists are paged (limit/continue), each page one request.
/// </summary>
public interface IClusterObjects
{
    string Server { get; }

    string Context { get; }

    TransientRetry Retry { get; }

    /// <summary>The object, or null when there is none.</summary>
    Task<JsonObject?> GetAsync(ApiResource type, string? ns, string name, CancellationToken cancel);

    /// <summary>Every object of the type in <paramref name="ns"/> (all namespaces when null), narrowed by a label selector when given; paged.</summary>
    Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource type, string? ns, string? labelSelector, CancellationToken cancel);

    /// <summary>Creates the object and returns it as created; an <see cref="AcmDr.Core.AcmDrException"/> is not thrown here, Kubernetes errors pass through (409 when it exists).</summary>
    Task<JsonObject> CreateAsync(ApiResource type, string? ns, JsonObject body, CancellationToken cancel);

    /// <summary>Deletes the object (background propagation); false when it was not there.</summary>
    Task<bool> DeleteAsync(ApiResource type, string? ns, string name, CancellationToken cancel);

    /// <summary>One SelfSubjectAccessReview: whether the kubeconfig's user may do <paramref name="need"/>.</summary>
    Task<bool> CanAsync(AccessNeed need, CancellationToken cancel);
}
