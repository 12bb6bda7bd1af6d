namespace AcmDr.Core.Inventory;

/// <summary>One problem in an input file, located by line and (1-based) column when known.</summary>
public sealed record InventoryError(string File, int Line, int? Column, string Message)
{
    public override string ToString() =>
        Line <= 0 ? $"{File}: {Message}"
        : Column is { } col ? $"{File}:{Line}:{col}: {Message}"
        : $"{File}:{Line}: {Message}";
}
