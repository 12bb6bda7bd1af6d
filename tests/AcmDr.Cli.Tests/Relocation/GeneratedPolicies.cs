using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// What <c>acmdr generate</c> wrote, as the hub would hold it: the root Policies and PolicySets of
/// <c>policies/base</c>, and which of them the Placements and PlacementBindings of <c>placements/</c>
/// put on one cluster (the Placement selecting the cluster by its <c>name</c> label).
/// </summary>
public sealed class GeneratedPolicies
{
    private GeneratedPolicies(IReadOnlyList<JsonObject> placed, IReadOnlyDictionary<string, IReadOnlyList<string>> sets)
    {
        Placed = placed;
        Sets = sets;
    }

    /// <summary>The root policies placed on the cluster, by name.</summary>
    public IReadOnlyList<JsonObject> Placed { get; }

    /// <summary>Every PolicySet's member policies, by set name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sets { get; }

    public static GeneratedPolicies Load(string dir, string cluster)
    {
        var policies = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var document in Documents(Path.Combine(dir, "policies", "base")))
        {
            var name = document["metadata"]!["name"]!.GetValue<string>();
            switch (document["kind"]?.GetValue<string>())
            {
                case "Policy":
                    policies[name] = document;
                    break;
                case "PolicySet":
                    sets[name] = [.. document["spec"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>())];
                    break;
            }
        }

        var placement = Documents(Path.Combine(dir, "placements"))
            .Where(d => d["kind"]?.GetValue<string>() == "Placement")
            .Where(d => d["spec"]?["predicates"] is JsonArray predicates && predicates.Any(p =>
                p?["requiredClusterSelector"]?["labelSelector"]?["matchLabels"]?["name"]?.GetValue<string>() == cluster))
            .Select(d => d["metadata"]!["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var subjects = Documents(Path.Combine(dir, "placements"))
            .Where(d => d["kind"]?.GetValue<string>() == "PlacementBinding" && placement.Contains(d["placementRef"]!["name"]!.GetValue<string>()))
            .SelectMany(d => d["subjects"]!.AsArray())
            .SelectMany(s => s!["kind"]!.GetValue<string>() == "PolicySet"
                ? sets[s["name"]!.GetValue<string>()]
                : [s["name"]!.GetValue<string>()])
            .ToHashSet(StringComparer.Ordinal);
        return new GeneratedPolicies(
            [.. policies.Where(p => subjects.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)],
            sets);
    }

    private static IEnumerable<JsonObject> Documents(string dir) =>
        Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => YamlJson.ParseDocuments(File.ReadAllText(f)))
            .OfType<JsonObject>()
            .Where(d => d["metadata"] is JsonObject);
}
