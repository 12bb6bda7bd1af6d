using System.Text.Json.Nodes;

namespace AcmDr.Cli.Cluster;

/// <summary>Fields of untyped Kubernetes objects, read without trusting their shape.</summary>
public static class KubeJson
{
    /// <summary>The string at <paramref name="node"/>, or null when it is missing or not a string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The objects of a list answer (none when it has no <c>items</c>).</summary>
    public static IReadOnlyList<JsonObject> Items(JsonObject? list) =>
        list?["items"] is JsonArray items ? [.. items.OfType<JsonObject>()] : [];

    /// <summary>Whether the object's status has a condition of <paramref name="type"/> with status "True".</summary>
    public static bool ConditionIsTrue(JsonObject obj, string type)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj["status"]?["conditions"] is JsonArray conditions
            && conditions.OfType<JsonObject>().Any(c => Text(c["type"]) == type && Text(c["status"]) == "True");
    }
}
