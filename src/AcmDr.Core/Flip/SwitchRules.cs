using AcmDr.Core.Compliance;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Flip;

/// <summary>
/// What a committed switch means for a plan when <c>acmdr generate</c> runs again: its values are
/// kept (a flip made in Git survives), checked against the plan's sites, and overrides of tiers or
/// apps that are no longer in the plan are dropped and said so.
/// </summary>
public static class SwitchRules
{
    /// <summary>
    /// The switch state of <paramref name="record"/> (the file at <paramref name="path"/>; null when
    /// there is none: home) for <paramref name="plan"/>. A value that is not one of the plan's sites
    /// is an error (exit 2); each dropped override is reported through <paramref name="dropped"/>.
    /// </summary>
    public static SwitchState Apply(string path, SwitchRecord? record, DrPlan plan, Action<string> dropped)
    {
        var settings = plan.Settings;
        if (record is null)
        {
            return SwitchState.Home(settings);
        }

        // The reader guarantees 'site' is there: a missing one is damage, not "home".
        var site = record.Data[SwitchManifest.SiteKey];
        CheckSite(path, settings, SwitchManifest.SiteKey, site);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in record.Data.Where(d => SwitchManifest.IsOverrideKey(d.Key)))
        {
            var tier = key.StartsWith("tier-", StringComparison.Ordinal);
            var known = tier
                ? plan.Tiers.Any(t => PolicyNames.TierOverrideKey(t) == key)
                : plan.Apps.Any(a => PolicyNames.AppOverrideKey(a.Name) == key);
            if (!known)
            {
                dropped($"{path}: dropping override '{key}: {value}': no such {(tier ? "tier" : "app")} in the inventory");
                continue;
            }

            CheckSite(path, settings, key, value);
            overrides[key] = value;
        }

        return new SwitchState(site, overrides, Mode(path, record.Data));
    }

    /// <summary>
    /// The committed mode, kept like the site (a <c>flip --in-git --unplanned</c> survives regenerating); a switch older
    /// than the key gets <c>planned</c>; any other value is refused, never silently turned into one the templates act on.
    /// </summary>
    private static string Mode(string path, IReadOnlyDictionary<string, string> data)
    {
        if (!data.TryGetValue(SwitchManifest.ModeKey, out var mode))
        {
            return SwitchManifest.PlannedMode;
        }

        return SwitchManifest.IsMode(mode)
            ? mode
            : throw new AcmDrException(ExitCodes.InvalidInput,
                $"{path}: switch value '{SwitchManifest.ModeKey}: {StatusText.Clean(mode)}' is not {SwitchManifest.PlannedMode} or {SwitchManifest.UnplannedMode}");
    }

    private static void CheckSite(string path, DrSettings settings, string key, string value)
    {
        if (!settings.IsSite(value))
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                $"{path}: switch value '{key}: {value}' is not one of the sites {string.Join(", ", settings.Sites)}");
        }
    }
}
