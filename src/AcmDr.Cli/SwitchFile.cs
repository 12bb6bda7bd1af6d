using System.Text.RegularExpressions;
using AcmDr.Cli.Yaml;
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
    public static SwitchState Read(string path, DrPlan plan, Action<string> dropped) => Apply(path, ReadData(path), plan, dropped);

    /// <summary>The data of the switch file at <paramref name="path"/>, or null when there is none. Needs no plan, so it can be read while the plan is built.</summary>
    public static Dictionary<string, string>? ReadData(string path) =>
        File.Exists(path) ? Parse(path, File.ReadAllText(path)).Data : null;

    /// <summary>The switch state of <paramref name="data"/> (from <see cref="ReadData"/>; null: home) for <paramref name="plan"/>, as <see cref="Read"/>.</summary>
    public static SwitchState Apply(string path, Dictionary<string, string>? data, DrPlan plan, Action<string> dropped)
    {
        var settings = plan.Settings;
        if (data is null)
        {
            return SwitchState.Home(settings);
        }

        var site = data.GetValueOrDefault(SwitchManifest.SiteKey, settings.HomeSite);
        CheckSite(path, settings, SwitchManifest.SiteKey, site);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            if (!IsOverrideKey(key))
            {
                continue;
            }

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

    /// <summary>The hub namespace (metadata.namespace) and the data of a switch file's text.</summary>
    public static (string? Namespace, Dictionary<string, string> Data) Parse(string shown, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(DepthLimitedParser.Over(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            throw new InvalidInventoryException([new InventoryError(shown, (int)ex.Start.Line, null, $"invalid YAML: {ex.Message}")]);
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root is not null && root.Children.TryGetValue(new YamlScalarNode("data"), out var node) && node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v })
                {
                    data[k] = v;
                }
            }
        }

        string? ns = null;
        if (root is not null && root.Children.TryGetValue(new YamlScalarNode("metadata"), out var meta) && meta is YamlMappingNode metadata
            && metadata.Children.TryGetValue(new YamlScalarNode("namespace"), out var nsNode) && nsNode is YamlScalarNode { Value: { } recorded })
        {
            ns = recorded;
        }

        return (ns, data);
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
