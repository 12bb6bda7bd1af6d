using System.Text.RegularExpressions;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli;

/// <summary>Reads the site values of a committed switch file, so regenerating keeps them.</summary>
public static partial class SwitchFile
{
    [GeneratedRegex("^(tier-[0-9]+|app-[a-z0-9]([-a-z0-9]*[a-z0-9])?)$")]
    private static partial Regex OverrideKey();

    public static bool IsOverrideKey(string key) => OverrideKey().IsMatch(key);

    /// <summary>
    /// The switch state in <paramref name="path"/>, or home when the file does not exist. Overrides
    /// for tiers or apps that are no longer in the plan are dropped and reported through <paramref name="dropped"/>.
    /// </summary>
    public static SwitchState Read(string path, DrPlan plan, Action<string> dropped)
    {
        var settings = plan.Settings;
        if (!File.Exists(path))
        {
            return SwitchState.Home(settings);
        }

        var data = ReadData(path);
        var site = data.GetValueOrDefault(SwitchManifest.SiteKey, settings.HomeSite);
        CheckSite(path, settings, SwitchManifest.SiteKey, site);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data.Where(d => IsOverrideKey(d.Key)))
        {
            var known = key.StartsWith("tier-", StringComparison.Ordinal)
                ? plan.Tiers.Any(t => PolicyNames.TierOverrideKey(t) == key)
                : plan.Apps.Any(a => PolicyNames.AppOverrideKey(a.Name) == key);
            if (!known)
            {
                dropped($"{path}: dropping override '{key}: {value}': no such {(key.StartsWith("tier-", StringComparison.Ordinal) ? "tier" : "app")} in the inventory");
                continue;
            }

            CheckSite(path, settings, key, value);
            overrides[key] = value;
        }

        return new SwitchState(site, overrides);
    }

    private static Dictionary<string, string> ReadData(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new InvalidInventoryException([new InventoryError(path, (int)ex.Start.Line, null, $"invalid YAML: {ex.Message}")]);
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0
            && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("data"), out var node)
            && node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
                {
                    data[k] = v;
                }
            }
        }

        return data;
    }

    private static void CheckSite(string path, DrSettings settings, string key, string value)
    {
        if (!settings.IsSite(value))
        {
            throw new InvalidInventoryException([new InventoryError(path, 0, null,
                $"switch value '{key}: {value}' is not one of the sites {string.Join(", ", settings.Sites)}")]);
        }
    }
}
