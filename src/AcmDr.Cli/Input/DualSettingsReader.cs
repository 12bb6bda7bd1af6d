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

    private readonly SettingsNodes nodes;

    private DualSettingsReader(string path) => nodes = new SettingsNodes(path);

    /// <summary>The dual settings of <paramref name="node"/>; throws <see cref="InvalidInventoryException"/> listing every problem.</summary>
    public static DualSettings Read(string path, YamlNode node)
    {
        var reader = new DualSettingsReader(path);
        var settings = reader.Section(node);
        if (reader.nodes.Errors.Count > 0)
        {
            // In file order: a missing key is found only after the entry's other keys.
            throw new InvalidInventoryException([.. reader.nodes.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        return settings;
    }

    private DualSettings Section(YamlNode node)
    {
        var settings = DualSettings.Default with { Source = nodes.Path };
        if (node is not YamlMappingNode mapping)
        {
            nodes.Fail(node, $"dual: expected a mapping of dual-cluster settings (keys {string.Join(", ", Keys)})");
            return settings;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            switch (nodes.Key(keyNode))
            {
                case "namespace":
                    settings = settings with { Namespace = nodes.Checked(value, "dual.namespace", DualSettingsRules.NamespaceProblem) };
                    break;
                case "hubCluster":
                    settings = settings with { HubCluster = nodes.Checked(value, "dual.hubCluster", DualSettingsRules.HubClusterProblem) };
                    break;
                case "pvcLabel":
                    settings = settings with { PvcLabel = nodes.Checked(value, "dual.pvcLabel", DualSettingsRules.PvcLabelProblem) };
                    break;
                case "drPolicies":
                    settings = settings with { DrPolicies = DrPolicies(value) };
                    break;
                case "apps":
                    settings = settings with { Apps = DualAppsReader.Read(nodes, value) };
                    break;
                case { } key:
                    nodes.Fail(keyNode, $"unknown setting 'dual.{Names.Printable(key)}'; known settings of dual are {string.Join(", ", Keys)}");
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
            nodes.Fail(node, "dual.drPolicies: expected a list of DRPolicies, each '- name: <DRPolicy>' with 'clusters: [<a>, <b>]'");
            return pairs;
        }

        foreach (var item in sequence.Children)
        {
            if (DrPolicy(item) is { } pair)
            {
                if (DualSettingsRules.RepeatProblem(pair, pairs) is { } repeat)
                {
                    nodes.Fail(item, repeat);
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
            nodes.Fail(node, "dual.drPolicies: expected a DRPolicy as 'name: <DRPolicy>' and 'clusters: [<a>, <b>]'");
            return null;
        }

        var before = nodes.Errors.Count;
        string? name = null;
        YamlSequenceNode? clusters = null;
        var missing = new List<string>(PolicyKeys);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = nodes.Key(keyNode);
            missing.Remove(key ?? string.Empty);
            switch (key)
            {
                case "name":
                    name = nodes.Checked(value, "dual.drPolicies: name", DualSettingsRules.DrPolicyNameProblem);
                    break;
                case "clusters":
                    clusters = TwoClusters(value);
                    break;
                case null:
                    break;
                default:
                    nodes.Fail(keyNode, $"unknown key '{Names.Printable(key)}' in a DRPolicy; known keys are {string.Join(", ", PolicyKeys)}");
                    break;
            }
        }

        if (missing.Count > 0)
        {
            nodes.Fail(mapping, $"dual.drPolicies: a DRPolicy needs {string.Join(" and ", missing.Select(k => $"'{k}'"))}, as 'name: <DRPolicy>' and 'clusters: [<a>, <b>]'");
        }

        if (name is null || clusters is null)
        {
            return null;
        }

        var a = nodes.Checked(clusters.Children[0], "dual.drPolicies: cluster", value => DualSettingsRules.ClusterProblem(name, value));
        var b = nodes.Checked(clusters.Children[1], "dual.drPolicies: cluster", value => DualSettingsRules.ClusterProblem(name, value));
        var pair = new DrPolicyPair(name, a, b, SettingsNodes.Line(mapping), SettingsNodes.Column(mapping));
        if (nodes.Errors.Count == before && DualSettingsRules.ClustersProblem(pair) is { } same)
        {
            nodes.Fail(clusters.Children[1], same);
        }

        return nodes.Errors.Count == before ? pair : null;
    }

    /// <summary>The list of a DRPolicy's two clusters; null when it is not one (reported).</summary>
    private YamlSequenceNode? TwoClusters(YamlNode node)
    {
        if (node is YamlSequenceNode { Children.Count: 2 } clusters)
        {
            return clusters;
        }

        var found = node is YamlSequenceNode list ? $"found {list.Children.Count}" : "found no list";
        nodes.Fail(node, $"dual.drPolicies: clusters must list exactly two clusters, as a DRPolicy pairs two ({found})");
        return null;
    }
}
