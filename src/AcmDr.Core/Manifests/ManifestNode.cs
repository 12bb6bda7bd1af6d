namespace AcmDr.Core.Manifests;

/// <summary>
/// An ordered YAML document tree. Generators build manifests as trees of these nodes, never as
/// text, so an inventory value can only ever become one scalar: it cannot add keys or documents.
/// </summary>
public abstract class ManifestNode;

/// <summary>A string scalar. The writer picks a quoting style that keeps it a string for Go's YAML reader.</summary>
public sealed class Scalar(string value) : ManifestNode
{
    public string Value { get; } = value;

    public static implicit operator Scalar(string value) => new(value);
}

/// <summary>A boolean or number scalar, written bare.</summary>
public sealed class TypedScalar(string literal) : ManifestNode
{
    public string Literal { get; } = literal;

    public static TypedScalar Of(bool value) => new(value ? "true" : "false");

    public static TypedScalar Of(int value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A mapping whose keys keep the order they were added in.</summary>
public sealed class Mapping : ManifestNode
{
    private readonly List<KeyValuePair<string, ManifestNode>> entries = [];

    public IReadOnlyList<KeyValuePair<string, ManifestNode>> Entries => entries;

    public Mapping Add(string key, ManifestNode value)
    {
        entries.Add(new(key, value));
        return this;
    }

    public Mapping Add(string key, string value) => Add(key, new Scalar(value));

    /// <summary>Adds the entries of <paramref name="values"/> sorted by key (ordinal), for stable output.</summary>
    public static Mapping Sorted(IReadOnlyDictionary<string, string> values)
    {
        // Sorting the keys, not the pairs: LINQ over key-value pairs has no precompiled code and was
        // compiled at start-up by every generate.
        var map = new Mapping();
        foreach (var key in Meta.Sorted(values.Keys))
        {
            map.Add(key, values[key]);
        }

        return map;
    }

    public ManifestNode? this[string key] => entries.FirstOrDefault(e => e.Key == key).Value;
}

/// <summary>A sequence of nodes.</summary>
public sealed class Sequence : ManifestNode
{
    private readonly List<ManifestNode> items = [];

    public Sequence()
    {
    }

    public Sequence(IEnumerable<ManifestNode> values) => items.AddRange(values);

    public IReadOnlyList<ManifestNode> Items => items;

    public Sequence Add(ManifestNode value)
    {
        items.Add(value);
        return this;
    }

    public static Sequence Of(IEnumerable<string> values) => new(values.Select(v => (ManifestNode)new Scalar(v)));
}
