using System.Text.Json.Nodes;

namespace AcmDr.FakeKube.Tests;

/// <summary>Small untyped objects the tests seed the store with.</summary>
internal static class TestObjects
{
    public const string PolicyGroup = "policy.open-cluster-management.io";

    public static JsonObject Policy(string ns, string name, string? tier = null)
    {
        var labels = new JsonObject { ["app.kubernetes.io/managed-by"] = "acmdr" };
        if (tier is not null)
        {
            labels["acmdr/tier"] = tier;
        }

        return new JsonObject
        {
            ["apiVersion"] = $"{PolicyGroup}/v1",
            ["kind"] = "Policy",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels },
            ["spec"] = new JsonObject { ["disabled"] = false },
        };
    }

    public static JsonObject ConfigMap(string ns, string name, string site) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["data"] = new JsonObject { ["site"] = site },
    };

    public static string Site(FakeApiServer server, string ns, string name) =>
        server.Store.Get("", "v1", "configmaps", ns, name)!["data"]!["site"]!.GetValue<string>();
}
