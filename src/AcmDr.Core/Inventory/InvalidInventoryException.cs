namespace AcmDr.Core.Inventory;

/// <summary>The inventory (or its settings) has errors; every one found is listed.</summary>
public sealed class InvalidInventoryException : AcmDrException
{
    public InvalidInventoryException(IReadOnlyList<InventoryError> errors)
        : this(errors, errors.Count)
    {
    }

    /// <summary>The first <paramref name="errors"/> of <paramref name="total"/> found.</summary>
    public InvalidInventoryException(IReadOnlyList<InventoryError> errors, int total)
        : base(ExitCodes.InvalidInput, Describe(errors, total)) => Errors = errors;

    public IReadOnlyList<InventoryError> Errors { get; }

    private static string Describe(IReadOnlyList<InventoryError> errors, int total) =>
        total == 1
            ? errors[0].ToString()
            : $"{errors[0]} (and {total - 1} more; 'acmdr validate' lists them)";
}
