using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AcmDr.FakeKube;

/// <summary>Every request goes through here: faults first, then discovery or a resource handler, then the log.</summary>
internal sealed class RequestPipeline(FakeApiServer server, CancellationToken serverStopping)
{
    private readonly ResourceHandler resources = new(server.Store, server.Clock, serverStopping);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        void Log(int status) =>
            server.Requests.Add(new RecordedRequest(request.Method, path, request.QueryString.Value ?? "", request.ContentType, status));

        var faults = server.Faults.Fire(request.Method, path);
        foreach (var fault in faults)
        {
            switch (fault.Kind)
            {
                case FaultKind.Delay:
                    await Task.Delay(fault.Delay, server.Clock, context.RequestAborted);
                    break;
                case FaultKind.RunBeforeHandling:
                    fault.Callback?.Invoke(server.Store);
                    break;
                case FaultKind.RespondWithStatus:
                    var injected = KubeResponse.Error(new KubeApiException(fault.StatusCode, StatusBody.ReasonFor(fault.StatusCode), $"injected fault: {fault.StatusCode}"));
                    if (fault.RetryAfter is { } retry)
                    {
                        injected.Headers["Retry-After"] = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    Log(fault.StatusCode);
                    await injected.WriteAsync(context);
                    return;
                case FaultKind.Hang:
                    Log(0);
                    await HangAsync(context);
                    return;
                case FaultKind.DropBeforeHandling:
                    Log(0);
                    context.Abort();
                    return;
                default:
                    break;
            }
        }

        var response = await HandleAsync(context, path);
        if (faults.Any(f => f.Kind == FaultKind.DropAfterHandling))
        {
            Log(0);
            context.Abort();
            return;
        }

        Log(response.StatusCode);
        await response.WriteAsync(context);
    }

    /// <summary>Holds the request open without a byte of answer until the client leaves or the server stops.</summary>
    private async Task HangAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: end the connection without an answer.
        }

        context.Abort();
    }

    private async Task<KubeResponse> HandleAsync(HttpContext context, string path)
    {
        try
        {
            server.Admission.Check(context.Request.Method, path, server.Store);
            if (server.Routes.Match(context.Request.Method, path) is { } custom)
            {
                return KubeResponse.Ok(custom(server.Store, await ReadBodyAsync(context.Request)));
            }

            var document = Discovery(path);
            if (document is not null)
            {
                return context.Request.Method == "GET"
                    ? KubeResponse.Ok(document)
                    : throw new KubeApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
            }

            var apiPath = ApiPath.Parse(path, server.Registry);
            var type = apiPath?.Plural is { } plural ? server.Registry.Find(apiPath.Group, apiPath.Version, plural) : null;
            if (apiPath is null || type is null)
            {
                throw new KubeApiException(404, "NotFound", "the server could not find the requested resource");
            }

            return await resources.HandleAsync(context, apiPath, type);
        }
        catch (KubeApiException e)
        {
            return KubeResponse.Error(e);
        }
#pragma warning disable CA1031 // Any other failure is the fake's bug: answer 500 like kube would, do not kill the connection.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return KubeResponse.Error(new KubeApiException(500, "InternalError", $"fake api server: {e.Message}"));
        }
    }

    private System.Text.Json.Nodes.JsonObject? Discovery(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var types = server.Registry.All();
        return segments switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => DiscoveryDocuments.CoreVersions(server.BaseUri.Authority),
            ["api", var version] => DiscoveryDocuments.ResourceList("", version, types),
            ["apis"] => DiscoveryDocuments.GroupList(types),
            ["apis", var group] => DiscoveryDocuments.Group(group, types),
            ["apis", var group, var version] => DiscoveryDocuments.ResourceList(group, version, types),
            _ => null,
        };
    }

    /// <summary>The request's JSON body for a custom route, or null when it has none.</summary>
    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || request.Method is "GET" or "DELETE")
        {
            return null;
        }

        request.EnableBuffering();
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw KubeApiException.BadRequest($"invalid JSON body: {e.Message}");
        }
    }
}
