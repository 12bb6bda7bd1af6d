namespace AcmDr.Core.Inventory;

/// <summary>
/// The 1-based columns of the cells the rules across rows blame (null when the file has no such column), taken
/// once from the header so those rules can point at the cell without a lookup per row.
/// </summary>
internal readonly record struct CellColumns(int? Cluster, int? DependsOn, int? Peer)
{
    public static CellColumns Of(ColumnMap? columns) =>
        columns is null ? default : new(Number(columns, InventoryColumns.Cluster), Number(columns, InventoryColumns.DependsOn), Number(columns, InventoryColumns.Peer));

    private static int? Number(ColumnMap columns, string column) =>
        columns.IndexOf(column) is var index and >= 0 ? index + 1 : null;
}
