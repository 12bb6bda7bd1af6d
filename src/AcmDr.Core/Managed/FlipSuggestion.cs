namespace AcmDr.Core.Managed;

/// <summary>
/// The hub flip that makes the hub agree with a break glass: once the hub is back, its enforce
/// policies set their own site again, so the hub's switch must say what was done by hand.
/// </summary>
public static class FlipSuggestion
{
    /// <summary>
    /// The same scope as the break glass. Without --app/--tier on an inventory of several clusters,
    /// the apps of this cluster are named, since a global flip would move the other clusters too.
    /// </summary>
    public static string Command(string site, string? inventoryArgument, IReadOnlyList<string> apps, IReadOnlyList<int> tiers, IReadOnlyList<ScopedVm> scope, bool inventoryHasOtherClusters)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(scope);
        var parts = new List<string> { "acmdr", "flip", "--to", site };
        if (inventoryArgument is not null)
        {
            parts.AddRange(["-i", inventoryArgument]);
        }

        var scopeApps = apps.Count == 0 && tiers.Count == 0 && inventoryHasOtherClusters
            ? scope.Select(v => v.App).Distinct(StringComparer.Ordinal).ToList()
            : apps;
        foreach (var app in scopeApps)
        {
            parts.AddRange(["--app", app]);
        }

        foreach (var tier in tiers)
        {
            parts.AddRange(["--tier", tier.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        parts.AddRange(["--kubeconfig", "HUB_KUBECONFIG"]);
        return string.Join(' ', parts);
    }
}
