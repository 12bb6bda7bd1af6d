namespace AcmDr.Core.Isolated;

/// <summary>Rehearsal ids and the names derived from them (every one a DNS-1123 label of at most 63).</summary>
public static class IsolatedIds
{
    /// <summary>A new id from the clock and a random source, e.g. "1203-1207-k3f" (month-day, hour-minute UTC, 3 base-36 characters).</summary>
    public static string New(DateTimeOffset now, Random random) => throw new NotImplementedException();

    /// <summary>Why <paramref name="id"/> cannot be a rehearsal id (lower-case letters, digits and '-', alphanumeric ends, at most 16), or null.</summary>
    public static string? Problem(string id) => throw new NotImplementedException();

    /// <summary><c>acmdr-test-&lt;id&gt;-&lt;namespace&gt;</c>; cut to 63 with a short hash of the whole when longer.</summary>
    public static string BubbleNamespace(string id, string productionNamespace) => throw new NotImplementedException();

    /// <summary>The production VirtualMachineSnapshot's name: <c>acmdr-test-&lt;id&gt;-&lt;vm&gt;</c>, cut to 63 with a hash.</summary>
    public static string SnapshotName(string id, string vmName) => throw new NotImplementedException();
}
