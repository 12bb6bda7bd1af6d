using System.Text.Json;
using YamlDotNet.Serialization;

namespace AcmDr.Cli.Tests.Report;

/// <summary>Builds hand-made dumps of acmdr root and replicated policies, as YAML or JSON.</summary>
public sealed class HubDump
{
    public const string Flip = "2026-11-25T19:00:00Z";

    private readonly List<object> items = [];

    public static Dictionary<string, object?> Entry(string at, string message) =>
        new() { ["eventName"] = "acmdr.x." + at.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture), ["lastTimestamp"] = at, ["message"] = message };

    public static string Running(string vms, string ns) =>
        $"Compliant; notification - virtualmachineinstances [{vms}] found as specified in namespace {ns}";

    public static string NotRunning(string vms, string ns) =>
        $"NonCompliant; violation - virtualmachineinstances [{vms}] found but not as specified in namespace {ns}";

    public static string PendingOn(string dependency) =>
        $"Pending; Dependencies were not satisfied: 1 is still pending (PolicySet {dependency})";

    public HubDump Root(string name, string app, int tier, string vms, int rto, params (string Cluster, string Compliant)[] clusters)
    {
        items.Add(new Dictionary<string, object?>
        {
            ["apiVersion"] = "policy.open-cluster-management.io/v1",
            ["kind"] = "Policy",
            ["metadata"] = new Dictionary<string, object?>
            {
                ["name"] = name,
                ["namespace"] = "acmdr",
                ["labels"] = Labels(app, tier, clusters.Length > 0 ? clusters[0].Cluster : "stretch-1"),
                ["annotations"] = new Dictionary<string, object?> { ["acmdr.io/vms"] = vms, ["acmdr.io/rto-minutes"] = rto.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            ["spec"] = new Dictionary<string, object?> { ["disabled"] = false, ["policy-templates"] = new[] { new Dictionary<string, object?> { ["big"] = new string('x', 200) } } },
            ["status"] = new Dictionary<string, object?>
            {
                ["compliant"] = clusters.Length > 0 ? clusters[0].Compliant : null,
                ["status"] = clusters.Select(c => new Dictionary<string, object?> { ["clustername"] = c.Cluster, ["clusternamespace"] = c.Cluster, ["compliant"] = c.Compliant }).ToList(),
            },
        });
        return this;
    }

    /// <param name="resolvedSite">The site the hub resolved into the replicated policy's -site template (its spec holds it); null: no spec.</param>
    public HubDump Replicated(string root, string app, int tier, string cluster, string compliant,
        IReadOnlyList<Dictionary<string, object?>> site, IReadOnlyList<Dictionary<string, object?>> running, string? resolvedSite = null)
    {
        var labels = Labels(app, tier, cluster);
        labels["policy.open-cluster-management.io/root-policy"] = "acmdr." + root;
        labels["policy.open-cluster-management.io/cluster-name"] = cluster;
        labels["policy.open-cluster-management.io/cluster-namespace"] = cluster;
        var policy = new Dictionary<string, object?>
        {
            ["apiVersion"] = "policy.open-cluster-management.io/v1",
            ["kind"] = "Policy",
            ["metadata"] = new Dictionary<string, object?> { ["name"] = "acmdr." + root, ["namespace"] = cluster, ["labels"] = labels },
        };
        if (resolvedSite is not null)
        {
            policy["spec"] = new Dictionary<string, object?>
            {
                ["disabled"] = false,
                ["policy-templates"] = new[]
                {
                    new Dictionary<string, object?>
                    {
                        ["objectDefinition"] = new Dictionary<string, object?>
                        {
                            ["apiVersion"] = "policy.open-cluster-management.io/v1",
                            ["kind"] = "ConfigurationPolicy",
                            ["metadata"] = new Dictionary<string, object?>
                            {
                                ["annotations"] = new Dictionary<string, object?> { ["acmdr.io/site"] = resolvedSite },
                                ["name"] = root + "-site",
                            },
                            ["spec"] = new Dictionary<string, object?> { ["remediationAction"] = "enforce" },
                        },
                    },
                },
            };
        }

        items.Add(policy);
        policy["status"] = new Dictionary<string, object?>
            {
                ["compliant"] = compliant,
                ["details"] = new[]
                {
                    Detail(root + "-site", site),
                    Detail(root + "-running", running),
                },
            };
        return this;
    }

    /// <summary>A policy acmdr did not generate: must be ignored.</summary>
    public HubDump Foreign(string name)
    {
        items.Add(new Dictionary<string, object?>
        {
            ["apiVersion"] = "policy.open-cluster-management.io/v1",
            ["kind"] = "Policy",
            ["metadata"] = new Dictionary<string, object?> { ["name"] = name, ["namespace"] = "acmdr" },
            ["status"] = new Dictionary<string, object?> { ["compliant"] = "NonCompliant", ["status"] = new[] { new Dictionary<string, object?> { ["clustername"] = "stretch-1", ["compliant"] = "NonCompliant" } } },
        });
        return this;
    }

    public HubDump Switch(string site, string? flipHistory, params (string Key, string Value)[] overrides)
    {
        items.Add(new Dictionary<string, object?>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new Dictionary<string, object?>
            {
                ["name"] = "acmdr-sites",
                ["namespace"] = "acmdr",
                ["labels"] = new Dictionary<string, object?> { ["app.kubernetes.io/managed-by"] = "acmdr" },
                ["annotations"] = flipHistory is null ? null : new Dictionary<string, object?> { ["acmdr.io/flip-history"] = flipHistory },
            },
            ["data"] = overrides.Aggregate(new Dictionary<string, object?> { ["site"] = site }, (data, o) => { data[o.Key] = o.Value; return data; }),
        });
        return this;
    }

    public object List => new Dictionary<string, object?> { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items, ["metadata"] = new Dictionary<string, object?> { ["resourceVersion"] = "" } };

    public string Yaml() => new SerializerBuilder().Build().Serialize(List);

    /// <summary>Several YAML documents, as <c>kubectl get -o yaml</c> of single objects concatenated.</summary>
    public string YamlDocuments()
    {
        var serializer = new SerializerBuilder().Build();
        return string.Join("---\n", items.Select(i => serializer.Serialize(i)));
    }

    public string Json() => JsonSerializer.Serialize(List, Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static Dictionary<string, object?> Labels(string app, int tier, string cluster) => new()
    {
        ["acmdr.io/app"] = app,
        ["acmdr.io/tier"] = tier.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["acmdr.io/cluster"] = cluster,
        ["app.kubernetes.io/managed-by"] = "acmdr",
    };

    private static Dictionary<string, object?> Detail(string template, IReadOnlyList<Dictionary<string, object?>> history) => new()
    {
        ["compliant"] = history.Count == 0 ? null : ((string)history[0]["message"]!).Split(';')[0],
        ["history"] = history,
        ["templateMeta"] = new Dictionary<string, object?> { ["creationTimestamp"] = null, ["name"] = template },
    };
}
