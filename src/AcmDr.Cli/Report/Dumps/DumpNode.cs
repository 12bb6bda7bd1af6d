namespace AcmDr.Cli.Report.Dumps;

/// <summary>
/// A small tree of what a dump file holds, the same for YAML and JSON. Readers leave out the
/// parts the report never reads (policy specs, managed fields) so big dumps stay cheap.
/// </summary>
internal sealed class DumpNode
{
    private DumpNode(string? scalar, Dictionary<string, DumpNode>? map, List<DumpNode>? items)
    {
        Scalar = scalar;
        Map = map;
        Items = items;
    }

    public string? Scalar { get; }

    public Dictionary<string, DumpNode>? Map { get; }

    public List<DumpNode>? Items { get; }

    /// <summary>The keys whose values no reader keeps: large and never needed by the report.</summary>
    public static bool IsSkipped(string key) =>
        key is "spec" or "managedFields" or "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>
    /// <see cref="IsSkipped(string)"/> in an object of <paramref name="kind"/> (null: not known yet): a DRPlacementControl's
    /// spec is small and says where Ramen is sent, so it is kept.
    /// </summary>
    public static bool IsSkipped(string key, string? kind) =>
        IsSkipped(key) && !(key == "spec" && kind == DrpcObjects.Kind);

    public static DumpNode OfScalar(string? value) => new(value, null, null);

    public static DumpNode OfMap(Dictionary<string, DumpNode> map) => new(null, map, null);

    public static DumpNode OfItems(List<DumpNode> items) => new(null, null, items);

    public DumpNode? Get(string key) => Map is not null && Map.TryGetValue(key, out var value) ? value : null;

    public DumpNode? Path(params string[] keys)
    {
        var node = this;
        foreach (var key in keys)
        {
            node = node?.Get(key);
        }

        return node;
    }

    public string? Text(params string[] keys) => Path(keys)?.Scalar;

    public IEnumerable<DumpNode> Each(params string[] keys) => Path(keys)?.Items ?? [];

    /// <summary>A string map (labels, annotations, ConfigMap data); missing or malformed reads as empty.</summary>
    public IReadOnlyDictionary<string, string> Strings(params string[] keys)
    {
        var map = Path(keys)?.Map;
        if (map is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return map.Where(kv => kv.Value.Scalar is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Scalar!, StringComparer.Ordinal);
    }
}
