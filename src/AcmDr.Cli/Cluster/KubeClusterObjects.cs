using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Options;
using AcmDr.Core.Isolated;
using k8s;
using k8s.Autorest;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// <see cref="IClusterObjects"/> over KubernetesClient's HTTP client and credentials: one raw request
/// per call, so the core group (<c>/api/v1</c>) and every other group (<c>/apis/{group}/{version}</c>)
/// go the same way. Reads and deletes run under <see cref="Retry"/> with its per-attempt token; a create
/// is sent once; lists are paged (limit/continue, a 410 on a continue token starts the list again).
/// </summary>
/// <param name="name">The cluster's name in the lists' retry notes; null: none.</param>
public sealed class KubeClusterObjects(ClusterConnection connection, TransientRetry retry, string? name = null) : IClusterObjects
{
    /// <summary>Objects per LIST page, as <see cref="KubeManagedCluster.DefaultPageSize"/>.</summary>
    public const int DefaultPageSize = KubeManagedCluster.DefaultPageSize;

    private const string ReviewPath = "apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private readonly string onCluster = name is null ? string.Empty : $" on {name}";

    public string Server => connection.Server;

    public string Context => connection.Context;

    public TransientRetry Retry => retry;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The managed cluster <paramref name="target"/> names (<c>--kubeconfig</c>, <c>--context</c>), each call bounded by its <c>--request-timeout</c> and retried within it.</summary>
    public static KubeClusterObjects Open(ManagedClusterTarget target, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(io);
        return new KubeClusterObjects(target.Connect(io.Environment), target.Limit.Retry(io), target.Cluster);
    }

    /// <summary>The URL path (no leading slash) of a type's collection in <paramref name="ns"/> (ignored for a cluster-scoped type; all namespaces when null).</summary>
    public static string CollectionPath(ApiResource type, string? ns)
    {
        ArgumentNullException.ThrowIfNull(type);
        var root = type.Group.Length == 0 ? $"api/{type.Version}" : $"apis/{type.Group}/{type.Version}";
        return type.Namespaced && ns is not null
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{type.Plural}"
            : $"{root}/{type.Plural}";
    }

    /// <summary>The URL path of one object; a namespaced type needs its namespace.</summary>
    public static string ObjectPath(ApiResource type, string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (type.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{type} is namespaced: a namespace is needed for {name}", nameof(ns));
        }

        return $"{CollectionPath(type, ns)}/{Uri.EscapeDataString(name)}";
    }

    public async Task<JsonObject?> GetAsync(ApiResource type, string? ns, string name, CancellationToken cancel)
    {
        var path = ObjectPath(type, ns, name);
        try
        {
            return await retry.RunAsync($"reading {type} {Id(type, ns, name)}", token => SendAsync(HttpMethod.Get, path, null, token), cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource type, string? ns, string? labelSelector, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(type);
        var path = CollectionPath(type, ns);
        var what = type.Namespaced && ns is not null ? $"listing {type} in {ns}" : $"listing {type}{onCluster}";
        var selector = string.IsNullOrEmpty(labelSelector) ? string.Empty : "&labelSelector=" + Uri.EscapeDataString(labelSelector);
        return await PagedList.ReadAsync(retry, what, async (next, token) =>
        {
            var query = $"?limit={PageSize}{selector}{(next is null ? string.Empty : "&continue=" + Uri.EscapeDataString(next))}";
            var page = await SendAsync(HttpMethod.Get, path + query, null, token);
            return (KubeJson.Items(page), KubeJson.Text(page["metadata"]?["continue"]));
        }, cancel);
    }

    public Task<JsonObject> CreateAsync(ApiResource type, string? ns, JsonObject body, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(body);
        if (type.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{type} is namespaced: a namespace is needed to create one", nameof(ns));
        }

        return SendAsync(HttpMethod.Post, CollectionPath(type, ns), body, cancel);
    }

    public async Task<bool> DeleteAsync(ApiResource type, string? ns, string name, CancellationToken cancel)
    {
        var path = ObjectPath(type, ns, name);
        var options = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Background" };
        try
        {
            await retry.RunAsync(
                $"deleting {type} {Id(type, ns, name)}",
                token => SendAsync(HttpMethod.Delete, path + "?propagationPolicy=Background", options, token),
                cancel);
            return true;
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            return false;
        }
    }

    public async Task<bool> CanAsync(AccessNeed need, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(need);
        var attributes = new JsonObject
        {
            ["verb"] = need.Verb,
            ["group"] = need.Group,
            ["resource"] = need.Resource,
        };
        if (need.Namespace is not null)
        {
            attributes["namespace"] = need.Namespace;
        }

        if (need.Subresource is not null)
        {
            attributes["subresource"] = need.Subresource;
        }

        var review = new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject { ["resourceAttributes"] = attributes },
        };

        // A review creates nothing: asking again after a blip is safe.
        var answer = await retry.RunAsync($"asking whether we may {need}", token => SendAsync(HttpMethod.Post, ReviewPath, review.DeepClone(), token), cancel);
        return answer["status"]?["allowed"] is JsonValue allowed && allowed.TryGetValue<bool>(out var yes) && yes;
    }

    private static string Id(ApiResource type, string? ns, string name) => type.Namespaced ? $"{ns}/{name}" : name;

    /// <summary>One request through the client's own HTTP client and credentials; a non-success answer is an <see cref="HttpOperationException"/> as KubernetesClient throws.</summary>
    private async Task<JsonObject> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, CancellationToken cancel)
    {
        var client = (Kubernetes)connection.Client;
        using var request = new HttpRequestMessage(method, new Uri(client.BaseUri, pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.ParseAdd("application/json");
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancel);
        }

        using var response = await client.HttpClient.SendAsync(request, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpOperationException($"{method} {pathAndQuery} answered {(int)response.StatusCode}")
            {
                Request = new HttpRequestMessageWrapper(request, body?.ToJsonString()),
                Response = new HttpResponseMessageWrapper(response, text),
            };
        }

        return (string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)) as JsonObject ?? [];
    }
}
