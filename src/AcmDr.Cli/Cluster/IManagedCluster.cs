using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using k8s.Models;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// A managed cluster as break glass, relocate and report's ground truth use it: KubeVirt objects as
/// untyped JSON, the nodes, and the writes that move a VM. Lists are paged (limit/continue), each page
/// one request under <see cref="Retry"/>; <see cref="ClusterReader"/> decides what to list. Reads and the nodeSelector merge patch are
/// safe to repeat and run under <see cref="Retry"/>; creating a migration and restarting are not
/// retried (repeating them blindly could start a second move).
/// </summary>
public interface IManagedCluster
{
    /// <summary>The API server's address, as messages name it.</summary>
    string Server { get; }

    /// <summary>The kubeconfig context it was opened with.</summary>
    string Context { get; }

    /// <summary>The one retry/timeout policy of its reads; also for a caller's own sequence of calls that is safe to repeat.</summary>
    TransientRetry Retry { get; }

    /// <summary>The VirtualMachine, or null when there is none.</summary>
    Task<JsonObject?> GetVmAsync(VmRef vm, CancellationToken cancel);

    /// <summary>Every VirtualMachine of <paramref name="ns"/>, or of every namespace when null: a paged LIST (see <see cref="KubeManagedCluster.PageSize"/>).</summary>
    Task<IReadOnlyList<JsonObject>> ListVmsAsync(string? ns, CancellationToken cancel);

    /// <summary>The VM's VirtualMachineInstance, or null when there is none.</summary>
    Task<JsonObject?> GetInstanceAsync(VmRef vm, CancellationToken cancel);

    /// <summary>Every VirtualMachineInstance of <paramref name="ns"/>, or of every namespace when null; paged.</summary>
    Task<IReadOnlyList<JsonObject>> ListInstancesAsync(string? ns, CancellationToken cancel);

    /// <summary>One VirtualMachineInstanceMigration, or null when there is none.</summary>
    Task<JsonObject?> GetMigrationAsync(string ns, string name, CancellationToken cancel);

    /// <summary>Every VirtualMachineInstanceMigration of <paramref name="ns"/>, or of every namespace when null; paged.</summary>
    Task<IReadOnlyList<JsonObject>> ListMigrationsAsync(string? ns, CancellationToken cancel);

    /// <summary>Every node; paged.</summary>
    Task<IReadOnlyList<V1Node>> ListNodesAsync(CancellationToken cancel);

    /// <summary>A JSON merge patch of the VM (see <see cref="NodeSelectorPatch"/>); retried, as it sets a value.</summary>
    Task<JsonObject> MergePatchVmAsync(VmRef vm, JsonObject patch, CancellationToken cancel);

    /// <summary>Creates a migration (see <see cref="MigrationStatus.New"/>) and returns it as created; not retried.</summary>
    Task<JsonObject> CreateMigrationAsync(string ns, JsonObject migration, CancellationToken cancel);

    /// <summary>KubeVirt's restart of the VM; not retried.</summary>
    Task RestartAsync(VmRef vm, CancellationToken cancel);

    /// <summary>Every KubeVirt CR (kubevirt.io/v1 kubevirts), in all namespaces; paged.</summary>
    Task<IReadOnlyList<JsonObject>> ListKubeVirtsAsync(CancellationToken cancel);
}
