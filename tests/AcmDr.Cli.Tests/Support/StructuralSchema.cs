using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Turns a CRD's structural <c>openAPIV3Schema</c> into a JSON Schema that
/// rejects what kubectl's strict field validation rejects.
/// </summary>
public static class StructuralSchema
{
    // Value validations kept as they are; descriptions, defaults, formats
    // (Kubernetes formats such as int32 or date-time mean other things to
    // NJsonSchema) and CEL rules are dropped.
    private static readonly string[] CopiedKeywords =
    [
        "enum", "pattern", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems",
        "uniqueItems", "minProperties", "maxProperties",
    ];

    private static readonly string[] Compositions = ["anyOf", "oneOf", "allOf"];

    /// <summary>
    /// Converts a schema. <paramref name="partial"/> drops every <c>required</c>,
    /// for fragments such as a musthave objectDefinition; unknown fields are
    /// still rejected.
    /// </summary>
    public static JsonObject ToJsonSchema(JsonObject openApiSchema, bool partial)
    {
        ArgumentNullException.ThrowIfNull(openApiSchema);
        var schema = Convert(openApiSchema, partial, inBranch: false);
        schema["$schema"] = "http://json-schema.org/draft-04/schema#";
        return schema;
    }

    private static JsonObject Convert(JsonObject source, bool partial, bool inBranch)
    {
        var target = new JsonObject();
        foreach (var keyword in CopiedKeywords)
        {
            if (source[keyword] is { } value)
            {
                target[keyword] = value.DeepClone();
            }
        }

        if (!partial && source["required"] is JsonArray required)
        {
            target["required"] = required.DeepClone();
        }

        var nullable = IsTrue(source, "nullable");
        var preserveUnknown = IsTrue(source, "x-kubernetes-preserve-unknown-fields");
        if (source["type"] is JsonValue type)
        {
            target["type"] = nullable ? new JsonArray(type.GetValue<string>(), "null") : type.GetValue<string>();
        }
        else if (IsTrue(source, "x-kubernetes-int-or-string") && source["anyOf"] is null)
        {
            target["type"] = nullable ? new JsonArray("integer", "string", "null") : new JsonArray("integer", "string");
        }

        if (nullable && target["enum"] is JsonArray values)
        {
            values.Add(null);
        }

        if (source["properties"] is JsonObject properties)
        {
            var converted = new JsonObject();
            foreach (var (name, property) in properties)
            {
                converted[name] = Convert((JsonObject)property!, partial, inBranch);
            }

            target["properties"] = converted;

            // Properties inside anyOf/oneOf/allOf/not only constrain values
            // (structural schemas declare fields at the top), so only the
            // top-level declaration closes the object.
            if (!inBranch && !preserveUnknown && source["additionalProperties"] is null)
            {
                target["additionalProperties"] = false;
            }
        }

        switch (source["additionalProperties"])
        {
            case JsonObject additional:
                target["additionalProperties"] = Convert(additional, partial, inBranch);
                break;
            case JsonValue allowed:
                target["additionalProperties"] = allowed.DeepClone();
                break;
        }

        if (source["items"] is JsonObject items)
        {
            target["items"] = Convert(items, partial, inBranch);
        }

        foreach (var keyword in Compositions)
        {
            if (source[keyword] is not JsonArray branches)
            {
                continue;
            }

            var converted = new JsonArray();
            foreach (var branch in branches)
            {
                converted.Add(Convert((JsonObject)branch!, partial, inBranch: true));
            }

            // A branch that only required fields is empty in a partial
            // schema and would make oneOf ambiguous: drop the whole choice.
            if (partial && keyword != "allOf" && converted.Any(b => ((JsonObject)b!).Count == 0))
            {
                continue;
            }

            target[keyword] = converted;
        }

        if (source["not"] is JsonObject not)
        {
            var converted = Convert(not, partial, inBranch: true);
            if (converted.Count > 0)
            {
                target["not"] = converted;
            }
        }

        return target;
    }

    private static bool IsTrue(JsonObject source, string keyword) =>
        source[keyword] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
