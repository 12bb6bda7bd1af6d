namespace AcmDr.FakeKube;

/// <summary>The store's history of writes, for tests that must show what never happened (a delete, a re-creation).</summary>
public sealed partial class ObjectStore
{
    /// <summary>Every write to objects of one type so far, oldest first, whoever made it (a request or the store's own API).</summary>
    public IReadOnlyList<StoreChange> Changes(string group, string version, string plural)
    {
        var type = TypeOf(group, version, plural);
        lock (gate)
        {
            return [.. history
                .Where(e => e.Type == type)
                .Select(e => new StoreChange(e.EventType, e.ResourceVersion, e.Namespace, KubeObject.Name(e.Object) ?? "", KubeObject.StringAt(e.Object, "uid")))];
        }
    }
}
