using AcmDr.Core.Planning;

namespace AcmDr.Core.Managed;

/// <summary>
/// The hub flip that makes the hub agree with a break glass on one cluster, scoped to what was done.
/// The hub's switch is per app and per tier, across every cluster: a tier is named only when all of it
/// (on every cluster) was done, an app only when all of its clusters were done. An app done on this
/// cluster only has no flip of its own: a warning says that flipping it would also move its VMs on
/// the other clusters.
/// </summary>
public static class HubFlipHint
{
    /// <summary>The flip (null when no part of the scope has one) and the warnings about apps done only in part.</summary>
    public sealed record Hint(string? Command, IReadOnlyList<string> Warnings);

    public static Hint For(DrPlan plan, string cluster, string site, string? inventoryArgument, IReadOnlyList<string> apps, IReadOnlyList<int> tiers, IReadOnlyList<ScopedVm> scope)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(scope);
        var done = scope.Select(v => (v.App, v.Tier)).ToHashSet();
        bool Whole(IEnumerable<PolicyPlan> policies) => policies.All(p => p.Cluster == cluster && done.Contains((p.App, p.Tier)));
        bool WholeApp(string app) => Whole(plan.Policies.Where(p => p.App == app));
        bool WholeTier(int tier) => Whole(plan.Policies.Where(p => p.Tier == tier));

        if (Whole(plan.Policies))
        {
            return new(FlipSuggestion.Command(site, inventoryArgument, [], []), []);
        }

        if (apps.Count + tiers.Count > 0 && apps.All(WholeApp) && tiers.All(WholeTier))
        {
            return new(FlipSuggestion.Command(site, inventoryArgument, apps, tiers), []);
        }

        var flipTiers = new List<int>();
        var flipApps = new List<string>();
        var warnings = new List<string>();
        foreach (var tier in ManagedScope.ByTier(scope))
        {
            if (WholeTier(tier.Key))
            {
                flipTiers.Add(tier.Key);
                continue;
            }

            foreach (var app in tier.Select(v => v.App).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (WholeApp(app))
                {
                    flipApps.Add(app);
                    continue;
                }

                var others = plan.Policies.Where(p => p.App == app && p.Cluster != cluster).Select(p => p.Cluster).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                warnings.Add($"app {app} also has VMs on {string.Join(", ", others)}, and the hub's switch is per app and tier: "
                    + $"'{FlipSuggestion.Command(site, inventoryArgument, [app], [])}' would move those too; run it only once they should move as well");
            }
        }

        return new(flipApps.Count + flipTiers.Count > 0 ? FlipSuggestion.Command(site, inventoryArgument, flipApps, flipTiers) : null, warnings);
    }
}
