using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Reporting;

/// <summary>
/// Where the VMs in a report should run: the one place that decides it. The global target is
/// <c>--to</c>, else the switch's site, else the newest flip's; a VM's own target is its app's
/// override, else its tier's, else the global one, as the hub templates resolve it.
/// </summary>
public static class TargetSites
{
    /// <summary>What a report says when its targets come from the replicated policies.</summary>
    public const string FromReplicated =
        "target: no --to and no acmdr-sites switch in the input: each VM's target is the site the hub resolved into its app's replicated policy";

    /// <summary>
    /// Each app's site as the hub resolved it into its replicated policies (the <c>-site</c> template's annotation),
    /// for a report with neither <c>--to</c> nor the switch; null otherwise, or when no replicated policy carries one.
    /// Replicated policies of one app that disagree (a flip half propagated) keep the first and are warned about.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Resolved(ReportScope scope, HubSnapshot snapshot, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (scope.To is not null || snapshot.Switch is not null)
        {
            return null;
        }

        var sites = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var policy in snapshot.Policies.Where(p => p.ResolvedSite is not null && scope.Settings.IsSite(p.ResolvedSite)))
        {
            if (!policy.Labels.TryGetValue(PolicyNames.AppLabel, out var app))
            {
                continue;
            }

            var key = PolicyNames.AppOverrideKey(app);
            if (sites.TryGetValue(key, out var first) && first != policy.ResolvedSite)
            {
                warnings.Add($"app {app}'s replicated policies were resolved to {first} and {policy.ResolvedSite} (a change still propagating); its VMs are measured against {first}");
                continue;
            }

            sites[key] = policy.ResolvedSite!;
        }

        return sites.Count == 0 ? null : sites;
    }

    /// <summary>The global target site; an invalid-input error when there is none or it is not a site.</summary>
    /// <param name="resolved">The apps' resolved sites (<see cref="Resolved"/>): the most common one is the global target.</param>
    public static string Global(ReportScope scope, SwitchReading? switchReading, IReadOnlyList<FlipHistoryEntry> flips, IReadOnlyDictionary<string, string>? resolved = null)
    {
        string? target = scope.To;
        if (target is null && switchReading is not null)
        {
            switchReading.Data.TryGetValue(SwitchManifest.SiteKey, out target);
        }

        target ??= flips.Count > 0 ? flips[0].To : null;
        target ??= resolved?.Values.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        if (string.IsNullOrEmpty(target))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                "no target site: give --to SITE (the dump holds no acmdr-sites ConfigMap, flip history or replicated policy with a resolved site to tell where VMs should run)");
        }

        if (!scope.Settings.IsSite(target))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                $"unknown site '{target}': the sites are {string.Join(", ", scope.Settings.Sites)}");
        }

        return target;
    }

    /// <summary>
    /// The switch's tier and app overrides (none with <c>--to</c>, which names the target of every VM);
    /// one naming an unknown site is left out with a warning (the hub fails closed on it).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Overrides(ReportScope scope, SwitchReading? switchReading, ICollection<string> warnings)
    {
        if (scope.To is not null || switchReading is null)
        {
            return null;
        }

        var overrides = switchReading.Data
            .Where(kv => SwitchManifest.IsOverrideKey(kv.Key))
            .Where(kv => kv.Value.Length > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (key, site) in overrides.Where(kv => !scope.Settings.IsSite(kv.Value)).ToList())
        {
            warnings.Add($"the switch's {key} names unknown site '{site}' (the hub does not enforce it); its VMs are measured against the global site");
            overrides.Remove(key);
        }

        return overrides.Count == 0 ? null : overrides;
    }

    /// <summary>Where <paramref name="vm"/> should run: its app's override, else its tier's, else <paramref name="global"/> (the switch's one rule, <see cref="SwitchEdit.Override"/>).</summary>
    public static string Of(Workload vm, string global, IReadOnlyDictionary<string, string>? overrides) =>
        overrides is null ? global : SwitchEdit.Override(overrides, vm.App, vm.Tier) ?? global;

    /// <summary>When the clock started: <c>--flip-at</c>, else the newest flip to <paramref name="target"/>, else the newest flip.</summary>
    public static DateTimeOffset? FlipAt(ReportScope scope, IReadOnlyList<FlipHistoryEntry> flips, string target)
    {
        return scope.FlipAt ?? flips.FirstOrDefault(f => f.To == target)?.At ?? (flips.Count > 0 ? flips[0].At : null);
    }
}
