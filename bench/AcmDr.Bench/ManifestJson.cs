using System.Text.Json.Nodes;
using AcmDr.Core.Manifests;

namespace AcmDr.Bench;

/// <summary>A generated manifest tree as JSON, the shape the API server hands back for it.</summary>
internal static class ManifestJson
{
    public static JsonNode From(ManifestNode node) => node switch
    {
        Scalar scalar => JsonValue.Create(scalar.Value),
        TypedScalar { Literal: "true" } => JsonValue.Create(true),
        TypedScalar { Literal: "false" } => JsonValue.Create(false),
        TypedScalar typed => JsonValue.Create(long.Parse(typed.Literal, System.Globalization.CultureInfo.InvariantCulture)),
        Mapping mapping => Object(mapping),
        Sequence sequence => new JsonArray([.. sequence.Items.Select(From)]),
        _ => throw new ArgumentException($"unknown manifest node {node.GetType().Name}", nameof(node)),
    };

    private static JsonObject Object(Mapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            result[key] = From(value);
        }

        return result;
    }
}
