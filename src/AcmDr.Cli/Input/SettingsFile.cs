using AcmDr.Cli.Input;
using AcmDr.Cli.Yaml;
using AcmDr.Core;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Input;

/// <summary>Command-line overrides of the settings; null means "as in the file, else the default".</summary>
public sealed record SettingsOverrides(string? HubNamespace, string? SiteLabel, IReadOnlyList<string>? Sites, string? ClusterSet, MoveRunning? MoveRunning = null);

/// <summary>
/// Reads the optional settings file (<c>acmdr.yaml</c> beside the inventory) and applies command-line
/// overrides. Unknown keys are errors, so a typo cannot silently fall back to a default.
/// </summary>
public static class SettingsFile
{
    public const string FileName = "acmdr.yaml";

    private static readonly string[] Keys = ["hubNamespace", "siteLabel", "sites", "clusterSet", SwitchManifest.MoveRunningKey, DualKey];

    /// <summary>The dual-cluster topology's section, read by <see cref="DualSettingsReader"/>.</summary>
    public const string DualKey = "dual";

    public static DrSettings Load(string? path, SettingsOverrides overrides)
    {
        var settings = path is not null ? Parse(path, InputFile.ReadText(path, path, InputLimit.Settings)) : DrSettings.Default;
        settings = settings with
        {
            HubNamespace = overrides.HubNamespace ?? settings.HubNamespace,
            SiteLabel = overrides.SiteLabel ?? settings.SiteLabel,
            Sites = overrides.Sites ?? settings.Sites,
            ClusterSet = overrides.ClusterSet ?? settings.ClusterSet,
            MoveRunning = overrides.MoveRunning ?? settings.MoveRunning,
        };
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            var where = path ?? "settings";
            throw new InvalidInventoryException(problems.Select(p => new InventoryError(where, 0, null, p)).ToList());
        }

        return settings;
    }

    private const string DuplicateKey = "Duplicate key ";

    public static DrSettings Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(DepthLimitedParser.Over(new StringReader(text)));
        }
        catch (YamlException ex) when (ex.Message.StartsWith(DuplicateKey, StringComparison.Ordinal))
        {
            // YamlDotNet keeps the last of two equal keys only if asked; refusing says which one, where.
            var key = Names.Printable(ex.Message[DuplicateKey.Length..]);
            throw new InvalidInventoryException([new InventoryError(path, (int)ex.Start.Line, (int)ex.Start.Column,
                $"'{key}' is written twice in the same mapping: each setting, DRPolicy field and app is written once")]);
        }
        catch (YamlException ex)
        {
            throw Error(path, (int)ex.Start.Line, $"invalid YAML: {ex.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            return DrSettings.Default;
        }

        if (stream.Documents.Count > 1)
        {
            throw Error(path, (int)stream.Documents[1].RootNode.Start.Line, "holds more than one YAML document; settings are one mapping");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(path, (int)stream.Documents[0].RootNode.Start.Line, "expected a mapping of settings");
        }

        var settings = DrSettings.Default;
        foreach (var (keyNode, value) in root.Children)
        {
            var line = (int)keyNode.Start.Line;
            var key = keyNode is YamlScalarNode scalar
                ? scalar.Value ?? string.Empty
                : throw Error(path, line, "expected a setting name, found a " + (keyNode is YamlSequenceNode ? "list" : "mapping"));
            settings = key switch
            {
                "hubNamespace" => settings with { HubNamespace = ScalarOf(path, value) },
                "siteLabel" => settings with { SiteLabel = ScalarOf(path, value) },
                "clusterSet" => settings with { ClusterSet = ScalarOf(path, value) },
                "sites" => settings with { Sites = ListOf(path, value) },
                SwitchManifest.MoveRunningKey => settings with { MoveRunning = MoveRunningOf(path, value) },
                DualKey => settings with { DualOrNull = DualSettingsReader.Read(path, value) },
                _ => throw Error(path, line, $"unknown setting '{key}'; known settings are {string.Join(", ", Keys)}"),
            };
        }

        return settings;
    }

    private static string ScalarOf(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } value }
            ? value
            : throw Error(path, (int)node.Start.Line, "expected a single value");

    private static MoveRunning MoveRunningOf(string path, YamlNode node) =>
        MoveRunningText.Parse(ScalarOf(path, node))
        ?? throw Error(path, (int)node.Start.Line, $"{SwitchManifest.MoveRunningKey} must be {MoveRunningText.Migrate} (the flip live-migrates running VMs) or {MoveRunningText.None} (they move only by acmdr relocate)");

    private static List<string> ListOf(string path, YamlNode node) =>
        node is YamlSequenceNode sequence
            ? sequence.Children.Select(c => ScalarOf(path, c)).ToList()
            : throw Error(path, (int)node.Start.Line, "expected a list of site names, home site first");

    private static InvalidInventoryException Error(string path, int line, string message) =>
        new([new InventoryError(path, line, null, message)]);
}
