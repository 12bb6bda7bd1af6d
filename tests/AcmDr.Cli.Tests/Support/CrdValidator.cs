using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using YamlDotNet.Core;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Validates manifests against the upstream CRDs in <c>shared/crds</c> (and
/// minimal core schemas) with kubectl's strict field validation: unknown
/// fields are errors wherever the schema does not preserve them.
/// </summary>
public sealed class CrdValidator
{
    private const string PolicyGroup = "policy.open-cluster-management.io";

    private static readonly Lazy<CrdValidator> SharedLazy = new(() => Load(RequiredTool.CrdDir()));

    private readonly Dictionary<SchemaKey, JsonObject> openApiSchemas;
    private readonly ConcurrentDictionary<(SchemaKey Key, bool Partial), Lazy<JsonSchema>> compiled = new();

    private CrdValidator(Dictionary<SchemaKey, JsonObject> openApiSchemas) => this.openApiSchemas = openApiSchemas;

    /// <summary>The validator for the shared CRDs, loaded once; inconclusive (or failed in CI) when they are missing.</summary>
    public static CrdValidator Shared => SharedLazy.Value;

    public IReadOnlyCollection<SchemaKey> Kinds => openApiSchemas.Keys;

    public static CrdValidator Load(string crdDir)
    {
        var schemas = new Dictionary<SchemaKey, JsonObject>();
        foreach (var file in Directory.EnumerateFiles(crdDir, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var document in YamlJson.ParseDocuments(File.ReadAllText(file)))
            {
                if (document is not JsonObject crd
                    || (string?)crd["apiVersion"] != "apiextensions.k8s.io/v1"
                    || (string?)crd["kind"] != "CustomResourceDefinition")
                {
                    continue;
                }

                var group = (string)crd["spec"]!["group"]!;
                var kind = (string)crd["spec"]!["names"]!["kind"]!;
                foreach (var version in crd["spec"]!["versions"]!.AsArray())
                {
                    if (version!["schema"]?["openAPIV3Schema"] is JsonObject schema)
                    {
                        var key = new SchemaKey(group, (string)version["name"]!, kind);
                        SchemaSupplements.Apply(key, schema);
                        schemas[key] = schema;
                    }
                }
            }
        }

        foreach (var (key, schema) in CoreSchemas.All())
        {
            schemas[key] = schema;
        }

        return new CrdValidator(schemas);
    }

    public bool HasSchema(string apiVersion, string kind) =>
        openApiSchemas.ContainsKey(SchemaKey.FromApiVersion(apiVersion, kind));

    /// <summary>
    /// Validates every document of a multi-document YAML string, including the
    /// policies embedded in Policies and the objects embedded in
    /// ConfigurationPolicies. Errors read "Kind/name: path: message".
    /// </summary>
    public IReadOnlyList<string> Validate(string yamlText)
    {
        IReadOnlyList<JsonNode> documents;
        try
        {
            documents = YamlJson.ParseDocuments(yamlText);
        }
        catch (Exception e) when (e is YamlException or FormatException)
        {
            return [$"YAML: {e.Message}"];
        }

        var errors = new List<string>();
        foreach (var document in documents)
        {
            errors.AddRange(Validate(document));
        }

        return errors;
    }

    /// <summary>Validates one whole object (and what it embeds).</summary>
    public IReadOnlyList<string> Validate(JsonNode manifest)
    {
        var errors = new List<string>();
        ValidateObject(manifest, partial: false, Label(manifest), string.Empty, errors);
        return errors;
    }

    /// <summary>
    /// Validates a fragment, such as a musthave objectDefinition: no field is
    /// required, unknown fields are still errors.
    /// </summary>
    public IReadOnlyList<string> ValidatePartial(string group, string version, string kind, JsonNode fragment)
    {
        var errors = new List<string>();
        var key = new SchemaKey(group, version, kind);
        if (!openApiSchemas.ContainsKey(key))
        {
            errors.Add($"{Label(fragment)}: no schema for {key}");
            return errors;
        }

        CheckAgainst(key, fragment, partial: true, Label(fragment), string.Empty, errors);
        return errors;
    }

    /// <summary>
    /// Validates only what a Policy or ConfigurationPolicy embeds: the policy
    /// templates in full, and the objects of their object-templates as partial.
    /// </summary>
    public IReadOnlyList<string> ValidateEmbedded(JsonNode policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<string>();
        if (policy is JsonObject obj && (string?)obj["apiVersion"] is { } apiVersion && (string?)obj["kind"] is { } kind)
        {
            ValidateEmbedded(SchemaKey.FromApiVersion(apiVersion, kind), obj, Label(obj), string.Empty, errors);
        }

        return errors;
    }

    private void ValidateObject(JsonNode node, bool partial, string label, string path, List<string> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add($"{label}: {Show(path)}: expected an object");
            return;
        }

        if (obj["apiVersion"] is not JsonValue apiVersion || apiVersion.GetValueKind() != JsonValueKind.String
            || obj["kind"] is not JsonValue kind || kind.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{label}: {Show(path)}: apiVersion and kind must be strings");
            return;
        }

        var key = SchemaKey.FromApiVersion(apiVersion.GetValue<string>(), kind.GetValue<string>());
        if (!openApiSchemas.ContainsKey(key))
        {
            errors.Add($"{label}: {Show(path)}: unknown apiVersion/kind {key}");
            return;
        }

        CheckAgainst(key, obj, partial, label, path, errors);
    }

    private void CheckAgainst(SchemaKey key, JsonNode node, bool partial, string label, string path, List<string> errors)
    {
        var schema = compiled.GetOrAdd((key, partial), k => new Lazy<JsonSchema>(() => Compile(k.Key, k.Partial))).Value;
        foreach (var error in schema.Validate(ToToken(node)))
        {
            errors.AddRange(SchemaErrors.Describe(error, path).Select(e => $"{label}: {e}"));
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        var metaPath = Join(path, "metadata");
        errors.AddRange(ObjectMetaRules.Check(obj["metadata"], requireName: !partial, metaPath).Select(e => $"{label}: {e}"));
        ValidateEmbedded(key, obj, label, path, errors);
    }

    private void ValidateEmbedded(SchemaKey key, JsonObject obj, string label, string path, List<string> errors)
    {
        if (key.Group != PolicyGroup)
        {
            return;
        }

        if (key.Kind == "Policy" && obj["spec"]?["policy-templates"] is JsonArray policyTemplates)
        {
            for (var i = 0; i < policyTemplates.Count; i++)
            {
                if (policyTemplates[i]?["objectDefinition"] is { } definition)
                {
                    var at = Join(path, $"spec.policy-templates[{i}].objectDefinition");
                    ValidateObject(definition, partial: false, label, at, errors);
                }
            }
        }

        if (key.Kind == "ConfigurationPolicy" && obj["spec"]?["object-templates"] is JsonArray objectTemplates)
        {
            for (var i = 0; i < objectTemplates.Count; i++)
            {
                if (objectTemplates[i]?["objectDefinition"] is JsonObject definition
                    && (string?)definition["apiVersion"] is { } apiVersion
                    && (string?)definition["kind"] is { } kind
                    && HasSchema(apiVersion, kind))
                {
                    var at = Join(path, $"spec.object-templates[{i}].objectDefinition");
                    CheckAgainst(SchemaKey.FromApiVersion(apiVersion, kind), definition, partial: true, label, at, errors);
                }
            }
        }
    }

    private JsonSchema Compile(SchemaKey key, bool partial)
    {
        var json = StructuralSchema.ToJsonSchema(openApiSchemas[key], partial).ToJsonString();
        return JsonSchema.FromJsonAsync(json).GetAwaiter().GetResult();
    }

    private static JToken ToToken(JsonNode node)
    {
        // Dates must stay strings: Newtonsoft would otherwise turn them into Date tokens.
        using var reader = new JsonTextReader(new StringReader(node.ToJsonString()))
        {
            DateParseHandling = DateParseHandling.None,
            Culture = CultureInfo.InvariantCulture,
        };
        return JToken.ReadFrom(reader);
    }

    private static string Label(JsonNode? node)
    {
        var kind = node?["kind"] is JsonValue k && k.GetValueKind() == JsonValueKind.String ? k.GetValue<string>() : "?";
        var name = node?["metadata"]?["name"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : "?";
        return $"{kind}/{name}";
    }

    internal static string Join(string path, string tail) =>
        path.Length == 0 ? tail : tail.Length == 0 ? path : $"{path}.{tail}";

    private static string Show(string path) => path.Length == 0 ? "(root)" : path;
}
