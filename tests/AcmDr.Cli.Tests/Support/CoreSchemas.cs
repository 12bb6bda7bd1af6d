using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Minimal strict schemas (in CRD openAPIV3Schema form) for the core kinds
/// acmdr emits that have no CRD.
/// </summary>
public static class CoreSchemas
{
    private const string ConfigMap = """
        {"type": "object", "properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
          "data": {"type": "object", "additionalProperties": {"type": "string"}},
          "binaryData": {"type": "object", "additionalProperties": {"type": "string"}},
          "immutable": {"type": "boolean"}}}
        """;

    private const string Role = """
        {"type": "object", "properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
          "rules": {"type": "array", "items": {"type": "object", "required": ["verbs"], "properties": {
            "apiGroups": {"type": "array", "items": {"type": "string"}},
            "resources": {"type": "array", "items": {"type": "string"}},
            "resourceNames": {"type": "array", "items": {"type": "string"}},
            "verbs": {"type": "array", "items": {"type": "string"}},
            "nonResourceURLs": {"type": "array", "items": {"type": "string"}}}}}}}
        """;

    private const string RoleBinding = """
        {"type": "object", "required": ["roleRef"], "properties": {
          "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
          "roleRef": {"type": "object", "required": ["apiGroup", "kind", "name"], "properties": {
            "apiGroup": {"type": "string"}, "kind": {"type": "string"}, "name": {"type": "string"}}},
          "subjects": {"type": "array", "items": {"type": "object", "required": ["kind", "name"], "properties": {
            "kind": {"type": "string"}, "apiGroup": {"type": "string"},
            "name": {"type": "string"}, "namespace": {"type": "string"}}}}}}
        """;

    public static IEnumerable<(SchemaKey Key, JsonObject OpenApiSchema)> All()
    {
        yield return (new SchemaKey(string.Empty, "v1", "ConfigMap"), Parse(ConfigMap));
        yield return (new SchemaKey("rbac.authorization.k8s.io", "v1", "Role"), Parse(Role));
        yield return (new SchemaKey("rbac.authorization.k8s.io", "v1", "RoleBinding"), Parse(RoleBinding));
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
