using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// The ObjectMeta checks the API server makes and CRD schemas leave out
/// (they declare <c>metadata: {type: object}</c>).
/// </summary>
public static partial class ObjectMetaRules
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
        "annotations", "ownerReferences", "finalizers", "managedFields",
    };

    /// <summary>Errors as "path: message"; the path starts with <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Check(JsonNode? metadata, bool requireName, string path = "metadata")
    {
        var errors = new List<string>();
        if (metadata is null)
        {
            if (requireName)
            {
                errors.Add($"{path}: required field \"metadata\" is missing");
            }

            return errors;
        }

        if (metadata is not JsonObject meta)
        {
            errors.Add($"{path}: expected an object");
            return errors;
        }

        foreach (var (field, _) in meta)
        {
            if (!KnownFields.Contains(field))
            {
                errors.Add($"{path}.{field}: unknown field \"{field}\"");
            }
        }

        CheckName(meta, requireName, path, errors);
        if (meta["namespace"] is { } ns)
        {
            if (!IsString(ns, out var value) || value.Length > 63 || !Dns1123Label().IsMatch(value))
            {
                errors.Add($"{path}.namespace: must be a DNS-1123 label (lower case alphanumerics and '-', at most 63)");
            }
        }

        CheckStringMap(meta["labels"], $"{path}.labels", isLabels: true, errors);
        CheckStringMap(meta["annotations"], $"{path}.annotations", isLabels: false, errors);
        if (meta["generateName"] is { } generateName && !IsString(generateName, out _))
        {
            errors.Add($"{path}.generateName: expected a string");
        }

        return errors;
    }

    public static bool IsQualifiedName(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0 || prefix.Length > 253 || !Dns1123Subdomain().IsMatch(prefix))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name);
    }

    public static bool IsLabelValue(string value) => value.Length <= 63 && LabelValue().IsMatch(value);

    private static void CheckName(JsonObject meta, bool requireName, string path, List<string> errors)
    {
        if (meta["name"] is not { } name)
        {
            if (requireName && meta["generateName"] is null)
            {
                errors.Add($"{path}.name: required field \"name\" is missing");
            }

            return;
        }

        if (!IsString(name, out var value) || value.Length == 0 || value.Length > 253 || !Dns1123Subdomain().IsMatch(value))
        {
            errors.Add($"{path}.name: must be a DNS-1123 subdomain (lower case alphanumerics, '-' and '.', at most 253)");
        }
    }

    private static void CheckStringMap(JsonNode? node, string path, bool isLabels, List<string> errors)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject map)
        {
            errors.Add($"{path}: expected a map of strings");
            return;
        }

        foreach (var (key, value) in map)
        {
            if (!IsQualifiedName(key))
            {
                errors.Add($"{path}.{key}: invalid key (optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_', '.')");
            }

            if (!IsString(value, out var text))
            {
                errors.Add($"{path}.{key}: expected a string, found {Describe(value)} (quote it)");
            }
            else if (isLabels && !IsLabelValue(text))
            {
                errors.Add($"{path}.{key}: invalid label value \"{text}\" (at most 63 alphanumerics, '-', '_', '.', starting and ending alphanumeric)");
            }
        }
    }

    private static bool IsString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
