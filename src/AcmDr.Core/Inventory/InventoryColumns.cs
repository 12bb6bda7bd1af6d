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

    public static IReadOnlyList<string> Required { get; } = [App, Tier, Namespace, Vm, Cluster];

    public static IReadOnlyList<string> All { get; } = [App, Tier, Namespace, Vm, Cluster, RtoMinutes, DependsOn];

    /// <summary>The known column closest to <paramref name="name"/> by edit distance, if it is plausibly a typo.</summary>
    public static string? Nearest(string name)
    {
        var lowered = name.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        var best = All.Select(known => (known, distance: EditDistance(lowered, known)))
            .OrderBy(c => c.distance)
            .ThenBy(c => c.known, StringComparer.Ordinal)
            .First();
        return best.distance <= Math.Max(2, best.known.Length / 3) ? best.known : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
