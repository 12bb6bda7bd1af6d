using System.Text.Json.Nodes;

namespace AcmDr.FakeKube;

/// <summary>The plain (non-aggregated) discovery documents kubectl and client libraries read.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] Verbs = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-fakekube",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    public static JsonObject GroupList(IReadOnlyList<ResourceType> types) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. types
            .Where(t => t.Group.Length > 0)
            .Select(t => t.Group)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(g => Group(g, types))]),
    };

    public static JsonObject? Group(string group, IReadOnlyList<ResourceType> types)
    {
        var versions = types.Where(t => t.Group == group).Select(t => t.Version).Distinct()
            .OrderBy(VersionPriority).ToList();
        if (versions.Count == 0)
        {
            return null;
        }

        JsonObject Entry(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(Entry)]),
            ["preferredVersion"] = Entry(versions[0]),
        };
    }

    public static JsonObject? ResourceList(string group, string version, IReadOnlyList<ResourceType> types)
    {
        var here = types.Where(t => t.Group == group && t.Version == version).ToList();
        if (here.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var t in here.OrderBy(t => t.Plural, StringComparer.Ordinal))
        {
            var resource = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray([.. Verbs.Select(v => JsonValue.Create(v))]),
            };
            if (t.ShortNames.Count > 0)
            {
                resource["shortNames"] = new JsonArray([.. t.ShortNames.Select(s => JsonValue.Create(s))]);
            }

            resources.Add(resource);
            resources.Add(new JsonObject
            {
                ["name"] = t.Plural + "/status",
                ["singularName"] = "",
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray([.. StatusVerbs.Select(v => JsonValue.Create(v))]),
            });
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>Kube's version order: GA, then beta, then alpha, higher numbers first.</summary>
    private static (int Stage, int Major, int Minor) VersionPriority(string version)
    {
        var match = System.Text.RegularExpressions.Regex.Match(version, @"^v(\d+)(?:(alpha|beta)(\d+))?$");
        if (!match.Success)
        {
            return (3, 0, 0);
        }

        var stage = match.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (stage, -int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), -minor);
    }
}
