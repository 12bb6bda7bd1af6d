using AcmDr.Core.Inventory;
using AcmDr.Core.Settings;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Input;

/// <summary>
/// Reads the <c>dual:</c> section of the settings file strictly: unknown keys, wrong shapes and invalid values
/// are each one error at their line and column (all of them, not only the first), by the rules of
/// <see cref="DualSettingsRules"/>. The DRPolicies and app overrides keep where they are written, for the
/// checks against the inventory that come later.
/// </summary>
public sealed class DualSettingsReader
{
    private static readonly string[] Keys = ["namespace", "hubCluster", "pvcLabel", "drPolicies", "apps"];
    private static readonly string[] PolicyKeys = ["name", "clusters"];

    private readonly string path;
    private readonly List<InventoryError> errors = [];

    private DualSettingsReader(string path) => this.path = path;

    /// <summary>The dual settings of <paramref name="node"/>; throws <see cref="InvalidInventoryException"/> listing every problem.</summary>
    public static DualSettings Read(string path, YamlNode node)
    {
        var reader = new DualSettingsReader(path);
        var settings = reader.Section(node);
        if (reader.errors.Count > 0)
        {
            // In file order: a missing key is found only after the entry's other keys.
            throw new InvalidInventoryException([.. reader.errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        return settings;
    }

    private DualSettings Section(YamlNode node)
    {
        var settings = DualSettings.Default with { Source = path };
        if (node is not YamlMappingNode mapping)
        {
            Fail(node, $"dual: expected a mapping of dual-cluster settings (keys {string.Join(", ", Keys)})");
            return settings;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            switch (Key(keyNode))
            {
                case "namespace":
                    settings = settings with { Namespace = Checked(value, "dual.namespace", DualSettingsRules.NamespaceProblem) };
                    break;
                case "hubCluster":
                    settings = settings with { HubCluster = Checked(value, "dual.hubCluster", DualSettingsRules.HubClusterProblem) };
                    break;
                case "pvcLabel":
                    settings = settings with { PvcLabel = Checked(value, "dual.pvcLabel", DualSettingsRules.PvcLabelProblem) };
                    break;
                case "drPolicies":
                    settings = settings with { DrPolicies = DrPolicies(value) };
                    break;
                case "apps":
                    settings = settings with { Apps = Apps(value) };
                    break;
                case { } key:
                    Fail(keyNode, $"unknown setting 'dual.{Names.Printable(key)}'; known settings of dual are {string.Join(", ", Keys)}");
                    break;
                default:
                    break;
            }
        }

        return settings;
    }

    private List<DrPolicyPair> DrPolicies(YamlNode node)
    {
        var pairs = new List<DrPolicyPair>();
        if (node is not YamlSequenceNode sequence)
        {
            Fail(node, "dual.drPolicies: expected a list of DRPolicies, each '- name: <DRPolicy>' with 'clusters: [<a>, <b>]'");
            return pairs;
        }

        foreach (var item in sequence.Children)
        {
            if (DrPolicy(item) is { } pair)
            {
                if (DualSettingsRules.RepeatProblem(pair, pairs) is { } repeat)
                {
                    Fail(item, repeat);
                }

                pairs.Add(pair);
            }
        }

        return pairs;
    }

    /// <summary>One DRPolicy entry; null when it has a problem (already reported).</summary>
    private DrPolicyPair? DrPolicy(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Fail(node, "dual.drPolicies: expected a DRPolicy as 'name: <DRPolicy>' and 'clusters: [<a>, <b>]'");
            return null;
        }

        var before = errors.Count;
        string? name = null;
        YamlSequenceNode? clusters = null;
        var missing = new List<string>(PolicyKeys);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Key(keyNode);
            missing.Remove(key ?? string.Empty);
            switch (key)
            {
                case "name":
                    name = Checked(value, "dual.drPolicies: name", DualSettingsRules.DrPolicyNameProblem);
                    break;
                case "clusters":
                    clusters = TwoClusters(value);
                    break;
                case null:
                    break;
                default:
                    Fail(keyNode, $"unknown key '{Names.Printable(key)}' in a DRPolicy; known keys are {string.Join(", ", PolicyKeys)}");
                    break;
            }
        }

        if (missing.Count > 0)
        {
            Fail(mapping, $"dual.drPolicies: a DRPolicy needs {string.Join(" and ", missing.Select(k => $"'{k}'"))}, as 'name: <DRPolicy>' and 'clusters: [<a>, <b>]'");
        }

        if (name is null || clusters is null)
        {
            return null;
        }

        var a = Checked(clusters.Children[0], "dual.drPolicies: cluster", value => DualSettingsRules.ClusterProblem(name, value));
        var b = Checked(clusters.Children[1], "dual.drPolicies: cluster", value => DualSettingsRules.ClusterProblem(name, value));
        var pair = new DrPolicyPair(name, a, b, Line(mapping), Column(mapping));
        if (errors.Count == before && DualSettingsRules.ClustersProblem(pair) is { } same)
        {
            Fail(clusters.Children[1], same);
        }

        return errors.Count == before ? pair : null;
    }

    /// <summary>The list of a DRPolicy's two clusters; null when it is not one (reported).</summary>
    private YamlSequenceNode? TwoClusters(YamlNode node)
    {
        if (node is YamlSequenceNode { Children.Count: 2 } clusters)
        {
            return clusters;
        }

        var found = node is YamlSequenceNode list ? $"found {list.Children.Count}" : "found no list";
        Fail(node, $"dual.drPolicies: clusters must list exactly two clusters, as a DRPolicy pairs two ({found})");
        return null;
    }

    private List<DualAppOverride> Apps(YamlNode node)
    {
        var apps = new List<DualAppOverride>();
        if (node is not YamlMappingNode mapping)
        {
            Fail(node, "dual.apps: expected a mapping of app names, each with 'pvcSelector: {matchLabels: {...}}'");
            return apps;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode) is not { } app)
            {
                continue;
            }

            if (DualSettingsRules.AppNameProblem(app) is { } problem)
            {
                Fail(keyNode, problem);
                continue;
            }

            if (App(app, keyNode, value) is { } entry)
            {
                if (DualSettingsRules.AppRepeatProblem(entry, apps) is { } repeat)
                {
                    Fail(keyNode, repeat);
                }

                apps.Add(entry);
            }
        }

        return apps;
    }

    /// <summary>One app's override, <c>pvcSelector: {matchLabels: {...}}</c>; null when it has a problem (already reported).</summary>
    private DualAppOverride? App(string app, YamlNode keyNode, YamlNode node)
    {
        var where = $"dual.apps.{app}";
        var before = errors.Count;
        var selector = Only(node, where, "pvcSelector");
        var labels = selector is null ? null : Only(selector, $"{where}.pvcSelector", "matchLabels");
        if (labels is null)
        {
            return null;
        }

        if (labels is not YamlMappingNode labelMap)
        {
            Fail(labels, $"{where}.pvcSelector.matchLabels: expected a mapping of label keys to values");
            return null;
        }

        var matchLabels = new List<KeyValuePair<string, string>>(labelMap.Children.Count);
        foreach (var (keyNode2, valueNode) in labelMap.Children)
        {
            if (Key(keyNode2) is not { } key)
            {
                continue;
            }

            if (DualSettingsRules.MatchLabelKeyProblem(app, key) is { } keyProblem)
            {
                Fail(keyNode2, keyProblem);
                continue;
            }

            var value = Checked(valueNode, $"{where}.pvcSelector.matchLabels.{key}", v => DualSettingsRules.MatchLabelValueProblem(app, key, v));
            matchLabels.Add(new(key, value));
        }

        var entry = new DualAppOverride(app, matchLabels, Line(keyNode), Column(keyNode));
        if (errors.Count == before && DualSettingsRules.EmptySelectorProblem(entry) is { } empty)
        {
            Fail(labels, empty);
        }

        return errors.Count == before ? entry : null;
    }

    /// <summary>The value of a mapping that must hold exactly <paramref name="key"/>; null when it does not (reported).</summary>
    private YamlNode? Only(YamlNode node, string where, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            Fail(node, $"{where}: expected a mapping with '{key}'");
            return null;
        }

        YamlNode? found = null;
        var before = errors.Count;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (Key(keyNode) is not { } name)
            {
                continue;
            }

            if (name == key)
            {
                found = value;
            }
            else
            {
                Fail(keyNode, $"unknown key '{Names.Printable(name)}' in {where}; the only key is {key}");
            }
        }

        if (found is null && errors.Count == before)
        {
            Fail(mapping, $"{where}: expected a mapping with '{key}'");
        }

        return found;
    }

    /// <summary>The text of a key; null (reported) when it is a list or a mapping.</summary>
    private string? Key(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Fail(node, "expected a setting name, found a " + (node is YamlSequenceNode ? "list" : "mapping"));
        return null;
    }

    /// <summary>A single value, checked by <paramref name="problem"/>; every problem is reported at the value.</summary>
    private string Checked(YamlNode node, string setting, Func<string, string?> problem)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            Fail(node, $"{setting}: expected a single value, found a {(node is YamlSequenceNode ? "list" : "mapping")}");
            return string.Empty;
        }

        if (problem(value) is { } message)
        {
            Fail(node, message);
        }

        return value;
    }

    private void Fail(YamlNode node, string message) =>
        errors.Add(new InventoryError(path, Line(node), Column(node), message));

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int Column(YamlNode node) => (int)node.Start.Column;
}
