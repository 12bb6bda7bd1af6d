using AcmDr.Cli.Yaml;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AcmDr.Cli.Input;

/// <summary>
/// Reads the text of a switch file strictly: it must be what <c>acmdr generate</c> writes (one
/// <c>v1</c> ConfigMap named <c>acmdr-sites</c> with a namespace, and data holding <c>site</c>, the
/// settings keys and any overrides, every value a site it records). The switch is operational
/// state: reading a damaged one leniently would put every VM back home without a word, so anything
/// else is an error naming the file and, where there is one, the line.
/// </summary>
internal static class SwitchFileReader
{
    private static readonly string[] TopKeys = ["apiVersion", "kind", "metadata", "data"];
    private static readonly string[] MetadataKeys = ["name", "namespace", "labels", "annotations"];

    public static SwitchRecord Parse(string shown, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(DepthLimitedParser.Over(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            // Duplicate keys end up here too: YamlMappingNode refuses them.
            throw Invalid(shown, Line(ex.Start), $"invalid YAML: {OneLine(ex.Message)}");
        }

        if (stream.Documents.Count == 0)
        {
            throw Invalid(shown, (int?)null, "holds no switch (empty, or only comments); only a missing file means the home site");
        }

        if (stream.Documents.Count > 1)
        {
            throw Invalid(shown, stream.Documents[1].RootNode, $"holds {stream.Documents.Count} YAML documents; a switch file holds one ConfigMap");
        }

        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Invalid(shown, stream.Documents[0].RootNode, "is not a ConfigMap: expected a mapping at the top");
        var top = Fields(shown, root, TopKeys, "at the top");
        Expect(shown, root, top, "apiVersion", "v1");
        Expect(shown, root, top, "kind", "ConfigMap");

        var metadata = Map(shown, root, top, "metadata");
        var meta = Fields(shown, metadata, MetadataKeys, "in metadata");
        Expect(shown, metadata, meta, "name", PolicyNames.SwitchConfigMap);
        var ns = Value(shown, metadata, meta, "namespace");
        foreach (var optional in MetadataKeys[2..].Where(meta.ContainsKey))
        {
            if (meta[optional] is not YamlMappingNode)
            {
                throw Invalid(shown, meta[optional], $"metadata.{optional} is not a mapping");
            }
        }

        var dataNode = Map(shown, root, top, "data");
        var fields = Fields(shown, dataNode, null, "in data");
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in fields)
        {
            if (!SwitchManifest.IsKnownKey(key))
            {
                throw Invalid(shown, node, $"unknown key '{Show(key)}' in data; a switch holds only {SwitchManifest.KeysDescription}");
            }

            data[key] = Value(shown, dataNode, fields, key);
        }

        foreach (var required in SwitchManifest.SettingsKeys.Prepend(SwitchManifest.SiteKey).Where(k => !data.ContainsKey(k)))
        {
            throw Invalid(shown, dataNode, $"data has no '{required}'");
        }

        if (data.TryGetValue(SwitchManifest.MoveRunningKey, out var moveRunning) && MoveRunningText.Parse(moveRunning) is null)
        {
            throw Invalid(shown, fields[SwitchManifest.MoveRunningKey],
                $"{SwitchManifest.MoveRunningKey} '{Show(moveRunning)}' is not {MoveRunningText.Migrate} or {MoveRunningText.None}");
        }

        if (data.TryGetValue(SwitchManifest.ModeKey, out var mode) && !SwitchManifest.IsMode(mode))
        {
            throw Invalid(shown, fields[SwitchManifest.ModeKey],
                $"{SwitchManifest.ModeKey} '{Show(mode)}' is not {SwitchManifest.PlannedMode} or {SwitchManifest.UnplannedMode}");
        }

        var settings = SwitchManifest.RecordedSettings(ns, data);
        if (settings.Problems() is { Count: > 0 } problems)
        {
            throw Invalid(shown, (int?)null, Show(problems[0]));
        }

        if (data[SwitchManifest.HomeKey] != settings.HomeSite)
        {
            throw Invalid(shown, fields[SwitchManifest.HomeKey], $"home '{Show(data[SwitchManifest.HomeKey])}' is not the first of sites '{Show(data[SwitchManifest.SitesKey])}'");
        }

        foreach (var (key, value) in data.Where(d => d.Key == SwitchManifest.SiteKey || SwitchManifest.IsOverrideKey(d.Key)))
        {
            if (!settings.IsSite(value))
            {
                throw Invalid(shown, fields[key], $"switch value '{key}: {Show(value)}' is not one of the sites {string.Join(", ", settings.Sites)} (recorded in it)");
            }
        }

        return new SwitchRecord(ns, data, settings);
    }

    /// <summary>The fields of a mapping by key; every key a plain string, each once, and (when <paramref name="allowed"/> is given) one of those.</summary>
    private static Dictionary<string, YamlNode> Fields(string shown, YamlMappingNode map, string[]? allowed, string where)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || IsNull(keyNode))
            {
                throw Invalid(shown, keyNode, $"a key {where} is not a plain name");
            }

            if (allowed is not null && !allowed.Contains(key, StringComparer.Ordinal))
            {
                throw Invalid(shown, keyNode, $"unknown key '{Show(key)}' {where}; expected {string.Join(", ", allowed)}");
            }

            if (!fields.TryAdd(key, value))
            {
                throw Invalid(shown, keyNode, $"key '{Show(key)}' appears twice {where}");
            }
        }

        return fields;
    }

    private static YamlMappingNode Map(string shown, YamlNode parent, Dictionary<string, YamlNode> fields, string key) =>
        !fields.TryGetValue(key, out var node) ? throw Invalid(shown, parent, $"has no '{key}'")
        : node as YamlMappingNode ?? throw Invalid(shown, node, $"'{key}' is not a mapping");

    private static string Value(string shown, YamlNode parent, Dictionary<string, YamlNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            throw Invalid(shown, parent, $"has no '{key}'");
        }

        return node switch
        {
            YamlScalarNode { Value: { } value } when !IsNull(node) => value,
            YamlScalarNode => throw Invalid(shown, node, $"'{Show(key)}' has no value (null)"),
            YamlSequenceNode => throw Invalid(shown, node, $"'{Show(key)}' holds a list, not a value"),
            _ => throw Invalid(shown, node, $"'{Show(key)}' holds a mapping, not a value"),
        };
    }

    private static void Expect(string shown, YamlNode parent, Dictionary<string, YamlNode> fields, string key, string expected)
    {
        var value = Value(shown, parent, fields, key);
        if (value != expected)
        {
            throw Invalid(shown, fields[key], $"{key} is '{Show(value)}', not '{expected}': not acmdr's switch");
        }
    }

    /// <summary>A YAML null (as Go's YAML readers, and so kubectl, take it): an empty, <c>~</c> or <c>null</c> plain scalar.</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static int? Line(Mark mark) => mark.Line > 0 ? (int)mark.Line : null;

    /// <summary>Text from the file, safe to print on one line of a terminal.</summary>
    private static string Show(string text)
    {
        var clean = StatusText.Clean(text);
        return clean.Length > 80 ? clean[..80] + "..." : clean;
    }

    private static string OneLine(string text) => StatusText.Clean(text);

    private static AcmDrException Invalid(string shown, YamlNode? node, string message) =>
        Invalid(shown, node is null ? null : Line(node.Start), message);

    private static AcmDrException Invalid(string shown, int? line, string message) =>
        new(ExitCodes.InvalidInput,
            $"{shown}{(line is { } l ? $":{l}" : string.Empty)}: not a switch acmdr can read: {message}; left as it is (fix it, or restore it from Git)");
}
