using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Tests.Support;

/// <summary>
/// Reads YAML into JSON nodes with scalars typed the way kubectl reads
/// them: quoted scalars are strings, plain scalars resolve per YAML 1.1
/// (see <see cref="PlainScalar"/>).
/// </summary>
public static class YamlJson
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>Every non-empty document of a multi-document YAML string.</summary>
    public static IReadOnlyList<JsonNode> ParseDocuments(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var documents = new List<JsonNode>();
        foreach (var document in stream.Documents)
        {
            if (ToJson(document.RootNode) is { } node)
            {
                documents.Add(node);
            }
        }

        return documents;
    }

    /// <summary>A single-document YAML string as JSON (null for an empty document).</summary>
    public static JsonNode? Parse(string yaml)
    {
        var documents = ParseDocuments(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new YamlException($"expected one YAML document, found {documents.Count}"),
        };
    }

    public static JsonNode? ToJson(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode scalarKey
                        ? scalarKey.Value ?? string.Empty
                        : throw new YamlException(key.Start, key.End, "only scalar mapping keys are supported");
                    if (obj.ContainsKey(name))
                    {
                        throw new YamlException(key.Start, key.End, $"duplicate mapping key \"{name}\"");
                    }

                    obj[name] = ToJson(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item));
                }

                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StrTag))
                {
                    return JsonValue.Create(text);
                }

                return PlainScalar.Resolve(text);
            default:
                throw new YamlException(node.Start, node.End, $"unsupported YAML node {node.NodeType}");
        }
    }
}
