using System.Text.Json.Nodes;

namespace AcmDr.Cli.Cluster;

/// <summary>The one-key merge patch break glass sends, and how it reads the key back from a VM.</summary>
public static class NodeSelectorPatch
{
    /// <summary>A JSON merge patch that sets one nodeSelector key: every other field of the VM stays as it is.</summary>
    public static JsonObject For(string siteLabel, string site) => new()
    {
        ["spec"] = new JsonObject
        {
            ["template"] = new JsonObject
            {
                ["spec"] = new JsonObject { ["nodeSelector"] = new JsonObject { [siteLabel] = site } },
            },
        },
    };

    public static string? SiteOf(JsonObject vm, string siteLabel)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm["spec"]?["template"]?["spec"]?["nodeSelector"]?[siteLabel] is JsonValue value && value.TryGetValue<string>(out var site)
            ? site
            : null;
    }
}
