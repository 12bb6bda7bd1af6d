namespace AcmDr.FakeKube;

/// <summary>Every request the server answered (or dropped), in arrival order of completion.</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _entries = [];

    public IReadOnlyList<RecordedRequest> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(RecordedRequest entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
