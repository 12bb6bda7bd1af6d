using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AcmDr.FakeKube;

/// <summary>Maps the verbs on a resource URL to store operations.</summary>
internal sealed class ResourceHandler(ObjectStore store, TimeProvider clock, CancellationToken serverStopping)
{
    public async Task<KubeResponse> HandleAsync(HttpContext context, ApiPath path, ResourceType type)
    {
        var request = context.Request;
        var ns = type.Namespaced ? path.Namespace : null;
        if (path.Subresource is not null and not "status")
        {
            throw new KubeApiException(404, "NotFound", "the server could not find the requested resource");
        }

        var statusOnly = path.Subresource == "status";
        return (request.Method, path.Name) switch
        {
            ("GET", null) when IsWatch(request.Query) => Watch(context, type, ns),
            ("GET", null) => List(request.Query, type, ns),
            ("GET", { } name) => KubeResponse.Ok(store.Get(type, ns, name)),
            ("POST", null) => await CreateAsync(request, type, ns),
            ("PUT", { } name) => KubeResponse.Ok(store.Replace(type, ns, name, await ReadObjectAsync(request), statusOnly)),
            ("PATCH", { } name) => KubeResponse.Ok(await PatchAsync(request, type, ns, name, statusOnly)),
            ("DELETE", { } name) => Deleted(type, ns, name),
            _ => throw new KubeApiException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
    }

    private async Task<KubeResponse> CreateAsync(HttpRequest request, ResourceType type, string? ns)
    {
        var body = await ReadObjectAsync(request);
        ns ??= type.Namespaced ? KubeObject.Namespace(body) ?? "default" : null;
        return KubeResponse.Json(201, store.Create(type, ns, body));
    }

    private static bool IsWatch(IQueryCollection query) =>
        query["watch"].ToString() is "true" or "1";

    private KubeResponse List(IQueryCollection query, ResourceType type, string? ns)
    {
        var (items, version, next, remaining) = store.ListPaged(
            type, ns, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"]), query["limit"], query["continue"]);
        var metadata = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) };
        if (next is not null)
        {
            metadata["continue"] = next;
            metadata["remainingItemCount"] = remaining;
        }

        return KubeResponse.Ok(new JsonObject
        {
            ["kind"] = type.ListKind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. items]),
        });
    }

    private KubeResponse Watch(HttpContext context, ResourceType type, string? ns)
    {
        var query = context.Request.Query;
        var from = long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var v) ? v : 0;
        TimeSpan? timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : GoDuration.Parse(query["timeout"]);
        var subscription = store.Subscribe(type, ns, LabelSelector.Parse(query["labelSelector"]), FieldSelector.Parse(query["fieldSelector"]), from);
        return KubeResponse.Streaming(ctx => WatchStream.RunAsync(ctx, subscription, timeout, clock, serverStopping));
    }

    private KubeResponse Deleted(ResourceType type, string? ns, string name)
    {
        var gone = store.Delete(type, ns, name);
        return KubeResponse.Ok(StatusBody.Success(name, type, KubeObject.StringAt(gone, "uid")));
    }

    private async Task<JsonObject> PatchAsync(HttpRequest request, ResourceType type, string? ns, string name, bool statusOnly)
    {
        var mediaType = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var patch = await ReadAsync(request);
        Func<JsonObject, JsonObject> apply = mediaType switch
        {
            "application/merge-patch+json" or "application/strategic-merge-patch+json" =>
                current => JsonMergePatch.Apply(current, patch) as JsonObject ?? throw KubeApiException.BadRequest("patch must produce an object"),
            "application/json-patch+json" when patch is JsonArray operations =>
                current => JsonPatch.Apply(current, operations) as JsonObject ?? throw KubeApiException.BadRequest("patch must produce an object"),
            "application/json-patch+json" => throw KubeApiException.BadRequest("json patch must be an array"),
            _ => throw new KubeApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json"),
        };
        return store.Patch(type, ns, name, apply, statusOnly);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        var mediaType = (request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (mediaType != "application/json" && !mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            throw new KubeApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json");
        }

        return await ReadAsync(request) as JsonObject ?? throw KubeApiException.BadRequest("request body must be a JSON object");
    }

    private static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        request.EnableBuffering();
        request.Body.Position = 0;
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw KubeApiException.BadRequest($"invalid JSON body: {e.Message}");
        }
    }
}
