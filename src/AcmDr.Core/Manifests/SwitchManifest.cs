using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>
/// The switch ConfigMap. Besides the site values it records the settings (allowed sites, home,
/// label, cluster set) so flip and report on the hub check against what was generated.
/// </summary>
public static class SwitchManifest
{
    public const string SiteKey = "site";
    public const string SitesKey = "sites";
    public const string HomeKey = "home";
    public const string SiteLabelKey = "siteLabel";
    public const string ClusterSetKey = "clusterSet";

    public static Mapping Build(DrSettings settings, SwitchState state)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SiteKey] = state.Site,
            [SitesKey] = string.Join(',', settings.Sites),
            [HomeKey] = settings.HomeSite,
            [SiteLabelKey] = settings.SiteLabel,
            [ClusterSetKey] = settings.ClusterSet,
        };
        foreach (var (key, value) in state.Overrides)
        {
            data[key] = value;
        }

        return Meta.Document("v1", "ConfigMap", Meta.Metadata(PolicyNames.SwitchConfigMap, settings.HubNamespace))
            .Add("data", Mapping.Sorted(data));
    }
}
