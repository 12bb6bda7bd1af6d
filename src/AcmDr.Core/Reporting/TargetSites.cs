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
    /// <summary>The global target site; an invalid-input error when there is none or it is not a site.</summary>
    public static string Global(ReportScope scope, SwitchReading? switchReading, IReadOnlyList<FlipHistoryEntry> flips)
    {
        string? target = scope.To;
        if (target is null && switchReading is not null)
        {
            switchReading.Data.TryGetValue(SwitchManifest.SiteKey, out target);
        }

        target ??= flips.Count > 0 ? flips[0].To : null;
        if (string.IsNullOrEmpty(target))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                "no target site: give --to SITE (the dump holds no acmdr-sites ConfigMap or flip history to tell where VMs should run)");
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
