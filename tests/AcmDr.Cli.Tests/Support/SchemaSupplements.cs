using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Constraints the upstream CRDs state only in their descriptions, and that
/// the hub's controllers and webhooks enforce, added as enums so that the
/// validator catches them before a cluster does.
/// </summary>
public static class SchemaSupplements
{
    private const string ClusterGroup = "cluster.open-cluster-management.io";

    // "Valid operators are Exists and Equal." (Placement toleration)
    private static readonly string[] TolerationOperators = ["Exists", "Equal"];

    // "Valid operators are In, NotIn, Exists and DoesNotExist." (label selector)
    private static readonly string[] LabelSelectorOperators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static void Apply(SchemaKey key, JsonObject openApiSchema)
    {
        ArgumentNullException.ThrowIfNull(openApiSchema);
        if (key.Group != ClusterGroup)
        {
            return;
        }

        if (key.Kind == "Placement"
            && openApiSchema["properties"]?["spec"]?["properties"]?["tolerations"]?["items"]?["properties"]?["operator"] is JsonObject operatorSchema)
        {
            AddEnum(operatorSchema, TolerationOperators);
        }

        AddToMatchExpressions(openApiSchema);
    }

    private static void AddToMatchExpressions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["matchExpressions"]?["items"]?["properties"]?["operator"] is JsonObject operatorSchema)
                {
                    AddEnum(operatorSchema, LabelSelectorOperators);
                }

                foreach (var (_, child) in obj)
                {
                    AddToMatchExpressions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    AddToMatchExpressions(child);
                }

                break;
        }
    }

    private static void AddEnum(JsonObject schema, string[] values)
    {
        if (schema["enum"] is null)
        {
            schema["enum"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
    }
}
