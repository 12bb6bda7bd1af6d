namespace AcmDr.Core.Inventory;

/// <summary>
/// What checking an inventory found: the inventory when valid, else the first errors in file order
/// (<see cref="Errors"/>, at most the limit asked for) and how many there are in all.
/// </summary>
public sealed record InventoryCheck(Inventory? Inventory, IReadOnlyList<InventoryError> Errors, int ErrorCount, int Records)
{
    /// <summary>Errors found but not in <see cref="Errors"/>.</summary>
    public int NotShown => ErrorCount - Errors.Count;
}
