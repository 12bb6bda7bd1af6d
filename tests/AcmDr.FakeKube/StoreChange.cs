namespace AcmDr.FakeKube;

/// <summary>One write in the store's history: ADDED, MODIFIED or DELETED, and which object (its uid tells a re-creation).</summary>
public sealed record StoreChange(string EventType, long ResourceVersion, string? Namespace, string Name, string? Uid);
