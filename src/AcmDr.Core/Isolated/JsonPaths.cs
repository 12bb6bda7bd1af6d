using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcmDr.Core.Isolated;

/// <summary>Tolerant reads of objects the cluster returned: a missing or mistyped field reads as null.</summary>
internal static class JsonPaths
{
    /// <summary>The node at the path of keys, or null when any step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static JsonObject? Object(JsonNode? node, params string[] keys) => At(node, keys) as JsonObject;

    /// <summary>The objects of the array at the path (non-objects skipped); empty when there is none.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node, params string[] keys) =>
        At(node, keys) is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>The string at the path, or null when missing or not a string.</summary>
    public static string? String(JsonNode? node, params string[] keys) =>
        At(node, keys) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A scalar at the path as text (a number or string quantity such as <c>2</c> or <c>"2"</c>), or null.</summary>
    public static string? Scalar(JsonNode? node, params string[] keys) =>
        At(node, keys) is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number => value.ToJsonString(),
                _ => null,
            }
            : null;

    /// <summary>True only for a JSON true at the path.</summary>
    public static bool IsTrue(JsonNode? node, params string[] keys) =>
        At(node, keys) is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The strings of the array at the path.</summary>
    public static IEnumerable<string> Strings(JsonNode? node, params string[] keys) =>
        At(node, keys) is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())
            : [];

    /// <summary>The condition of the type in status.conditions, or null.</summary>
    public static JsonObject? Condition(JsonNode? node, string type) =>
        Objects(node, "status", "conditions").FirstOrDefault(c => String(c, "type") == type);

    /// <summary>Whether the condition of the type has status "True".</summary>
    public static bool ConditionTrue(JsonNode? node, string type) => String(Condition(node, type), "status") == "True";

    /// <summary>The object at the key of <paramref name="parent"/>, created empty when missing or not an object.</summary>
    public static JsonObject Ensure(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
