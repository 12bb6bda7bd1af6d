using AcmDr.Core.Inventory;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Input;

/// <summary>
/// Reads values of one settings file's YAML nodes, collecting each problem at the node's line and column
/// instead of stopping at the first.
/// </summary>
internal sealed class SettingsNodes(string path)
{
    public string Path { get; } = path;

    public List<InventoryError> Errors { get; } = [];

    /// <summary>The value of a mapping that must hold exactly <paramref name="key"/>; null when it does not (reported).</summary>
    public YamlNode? Only(YamlNode node, string where, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            Fail(node, $"{where}: expected a mapping with '{key}'");
            return null;
        }

        YamlNode? found = null;
        var before = Errors.Count;
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

        if (found is null && Errors.Count == before)
        {
            Fail(mapping, $"{where}: expected a mapping with '{key}'");
        }

        return found;
    }

    /// <summary>The text of a key; null (reported) when it is a list or a mapping.</summary>
    public string? Key(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Fail(node, "expected a setting name, found a " + (node is YamlSequenceNode ? "list" : "mapping"));
        return null;
    }

    /// <summary>A single value, checked by <paramref name="problem"/>; every problem is reported at the value.</summary>
    public string Checked(YamlNode node, string setting, Func<string, string?> problem)
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

    public void Fail(YamlNode node, string message) =>
        Errors.Add(new InventoryError(Path, Line(node), Column(node), message));

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static int Column(YamlNode node) => (int)node.Start.Column;
}
