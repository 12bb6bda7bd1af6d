using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>A field selector over dotted paths (<c>metadata.name=x,status.phase!=Running</c>).</summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Path, string Value, bool Equal)> terms;

    private FieldSelector(IReadOnlyList<(string Path, string Value, bool Equal)> terms) => this.terms = terms;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldSelector([]);
        }

        var terms = new List<(string, string, bool)>();
        foreach (var term in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
            if (notEqual > 0)
            {
                terms.Add((term[..notEqual], term[(notEqual + 2)..], false));
                continue;
            }

            var parts = term.Replace("==", "=", StringComparison.Ordinal).Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw KubeApiException.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            terms.Add((parts[0], parts[1], true));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => terms.All(t => (ValueAt(obj, t.Path) == t.Value) == t.Equal);

    private static string ValueAt(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node?.ToString() ?? "";
    }
}
