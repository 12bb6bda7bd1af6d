using System.Text.RegularExpressions;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// The switch ConfigMap. Besides the site values it records the settings (allowed sites, home,
/// label, cluster set) so flip and report on the hub check against what was generated.
/// A valid switch holds exactly <see cref="SiteKey"/>, the <see cref="SettingsKeys"/> and any number of
/// override keys (<see cref="IsOverrideKey"/>); any other key is a typo that must not be dropped.
/// </summary>
public static partial class SwitchManifest
{
    public const string SiteKey = "site";
    public const string SitesKey = "sites";
    public const string HomeKey = "home";
    public const string SiteLabelKey = "siteLabel";
    public const string ClusterSetKey = "clusterSet";
    public const string MoveRunningKey = "moveRunning";

    /// <summary>
    /// How a dual-cluster app moves when its site changes: <see cref="PlannedMode"/> (Ramen <c>Relocate</c>, both clusters
    /// up, final sync) or <see cref="UnplannedMode"/> (Ramen <c>Failover</c>, the source assumed down); set by <c>flip</c>
    /// (<c>--unplanned</c>). Any other value, or none, changes no DRPlacementControl.
    /// </summary>
    public const string ModeKey = "mode";

    public const string PlannedMode = "planned";

    public const string UnplannedMode = "unplanned";

    /// <summary>Whether <paramref name="mode"/> is a mode the dual templates act on (exactly, case included).</summary>
    public static bool IsMode(string? mode) => mode is PlannedMode or UnplannedMode;

    /// <summary>The keys that record the settings and that every switch holds.</summary>
    public static IReadOnlyList<string> SettingsKeys { get; } = [SitesKey, HomeKey, SiteLabelKey, ClusterSetKey];

    /// <summary>
    /// What a flip does to running VMs (<see cref="MoveRunningText"/>), and how dual apps move (<see cref="ModeKey"/>);
    /// generate always writes both, and a switch written before they existed lacks them, which the templates read as
    /// "move nothing".
    /// </summary>
    public static bool IsOptionalSettingsKey(string key) => key is MoveRunningKey or ModeKey;

    /// <summary>How the valid keys are described to a user who wrote another one.</summary>
    public const string KeysDescription = "site, tier-<1..99>, app-<name>, sites, home, siteLabel, clusterSet, moveRunning, mode";

    // Tiers 1..99 and DNS-1123 app names, as the inventory allows: 'tier-01' or 'tier-100' is a typo, not a tier.
    [GeneratedRegex("^(tier-[1-9][0-9]?|app-[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)$")]
    private static partial Regex OverrideKey();

    /// <summary>A <c>tier-&lt;n&gt;</c> or <c>app-&lt;name&gt;</c> key.</summary>
    public static bool IsOverrideKey(string key) => OverrideKey().IsMatch(key);

    /// <summary>A key a switch may hold.</summary>
    public static bool IsKnownKey(string key) =>
        key == SiteKey || SettingsKeys.Contains(key, StringComparer.Ordinal) || IsOptionalSettingsKey(key) || IsOverrideKey(key);

    /// <summary>
    /// The settings recorded in a switch's data (the inverse of <see cref="Build"/>); every settings key must be there.
    /// A <c>moveRunning</c> that is missing or not <c>migrate</c> is <see cref="MoveRunning.None"/>: what the templates do with it.
    /// </summary>
    public static DrSettings RecordedSettings(string hubNamespace, IReadOnlyDictionary<string, string> data) =>
        new(hubNamespace, data[SiteLabelKey], data[SitesKey].Split(','), data[ClusterSetKey],
            MoveRunningText.Parse(data.GetValueOrDefault(MoveRunningKey)) ?? MoveRunning.None);

    public static Mapping Build(DrSettings settings, SwitchState state)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SiteKey] = state.Site,
            [SitesKey] = string.Join(',', settings.Sites),
            [HomeKey] = settings.HomeSite,
            [SiteLabelKey] = settings.SiteLabel,
            [ClusterSetKey] = settings.ClusterSet,
            [MoveRunningKey] = MoveRunningText.Of(settings.MoveRunning),
            [ModeKey] = state.Mode,
        };
        foreach (var (key, value) in state.Overrides)
        {
            data[key] = value;
        }

        return Meta.Document("v1", "ConfigMap", Meta.Metadata(PolicyNames.SwitchConfigMap, settings.HubNamespace))
            .Add("data", Mapping.Sorted(data));
    }
}
