using CsvHelper;

namespace AcmDr.Core.Inventory;

/// <summary>Checks the fields of one CSV record and turns them into an <see cref="InventoryRow"/>.</summary>
internal static class RowParser
{
    public const int MaxTier = 99;

    /// <summary>A recovery-time target beyond a week is almost certainly a unit mistake.</summary>
    public const int MaxRtoMinutes = 10_080;

    public static InventoryRow? Parse(string source, int line, ColumnMap columns, CsvReader reader, List<InventoryError> errors)
    {
        var before = errors.Count;

        string Field(string column)
        {
            var index = columns.IndexOf(column);
            return index < 0 ? string.Empty : reader.GetString(index) ?? string.Empty;
        }

        void Fail(string column, string message) =>
            errors.Add(new InventoryError(source, line, columns.IndexOf(column) + 1, $"column '{column}': {message}"));

        string Name(string column)
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
                Fail(column, $"'{ColumnMap.Printable(value)}' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
            }

            return value;
        }

        var app = Name(InventoryColumns.App);
        var tier = ParseTier(Field(InventoryColumns.Tier), Fail);
        var ns = Name(InventoryColumns.Namespace);
        var vm = Name(InventoryColumns.Vm);
        var cluster = Name(InventoryColumns.Cluster);
        var rto = ParseRto(Field(InventoryColumns.RtoMinutes), Fail);
        var dependsOn = ParseDependsOn(Field(InventoryColumns.DependsOn), Fail);

        return errors.Count > before ? null : new InventoryRow(line, app, tier, ns, vm, cluster, rto, dependsOn);
    }

    private static int ParseTier(string text, Action<string, string> fail)
    {
        if (Names.UnsafeTextReason(text) is { } reason)
        {
            fail(InventoryColumns.Tier, $"value {reason}");
            return 0;
        }

        var tier = InventoryReader.ParseWhole(text);
        if (tier is null or < 1 or > MaxTier)
        {
            fail(InventoryColumns.Tier, $"'{ColumnMap.Printable(text)}' is not a whole number from 1 to {MaxTier}");
            return 0;
        }

        return tier.Value;
    }

    private static int? ParseRto(string text, Action<string, string> fail)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (Names.UnsafeTextReason(text) is { } reason)
        {
            fail(InventoryColumns.RtoMinutes, $"value {reason}");
            return null;
        }

        var rto = InventoryReader.ParseWhole(text);
        if (rto is null or < 1 or > MaxRtoMinutes)
        {
            fail(InventoryColumns.RtoMinutes, $"'{ColumnMap.Printable(text)}' is not a whole number of minutes from 1 to {MaxRtoMinutes}");
        }

        return rto;
    }

    private static List<string> ParseDependsOn(string text, Action<string, string> fail)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (Names.UnsafeTextReason(text) is { } reason)
        {
            fail(InventoryColumns.DependsOn, $"value {reason}");
            return [];
        }

        var apps = new List<string>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Names.IsDns1123Label(part))
            {
                fail(InventoryColumns.DependsOn, $"'{ColumnMap.Printable(part)}' is not an app name (apps are DNS-1123 labels, separated by ';')");
            }
            else if (!apps.Contains(part, StringComparer.Ordinal))
            {
                apps.Add(part);
            }
        }

        apps.Sort(StringComparer.Ordinal);
        return apps;
    }
}
