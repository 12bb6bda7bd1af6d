using System.Text;
using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// <see cref="IManagedCluster"/> over KubernetesClient. Every read and the merge patch run through
/// <see cref="Retry"/> with its per-attempt token (so its attempt timeout, when set, bounds each
/// request); creating a migration and restarting are sent once: relocate decides again from what the
/// cluster says on its next round.
/// </summary>
/// <param name="name">The cluster's name in the lists' retry notes (report reads several); null: none.</param>
public sealed class KubeManagedCluster(ClusterConnection connection, TransientRetry retry, string? name = null) : IManagedCluster
{
    private const string Group = "kubevirt.io";
    private const string Version = "v1";
    private const string VirtualMachines = "virtualmachines";
    private const string Instances = "virtualmachineinstances";
    private const string Migrations = "virtualmachineinstancemigrations";

    private readonly string onCluster = name is null ? string.Empty : $" on {name}";

    public string Server => connection.Server;

    public string Context => connection.Context;

    public TransientRetry Retry => retry;

    /// <summary>
    /// Objects per LIST page: thousands of VMs come in a few requests, and no one answer is so large
    /// that the API server or a site link chokes on it (kubectl pages by 500 too).
    /// </summary>
    public int PageSize { get; init; } = DefaultPageSize;

    public const int DefaultPageSize = 500;

    public Task<JsonObject?> GetVmAsync(VmRef vm, CancellationToken cancel) => GetAsync(VirtualMachines, vm, cancel);

    public Task<IReadOnlyList<JsonObject>> ListVmsAsync(string? ns, CancellationToken cancel) => ListAsync(VirtualMachines, ns, cancel);

    public Task<JsonObject?> GetInstanceAsync(VmRef vm, CancellationToken cancel) => GetAsync(Instances, vm, cancel);

    public Task<IReadOnlyList<JsonObject>> ListInstancesAsync(string? ns, CancellationToken cancel) => ListAsync(Instances, ns, cancel);

    public Task<JsonObject?> GetMigrationAsync(string ns, string name, CancellationToken cancel) => GetAsync(Migrations, new VmRef(ns, name), cancel);

    public Task<IReadOnlyList<JsonObject>> ListMigrationsAsync(string? ns, CancellationToken cancel) => ListAsync(Migrations, ns, cancel);

    public Task<IReadOnlyList<V1Node>> ListNodesAsync(CancellationToken cancel) =>
        PagedAsync($"listing nodes{onCluster}", async (next, token) =>
        {
            var page = await connection.Client.CoreV1.ListNodeAsync(continueParameter: next, limit: PageSize, cancellationToken: token);
            return ((IReadOnlyList<V1Node>)[.. page.Items], page.Metadata?.ContinueProperty);
        }, cancel);

    public Task<IReadOnlyList<JsonObject>> ListKubeVirtsAsync(CancellationToken cancel) => ListAsync("kubevirts", null, cancel);

    public Task<JsonObject> MergePatchVmAsync(VmRef vm, JsonObject patch, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(patch);
        return retry.RunAsync($"patching virtualmachine {vm}", token =>
            connection.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, vm.Namespace, VirtualMachines, vm.Name, cancellationToken: token), cancel);
    }

    public Task<JsonObject> CreateMigrationAsync(string ns, JsonObject migration, CancellationToken cancel) =>
        connection.Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(migration, Group, Version, ns, Migrations, cancellationToken: cancel);

    /// <summary>
    /// KubeVirt's restart subresource (an aggregated API) has no call in KubernetesClient, so it is one
    /// raw PUT through the client's own HttpClient and credentials.
    /// </summary>
    public async Task RestartAsync(VmRef vm, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var client = (Kubernetes)connection.Client;
        var path = $"apis/subresources.kubevirt.io/v1/namespaces/{Uri.EscapeDataString(vm.Namespace)}/virtualmachines/{Uri.EscapeDataString(vm.Name)}/restart";
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(client.BaseUri, path))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancel);
        }

        using var response = await client.HttpClient.SendAsync(request, cancel);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancel);
            throw new HttpOperationException($"restart of {vm} answered {(int)response.StatusCode}")
            {
                Response = new HttpResponseMessageWrapper(response, body),
            };
        }
    }

    /// <summary>One namespaced object (<paramref name="id"/>: its namespace and name), or null when there is none.</summary>
    private async Task<JsonObject?> GetAsync(string plural, VmRef id, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            return await retry.RunAsync($"reading {plural} {id}", token =>
                connection.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(Group, Version, id.Namespace, plural, id.Name, token), cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    private Task<IReadOnlyList<JsonObject>> ListAsync(string plural, string? ns, CancellationToken cancel) =>
        PagedAsync(ns is null ? $"listing {plural}{onCluster}" : $"listing {plural} in {ns}", async (next, token) =>
        {
            var page = ns is null
                ? await connection.Client.CustomObjects.ListClusterCustomObjectAsync<JsonObject>(
                    Group, Version, plural, continueParameter: next, limit: PageSize, cancellationToken: token)
                : await connection.Client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(
                    Group, Version, ns, plural, continueParameter: next, limit: PageSize, cancellationToken: token);
            return (KubeJson.Items(page), KubeJson.Text(page?["metadata"]?["continue"]));
        }, cancel);

    /// <summary>Every page of one LIST (see <see cref="PagedList"/>).</summary>
    private Task<IReadOnlyList<T>> PagedAsync<T>(
        string what, Func<string?, CancellationToken, Task<(IReadOnlyList<T> Items, string? Continue)>> page, CancellationToken cancel) =>
        PagedList.ReadAsync(retry, what, page, cancel);
}
