namespace AcmDr.Core.Inventory;

/// <summary>The inventory (or its settings) has errors; every one found is listed.</summary>
public sealed class InvalidInventoryException : AcmDrException
{
    public InvalidInventoryException(IReadOnlyList<InventoryError> errors)
        : base(ExitCodes.InvalidInput, Describe(errors)) => Errors = errors;

    public IReadOnlyList<InventoryError> Errors { get; }

    private static string Describe(IReadOnlyList<InventoryError> errors) =>
        errors.Count == 1
            ? errors[0].ToString()
            : $"{errors[0]} (and {errors.Count - 1} more; 'acmdr validate' lists them all)";
}
