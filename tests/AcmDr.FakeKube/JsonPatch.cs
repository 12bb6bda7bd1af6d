using System.Globalization;
using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>RFC 6902 JSON patch: add, remove, replace, test, move, copy.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var doc = document.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw KubeApiException.BadRequest("json patch operation must be an object");
            }

            var path = op["path"]?.GetValue<string>() ?? throw KubeApiException.BadRequest("json patch operation has no path");
            switch (op["op"]?.GetValue<string>())
            {
                case "add":
                    doc = Add(doc, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(doc, path);
                    break;
                case "replace":
                    Remove(doc, path);
                    doc = Add(doc, path, op["value"]?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Find(doc, path), op["value"]))
                    {
                        throw new KubeApiException(422, "Invalid", $"the server rejected our request due to an error in our request: testing value {path} failed");
                    }

                    break;
                case "move":
                    var moved = Find(doc, From(op))?.DeepClone();
                    Remove(doc, From(op));
                    doc = Add(doc, path, moved);
                    break;
                case "copy":
                    doc = Add(doc, path, Find(doc, From(op))?.DeepClone());
                    break;
                default:
                    throw KubeApiException.BadRequest($"unexpected json patch operation: {op["op"]}");
            }
        }

        return doc;
    }

    private static string From(JsonObject op) =>
        op["from"]?.GetValue<string>() ?? throw KubeApiException.BadRequest("json patch operation has no from");

    private static string[] Tokens(string path) =>
        path.Length == 0
            ? []
            : [.. path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static JsonNode? Find(JsonNode doc, string path)
    {
        JsonNode? node = doc;
        foreach (var token in Tokens(path))
        {
            node = node switch
            {
                JsonObject o when o.ContainsKey(token) => o[token],
                JsonArray a when int.TryParse(token, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw Missing(path),
            };
        }

        return node;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode doc, string path)
    {
        var tokens = Tokens(path);
        var parentPath = path[..path.LastIndexOf('/')];
        return (Find(doc, parentPath) ?? throw Missing(path), tokens[^1]);
    }

    private static JsonNode Add(JsonNode doc, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value ?? throw KubeApiException.BadRequest("cannot replace the document with null");
        }

        var (parent, last) = Parent(doc, path);
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Missing(path);
        }

        return doc;
    }

    private static void Remove(JsonNode doc, string path)
    {
        var (parent, last) = Parent(doc, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count:
                a.RemoveAt(i);
                break;
            default:
                throw Missing(path);
        }
    }

    private static KubeApiException Missing(string path) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: path {path} not found");
}
