using CsvHelper;

namespace AcmDr.Core.Inventory;

/// <summary>Checks the fields of one CSV record and turns them into an <see cref="InventoryRow"/>.</summary>
internal static class RowParser
{
    public const int MaxTier = 99;

    /// <summary>A recovery-time target beyond a week is almost certainly a unit mistake.</summary>
    public const int MaxRtoMinutes = 10_080;

    public static InventoryRow? Parse(string source, int line, ColumnMap columns, CsvReader reader, InventoryErrors errors, DependsOnCache dependsOnCache, ISet<string> rejectedApps)
    {
        // Plain methods over a struct, not local functions turned into delegates: those were built
        // afresh for every row and were the largest single cost of validating 100,000 rows.
        var row = new RowFields(source, line, columns, reader, errors);
        var before = errors.Count;
        var app = row.Name(InventoryColumns.App);
        var tier = ParseTier(row, row.Field(InventoryColumns.Tier));
        var ns = row.Name(InventoryColumns.Namespace);
        var vm = row.Name(InventoryColumns.Vm);
        var cluster = row.Name(InventoryColumns.Cluster);
        var rto = ParseRto(row, row.Field(InventoryColumns.RtoMinutes));
        var peer = ParsePeer(row, row.Field(InventoryColumns.Peer));
        if (peer is not null && peer == cluster && Names.IsDns1123Label(peer))
        {
            row.Fail(InventoryColumns.Peer, $"'{peer}' is also the home cluster (column '{InventoryColumns.Cluster}'): the peer is the other cluster of the app's DRPolicy, where Ramen moves it");
        }

        var dependsOnText = row.Field(InventoryColumns.DependsOn);
        if (!dependsOnCache.TryGet(dependsOnText, out var dependsOn))
        {
            var beforeDependsOn = errors.Count;
            dependsOn = ParseDependsOn(row, dependsOnText);
            dependsOnCache.Remember(dependsOnText, dependsOn, errors.Count == beforeDependsOn);
        }

        if (errors.Count > before)
        {
            if (Names.IsDns1123Label(app))
            {
                rejectedApps.Add(app);
            }

            return null;
        }

        return new InventoryRow(line, app, tier, ns, vm, cluster, rto, dependsOn, peer);
    }

    private static int ParseTier(RowFields row, string text)
    {
        if (Names.UnsafeTextReason(text) is { } reason)
        {
            row.Fail(InventoryColumns.Tier, $"value {reason}");
            return 0;
        }

        var tier = InventoryReader.ParseWhole(text);
        if (tier is null or < 1 or > MaxTier)
        {
            row.Fail(InventoryColumns.Tier, $"'{ColumnMap.Printable(text)}' is not a whole number from 1 to {MaxTier}");
            return 0;
        }

        return tier.Value;
    }

    private static int? ParseRto(RowFields row, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (Names.UnsafeTextReason(text) is { } reason)
        {
            row.Fail(InventoryColumns.RtoMinutes, $"value {reason}");
            return null;
        }

        var rto = InventoryReader.ParseWhole(text);
        if (rto is null or < 1 or > MaxRtoMinutes)
        {
            row.Fail(InventoryColumns.RtoMinutes, $"'{ColumnMap.Printable(text)}' is not a whole number of minutes from 1 to {MaxRtoMinutes}");
        }

        return rto;
    }

    /// <summary>The DR peer of a dual-cluster app; empty (a stretched-cluster app) is null.</summary>
    private static string? ParsePeer(RowFields row, string text) =>
        text.Length == 0 ? null : row.Name(InventoryColumns.Peer);

    private static List<string> ParseDependsOn(RowFields row, string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (Names.UnsafeTextReason(text) is { } reason)
        {
            row.Fail(InventoryColumns.DependsOn, $"value {reason}");
            return [];
        }

        var apps = new List<string>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Names.IsDns1123Label(part))
            {
                row.Fail(InventoryColumns.DependsOn, $"'{ColumnMap.Printable(part)}' is not an app name (apps are DNS-1123 labels, separated by ';')");
            }
            else if (!apps.Contains(part, StringComparer.Ordinal))
            {
                apps.Add(part);
            }
        }

        apps.Sort(StringComparer.Ordinal);
        return apps;
    }

    /// <summary>The fields of the row being parsed, and where its errors go.</summary>
    private readonly struct RowFields(string source, int line, ColumnMap columns, CsvReader reader, InventoryErrors errors)
    {
        public string Field(string column)
        {
            var index = columns.IndexOf(column);
            return index < 0 ? string.Empty : reader.GetString(index) ?? string.Empty;
        }

        public void Fail(string column, string message) =>
            errors.Add(new InventoryError(source, line, columns.IndexOf(column) + 1, $"column '{column}': {message}"));

        public string Name(string column)
        {
            var value = Field(column);
            if (Names.UnsafeTextReason(value) is { } unsafeReason)
            {
                Fail(column, $"value {unsafeReason}");
            }
            else if (value.Length == 0)
            {
                Fail(column, "is empty");
            }
            else if (!Names.IsDns1123Label(value))
            {
                Fail(column, $"'{ColumnMap.Printable(value)}' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters){(Names.NearestLabel(value) is { } near ? $"; did you mean '{near}'?" : string.Empty)}");
            }

            return value;
        }
    }
}
