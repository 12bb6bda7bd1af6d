using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using AcmDr.Core.Flip;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Plays ACM on a fake hub: loads the generated root policies, then writes what the policy framework
/// would report over time (replicated policies with status history, and the roots' per-cluster status).
/// </summary>
public sealed class Propagation(FakeApiServer server)
{
    public const string Group = "policy.open-cluster-management.io";

    public static string Running(string vms, string ns) =>
        $"Compliant; notification - virtualmachineinstances [{vms}] found as specified in namespace {ns}";

    public static string NotRunning(string vms, string ns) =>
        $"NonCompliant; violation - virtualmachineinstances [{vms}] not found in namespace {ns}";

    public static string AtSite(string vms, string ns) =>
        $"Compliant; notification - virtualmachines [{vms}] found as specified in namespace {ns}";

    public static string PendingOn(string set) =>
        $"Pending; Dependencies were not satisfied: 1 is still pending (PolicySet {set})";

    /// <summary>Every root policy <c>generate</c> wrote under <paramref name="dir"/>/policies/base.</summary>
    public void LoadRoots(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "policies", "base"), "*.yaml", SearchOption.AllDirectories))
        {
            foreach (var document in YamlJson.ParseDocuments(File.ReadAllText(file)))
            {
                if (document is JsonObject { } policy && policy["kind"]?.GetValue<string>() == "Policy")
                {
                    server.Store.Put(policy);
                }
            }
        }
    }

    /// <summary>The newest flip in the switch's audit trail, as <c>acmdr flip</c> wrote it.</summary>
    public DateTimeOffset FlipAt()
    {
        var map = server.Store.Get(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites")!;
        var trail = map["metadata"]!["annotations"]![FlipHistory.Annotation]!.GetValue<string>();
        return FlipHistory.Read(trail).Entries[0].At;
    }

    /// <summary>Writes the replicated policy <c>acmdr.ROOT</c> in the cluster's namespace and the root's status for it.</summary>
    public void Report(string root, string cluster, string compliant,
        IEnumerable<(DateTimeOffset At, string Message)> site, IEnumerable<(DateTimeOffset At, string Message)> running)
    {
        var rootPolicy = server.Store.Get(Group, "v1", "policies", "acmdr", root)!;
        var labels = (JsonObject)rootPolicy["metadata"]!["labels"]!.DeepClone();
        labels[$"{Group}/root-policy"] = "acmdr." + root;
        labels[$"{Group}/cluster-name"] = cluster;
        labels[$"{Group}/cluster-namespace"] = cluster;
        server.Store.Put(new JsonObject
        {
            ["apiVersion"] = Group + "/v1",
            ["kind"] = "Policy",
            ["metadata"] = new JsonObject { ["name"] = "acmdr." + root, ["namespace"] = cluster, ["labels"] = labels },
            ["spec"] = rootPolicy["spec"]!.DeepClone(),
            ["status"] = new JsonObject
            {
                ["compliant"] = compliant,
                ["details"] = new JsonArray(Detail(root + "-site", site), Detail(root + "-running", running)),
            },
        });
        server.Store.Update(Group, "v1", "policies", "acmdr", root, policy => policy["status"] = new JsonObject
        {
            ["compliant"] = compliant,
            ["status"] = new JsonArray(new JsonObject { ["clustername"] = cluster, ["clusternamespace"] = cluster, ["compliant"] = compliant }),
        });
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static JsonObject Detail(string template, IEnumerable<(DateTimeOffset At, string Message)> history)
    {
        var entries = history.OrderByDescending(h => h.At).ToList();
        return new JsonObject
        {
            ["compliant"] = entries.Count == 0 ? null : entries[0].Message.Split(';')[0],
            ["history"] = new JsonArray(entries.Select(h => (JsonNode)new JsonObject
            {
                ["eventName"] = $"acmdr.{template}.{h.At.ToUnixTimeMilliseconds():x}",
                ["lastTimestamp"] = Time(h.At),
                ["message"] = h.Message,
            }).ToArray()),
            ["templateMeta"] = new JsonObject { ["name"] = template },
        };
    }
}
