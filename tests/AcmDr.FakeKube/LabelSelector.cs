using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AcmDr.FakeKube;

/// <summary>
/// A parsed kube label selector: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>,
/// <c>k in (a,b)</c>, <c>k notin (a,b)</c>; commas between requirements mean AND.
/// </summary>
public sealed partial class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        this.requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector([.. SplitTopLevel(text).Select(ParseRequirement)]);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r(labels));

    public bool Matches(JsonObject obj) => Matches(LabelsOf(obj));

    public static Dictionary<string, string> LabelsOf(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value?.ToString() ?? "";
            }
        }

        return labels;
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string text)
    {
        var set = SetRequirement().Match(text);
        if (set.Success)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            var isIn = set.Groups["op"].Value == "in";
            return labels => labels.TryGetValue(key, out var v) ? values.Contains(v) == isIn : !isIn;
        }

        var eq = EqualityRequirement().Match(text);
        if (eq.Success)
        {
            var key = eq.Groups["key"].Value;
            var value = eq.Groups["value"].Value;
            return eq.Groups["op"].Value == "!="
                ? labels => !labels.TryGetValue(key, out var v) || v != value
                : labels => labels.TryGetValue(key, out var v) && v == value;
        }

        var exists = ExistsRequirement().Match(text);
        if (exists.Success)
        {
            var key = exists.Groups["key"].Value;
            var negated = exists.Groups["not"].Success;
            return labels => labels.ContainsKey(key) != negated;
        }

        throw KubeApiException.BadRequest($"unable to parse requirement: {text}");
    }

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s*(?<op>==|=|!=)\s*(?<value>[^\s!=(),]*)$")]
    private static partial Regex EqualityRequirement();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[^\s!=(),]+)$")]
    private static partial Regex ExistsRequirement();
}
