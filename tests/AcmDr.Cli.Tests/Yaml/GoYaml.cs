using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using AcmDr.Core.Manifests;

namespace AcmDr.Cli.Tests.Yaml;

/// <summary>
/// Reads YAML with Go's yaml.v3 (tests/gotmpl, mode yaml), the reader ACM and its policy framework
/// use, and gives the trees in the shape a manifest tree has as JSON (see <see cref="Tree"/>).
/// </summary>
internal static class GoYaml
{
    /// <summary>Each text's documents as a JSON array of trees, in the order given.</summary>
    public static IReadOnlyList<JsonNode> Read(IReadOnlyList<string> texts)
    {
        var request = new JsonObject { ["texts"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()) };
        var (exitCode, stdout, stderr) = ProcessRunner.Run(GoTemplate.Harness, ["yaml"], request.ToJsonString(), null, null, TimeSpan.FromMinutes(2));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"gotmpl yaml failed (exit {exitCode}): {stderr}");
        }

        var result = JsonNode.Parse(stdout)!.AsObject();
        if ((bool?)result["ok"] != true)
        {
            throw new InvalidOperationException($"yaml.v3 could not read the text: {(string?)result["error"]}");
        }

        return result["trees"]!.AsArray().Select(t => t!.DeepClone()).ToList();
    }

    /// <summary>
    /// The documents as yaml.v3 must read them: mappings as objects in their order, sequences as
    /// arrays, strings as strings, typed scalars (integers, booleans) as JSON literals.
    /// </summary>
    public static JsonNode Tree(IReadOnlyList<Mapping> documents) => new JsonArray(documents.Select(d => Node(d)).ToArray());

    private static JsonNode? Node(ManifestNode node) => node switch
    {
        Mapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, Node(e.Value)))),
        Sequence sequence => new JsonArray(sequence.Items.Select(Node).ToArray()),
        TypedScalar typed => JsonNode.Parse(typed.Literal),
        Scalar scalar => JsonValue.Create(scalar.Value),
        _ => throw new ArgumentException($"unknown manifest node {node.GetType().Name}", nameof(node)),
    };
}
