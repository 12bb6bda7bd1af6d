namespace AcmDr.Core.Inventory;

/// <summary>A validated inventory: every row passed the rules in <see cref="InventoryRules"/>.</summary>
public sealed record Inventory(string Source, IReadOnlyList<InventoryRow> Rows);
