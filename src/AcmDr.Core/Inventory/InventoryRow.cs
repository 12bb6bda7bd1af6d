namespace AcmDr.Core.Inventory;

/// <summary>One VM of the inventory, as read and validated from one CSV line.</summary>
public sealed record InventoryRow(
    int Line,
    string App,
    int Tier,
    string Namespace,
    string Vm,
    string Cluster,
    int? RtoMinutes,
    IReadOnlyList<string> DependsOn);
