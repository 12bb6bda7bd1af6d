using AcmDr.Core.Text;

namespace AcmDr.Core.Inventory;

/// <summary>The inventory's columns, and the nearest known name for a misspelt one.</summary>
public static class InventoryColumns
{
    public const string App = "app";
    public const string Tier = "tier";
    public const string Namespace = "namespace";
    public const string Vm = "vm";
    public const string Cluster = "cluster";
    public const string RtoMinutes = "rto_minutes";
    public const string DependsOn = "depends_on";

    /// <summary>A dual-cluster app's DR peer cluster; empty for a stretched-cluster app.</summary>
    public const string Peer = "peer";

    public static IReadOnlyList<string> Required { get; } = [App, Tier, Namespace, Vm, Cluster];

    public static IReadOnlyList<string> All { get; } = [App, Tier, Namespace, Vm, Cluster, RtoMinutes, DependsOn, Peer];

    /// <summary>The known column closest to <paramref name="name"/> by edit distance, if it is plausibly a typo.</summary>
    public static string? Nearest(string name)
    {
        var lowered = name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        var best = All.Select(known => (known, distance: EditDistance.Between(lowered, known)))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.known, StringComparer.Ordinal)
            .First();
        return best.distance <= Math.Max(2, best.known.Length / 3) ? best.known : null;
    }
}
