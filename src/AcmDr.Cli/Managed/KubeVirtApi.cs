using System.Text;
using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace AcmDr.Cli.Managed;

/// <summary>
/// The KubeVirt and node calls break glass and relocate make, as untyped JSON objects. Reads and
/// the nodeSelector merge patch are retried on transient failures; creating a migration and
/// restarting are not (repeating them blindly could start a second move): relocate decides again
/// from what the cluster says on its next round.
/// </summary>
public sealed class KubeVirtApi(ClusterConnection cluster, TransientRetry retry)
{
    public const string Group = "kubevirt.io";
    public const string Version = "v1";
    public const string VirtualMachines = "virtualmachines";
    public const string Instances = "virtualmachineinstances";
    public const string Migrations = "virtualmachineinstancemigrations";

    public string Server => cluster.Server;

    public async Task<JsonObject?> GetAsync(string plural, string ns, string name, CancellationToken cancel)
    {
        try
        {
            return await retry.RunAsync($"reading {plural} {ns}/{name}", () =>
                cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(Group, Version, ns, plural, name, cancel), cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(string plural, string ns, CancellationToken cancel)
    {
        var list = await retry.RunAsync($"listing {plural} in {ns}", () =>
            cluster.Client.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(Group, Version, ns, plural, cancellationToken: cancel), cancel);
        return list?["items"] is JsonArray items ? [.. items.OfType<JsonObject>()] : [];
    }

    public Task<JsonObject> MergePatchVmAsync(string ns, string name, JsonObject patch, CancellationToken cancel) =>
        retry.RunAsync($"patching virtualmachine {ns}/{name}", () =>
            cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonObject>(
                new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, ns, VirtualMachines, name, cancellationToken: cancel), cancel);

    public Task<JsonObject> CreateMigrationAsync(string ns, JsonObject migration, CancellationToken cancel) =>
        cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync<JsonObject>(migration, Group, Version, ns, Migrations, cancellationToken: cancel);

    public async Task<IReadOnlyList<V1Node>> ListNodesAsync(CancellationToken cancel) =>
        (await retry.RunAsync("listing nodes", () => cluster.Client.CoreV1.ListNodeAsync(cancellationToken: cancel), cancel)).Items.ToList();

    /// <summary>
    /// KubeVirt's restart subresource (an aggregated API) has no call in KubernetesClient, so it is one
    /// raw PUT through the client's own HttpClient and credentials.
    /// </summary>
    public async Task RestartAsync(string ns, string name, CancellationToken cancel)
    {
        var client = (Kubernetes)cluster.Client;
        var path = $"apis/subresources.kubevirt.io/v1/namespaces/{Uri.EscapeDataString(ns)}/virtualmachines/{Uri.EscapeDataString(name)}/restart";
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
            throw new HttpOperationException($"restart of {ns}/{name} answered {(int)response.StatusCode}")
            {
                Response = new HttpResponseMessageWrapper(response, body),
            };
        }
    }
}
