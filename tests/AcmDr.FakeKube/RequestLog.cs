namespace AcmDr.FakeKube;

/// <summary>Every request the server answered (or dropped), in arrival order of completion.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> entries = [];
    private long total;

    public IReadOnlyList<RecordedRequest> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>How many requests are logged (since the last <see cref="Clear"/>).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>How many requests were ever logged (not reset by <see cref="Clear"/>): with a count of requests started, how many are in flight.</summary>
    public long Total => Interlocked.Read(ref total);

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal void Add(RecordedRequest entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }

        Interlocked.Increment(ref total);
    }
}
