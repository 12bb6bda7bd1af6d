using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>
/// Handlers for paths the generic resource handler does not serve, such as aggregated subresources
/// (<c>/apis/subresources.kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}/restart</c>).
/// A template's <c>{placeholder}</c> segments match one path segment each and reach the handler by name;
/// a handler answers with a JSON body (200) or throws <see cref="KubeApiException"/>.
/// </summary>
public sealed class CustomRoutes
{
    private readonly Lock gate = new();
    private readonly List<(string Method, string[] Template, Func<ObjectStore, IReadOnlyDictionary<string, string>, JsonNode?, JsonNode> Handler)> routes = [];

    public void Map(string method, string template, Func<ObjectStore, IReadOnlyDictionary<string, string>, JsonNode> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Map(method, template, (store, values, _) => handler(store, values));
    }

    /// <summary>A route whose handler also reads the request's JSON body (null when it has none), such as a create-only review (SelfSubjectAccessReview).</summary>
    public void Map(string method, string template, Func<ObjectStore, IReadOnlyDictionary<string, string>, JsonNode?, JsonNode> handler)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        lock (gate)
        {
            routes.Add((method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));
        }
    }

    internal Func<ObjectStore, JsonNode?, JsonNode>? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (gate)
        {
            foreach (var (m, template, handler) in routes)
            {
                if (m == method && Bind(template, segments) is { } values)
                {
                    return (store, body) => handler(store, values, body);
                }
            }
        }

        return null;
    }

    private static Dictionary<string, string>? Bind(string[] template, string[] segments)
    {
        if (template.Length != segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                values[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (part != segments[i])
            {
                return null;
            }
        }

        return values;
    }
}
