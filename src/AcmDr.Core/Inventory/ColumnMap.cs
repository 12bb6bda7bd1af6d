namespace AcmDr.Core.Inventory;

/// <summary>Which field of a row holds which column, from the header line.</summary>
internal sealed class ColumnMap
{
    private readonly Dictionary<string, int> indexes;

    private ColumnMap(Dictionary<string, int> indexes, int width)
    {
        this.indexes = indexes;
        Width = width;
    }

    public int Width { get; }

    public int IndexOf(string column) => indexes.GetValueOrDefault(column, -1);

    /// <summary>Maps the header; reports unknown, duplicate and missing columns and returns null if any.</summary>
    public static ColumnMap? FromHeader(string source, IReadOnlyList<string> headers, InventoryErrors errors)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = errors.Count;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().TrimStart('\uFEFF');
            var known = InventoryColumns.All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                var nearest = InventoryColumns.Nearest(name);
                var hint = nearest is null
                    ? $"known columns are {string.Join(", ", InventoryColumns.All)}"
                    : $"did you mean '{nearest}'?";
                errors.Add(new InventoryError(source, 1, i + 1, $"unknown column '{Printable(name)}': {hint}"));
            }
            else if (!indexes.TryAdd(known, i))
            {
                errors.Add(new InventoryError(source, 1, i + 1, $"column '{known}' appears twice in the header"));
            }
        }

        foreach (var required in InventoryColumns.Required.Where(r => !indexes.ContainsKey(r)))
        {
            errors.Add(new InventoryError(source, 1, null, $"missing required column '{required}'"));
        }

        return errors.Count > before ? null : new ColumnMap(indexes, headers.Count);
    }

    internal static string Printable(string value)
    {
        var chars = value.Select(c => char.IsControl(c) ? '?' : c).ToArray();
        var text = new string(chars);
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
