using AcmDr.Core.Settings;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Input;

/// <summary>
/// Reads <c>dual.apps</c>: per app, <c>pvcSelector: {matchLabels: {...}}</c>, each problem at its line and column
/// (see <see cref="DualSettingsReader"/>). Each override keeps where its app is named, for the check against the inventory.
/// </summary>
internal static class DualAppsReader
{
    public static List<DualAppOverride> Read(SettingsNodes nodes, YamlNode node)
    {
        var apps = new List<DualAppOverride>();
        if (node is not YamlMappingNode mapping)
        {
            nodes.Fail(node, "dual.apps: expected a mapping of app names, each with 'pvcSelector: {matchLabels: {...}}'");
            return apps;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (nodes.Key(keyNode) is not { } app)
            {
                continue;
            }

            if (DualSettingsRules.AppNameProblem(app) is { } problem)
            {
                nodes.Fail(keyNode, problem);
                continue;
            }

            if (App(nodes, app, keyNode, value) is { } entry)
            {
                if (DualSettingsRules.AppRepeatProblem(entry, apps) is { } repeat)
                {
                    nodes.Fail(keyNode, repeat);
                }

                apps.Add(entry);
            }
        }

        return apps;
    }

    /// <summary>One app's override, <c>pvcSelector: {matchLabels: {...}}</c>; null when it has a problem (already reported).</summary>
    private static DualAppOverride? App(SettingsNodes nodes, string app, YamlNode keyNode, YamlNode node)
    {
        var where = $"dual.apps.{app}";
        var before = nodes.Errors.Count;
        var selector = nodes.Only(node, where, "pvcSelector");
        var labels = selector is null ? null : nodes.Only(selector, $"{where}.pvcSelector", "matchLabels");
        if (labels is null)
        {
            return null;
        }

        if (labels is not YamlMappingNode labelMap)
        {
            nodes.Fail(labels, $"{where}.pvcSelector.matchLabels: expected a mapping of label keys to values");
            return null;
        }

        var matchLabels = new List<KeyValuePair<string, string>>(labelMap.Children.Count);
        foreach (var (keyNode2, valueNode) in labelMap.Children)
        {
            if (nodes.Key(keyNode2) is not { } key)
            {
                continue;
            }

            if (DualSettingsRules.MatchLabelKeyProblem(app, key) is { } keyProblem)
            {
                nodes.Fail(keyNode2, keyProblem);
                continue;
            }

            var value = nodes.Checked(valueNode, $"{where}.pvcSelector.matchLabels.{key}", v => DualSettingsRules.MatchLabelValueProblem(app, key, v));
            matchLabels.Add(new(key, value));
        }

        var entry = new DualAppOverride(app, matchLabels, SettingsNodes.Line(keyNode), SettingsNodes.Column(keyNode));
        if (nodes.Errors.Count == before && DualSettingsRules.EmptySelectorProblem(entry) is { } empty)
        {
            nodes.Fail(labels, empty);
        }

        return nodes.Errors.Count == before ? entry : null;
    }
}
