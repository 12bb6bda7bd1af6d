namespace AcmDr.Core.Inventory;

/// <summary>One depends_on entry of an app and the line that first named it.</summary>
internal sealed record Dependency(string App, int Line);

/// <summary>
/// What the rules across rows need of one app: its first row, its dependencies (each with the line that first
/// names it) and the clusters its policies are placed on (a dual-cluster app's on the hub cluster alone).
/// </summary>
internal sealed class AppFacts
{
    public AppFacts(InventoryRow first, string hubCluster)
    {
        First = first;
        DependsOn = Of(first);
        Clusters = new(StringComparer.Ordinal) { first.IsDual ? hubCluster : first.Cluster };
    }

    public InventoryRow First { get; }

    public string Name => First.App;

    public bool IsDual => First.IsDual;

    public List<Dependency> DependsOn { get; }

    public SortedSet<string> Clusters { get; }

    public void Add(InventoryRow row)
    {
        // A dual app's rows name its home cluster, but its one policy sits on the hub cluster.
        if (!First.IsDual)
        {
            Clusters.Add(row.Cluster);
        }

        foreach (var dependency in row.DependsOn)
        {
            if (!HasDependency(dependency))
            {
                DependsOn.Add(new Dependency(dependency, row.Line));
            }
        }
    }

    /// <summary>Whether <paramref name="app"/> is already a dependency (a loop: no delegate per row).</summary>
    private bool HasDependency(string app)
    {
        foreach (var existing in DependsOn)
        {
            if (existing.App == app)
            {
                return true;
            }
        }

        return false;
    }

    private static List<Dependency> Of(InventoryRow row)
    {
        var list = new List<Dependency>(row.DependsOn.Count);
        foreach (var dependency in row.DependsOn)
        {
            list.Add(new Dependency(dependency, row.Line));
        }

        return list;
    }
}
