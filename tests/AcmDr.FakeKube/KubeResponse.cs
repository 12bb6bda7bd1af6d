using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AcmDr.FakeKube;

/// <summary>
/// What a handler decided to answer, kept apart from writing it so that a fault can
/// apply a write and then drop the connection instead of answering.
/// </summary>
internal sealed class KubeResponse
{
    private KubeResponse(int statusCode, JsonNode? body, Func<HttpContext, Task>? stream)
    {
        StatusCode = statusCode;
        Body = body;
        Stream = stream;
    }

    public int StatusCode { get; }

    public JsonNode? Body { get; }

    public Func<HttpContext, Task>? Stream { get; }

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static KubeResponse Json(int statusCode, JsonNode body) => new(statusCode, body, null);

    public static KubeResponse Ok(JsonNode body) => new(200, body, null);

    public static KubeResponse Streaming(Func<HttpContext, Task> stream) => new(200, null, stream);

    public static KubeResponse Error(KubeApiException error) => new(error.Code, error.ToStatus(), null);

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (Stream is not null)
        {
            await Stream(context);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Body?.ToJsonString() ?? "{}", context.RequestAborted);
    }
}
