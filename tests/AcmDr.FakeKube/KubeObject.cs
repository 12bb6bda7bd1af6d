using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>Reads and writes the metadata fields of an untyped object.</summary>
internal static class KubeObject
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? Name(JsonObject obj) => StringAt(obj, "name");

    public static string? Namespace(JsonObject obj) => StringAt(obj, "namespace");

    public static string? ResourceVersion(JsonObject obj) => StringAt(obj, "resourceVersion");

    public static string? StringAt(JsonObject obj, string field) =>
        obj["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>Everything but metadata and status: what a generation counts changes of.</summary>
    public static bool SpecEquals(JsonObject left, JsonObject right)
    {
        static IEnumerable<KeyValuePair<string, JsonNode?>> Body(JsonObject o) =>
            o.Where(p => p.Key is not ("metadata" or "status" or "kind" or "apiVersion"));

        var l = new JsonObject(Body(left).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var r = new JsonObject(Body(right).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        return JsonNode.DeepEquals(l, r);
    }
}
