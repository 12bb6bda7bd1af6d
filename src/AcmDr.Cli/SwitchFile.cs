using AcmDr.Cli.Input;
using AcmDr.Core;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli;

/// <summary>
/// Reads the committed switch file, so regenerating keeps its values and <c>flip --in-git</c> edits
/// them. Both go through <see cref="Load"/>: only a missing file means "home"; a file that is not
/// exactly a switch (see <see cref="SwitchFileReader"/>) is exit 2 and is left as it is.
/// </summary>
public static class SwitchFile
{
    /// <summary>
    /// The switch state in <paramref name="path"/>, or home when the file does not exist. Overrides
    /// for tiers or apps that are no longer in the plan are dropped and reported through <paramref name="dropped"/>.
    /// </summary>
    public static SwitchState Read(string path, DrPlan plan, Action<string> dropped) => Apply(path, ReadData(path), plan, dropped);

    /// <summary>The switch file at <paramref name="path"/>, or null when there is none. Needs no plan, so it can be read while the plan is built.</summary>
    public static SwitchRecord? ReadData(string path) => Load(path, path);

    /// <summary>The switch file at <paramref name="path"/> (named <paramref name="shown"/> in errors), or null when there is none.</summary>
    public static SwitchRecord? Load(string path, string shown)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return null;
        }

        return SwitchFileReader.Parse(shown, InputFile.ReadText(path, shown, InputLimit.SwitchFile));
    }

    /// <summary>The switch state of <paramref name="record"/> (from <see cref="ReadData"/>; null: home) for <paramref name="plan"/>, as <see cref="Read"/>.</summary>
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

        return new SwitchState(site, overrides);
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
