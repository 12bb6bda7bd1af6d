namespace AcmDr.Core.Inventory;

/// <summary>
/// The errors found in an inventory: all of them counted, but only the first <see cref="Limit"/> in
/// file order kept. A file of a million bad rows would otherwise hold a million messages in memory
/// and print them all; nobody reads past the first screens, and the count tells the size of it.
/// Errors arrive out of order (rules across rows come after the rows), so the kept ones are the
/// smallest by (line, column, arrival) seen so far, in a heap whose largest is dropped first.
/// </summary>
public sealed class InventoryErrors
{
    /// <summary>Enough to see every kind of mistake a file makes; <c>validate --max-errors</c> changes it.</summary>
    public const int DefaultLimit = 100;

    private readonly PriorityQueue<InventoryError, Position> kept;
    private long arrivals;

    public InventoryErrors(int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        kept = new PriorityQueue<InventoryError, Position>(Comparer<Position>.Create((a, b) => b.CompareTo(a)));
    }

    public int Limit { get; }

    /// <summary>Every error added, kept or not.</summary>
    public int Count { get; private set; }

    public void Add(InventoryError error)
    {
        Count++;
        var position = new Position(error.Line, error.Column ?? int.MaxValue, arrivals++);
        if (kept.Count < Limit)
        {
            kept.Enqueue(error, position);
        }
        else
        {
            // Replaces the last kept error only when this one comes before it in the file.
            kept.TryPeek(out _, out var last);
            if (position.CompareTo(last) < 0)
            {
                kept.DequeueEnqueue(error, position);
            }
        }
    }

    /// <summary>The kept errors in file order (line, then column; ties in the order found).</summary>
    public IReadOnlyList<InventoryError> InFileOrder() =>
        kept.UnorderedItems.OrderBy(e => e.Priority).Select(e => e.Element).ToList();

    private readonly record struct Position(int Line, int Column, long Arrival) : IComparable<Position>
    {
        public int CompareTo(Position other) =>
            Line != other.Line ? Line.CompareTo(other.Line)
            : Column != other.Column ? Column.CompareTo(other.Column)
            : Arrival.CompareTo(other.Arrival);
    }
}
