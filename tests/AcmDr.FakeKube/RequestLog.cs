namespace AcmDr.FakeKube;

/// <summary>Every request the server answered (or dropped), in arrival order of completion.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> entries = [];

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
    }
}
