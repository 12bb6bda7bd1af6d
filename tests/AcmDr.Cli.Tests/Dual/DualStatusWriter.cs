using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Relocation;
using AcmDr.Cli.Tests.Report;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// The status half of ACM for the hub-local policies: after each step of the hub's <see cref="PolicyController"/> it
/// writes each placed policy's replicated policy (<c>acmdr.ROOT</c> in the hub cluster's namespace) with a detail per
/// template (a history entry whenever its message changes, worded as the config-policy controller words it) and the
/// root's status for that cluster.
/// </summary>
public sealed class DualStatusWriter(PolicyController controller, FakeApiServer hub, string cluster, TimeProvider clock)
{
    private readonly TemplateHistories histories = new(controller);

    public void Write()
    {
        var now = clock.GetUtcNow();
        foreach (var (policy, compliance) in controller.Compliance)
        {
            var root = hub.Store.Get(Propagation.Group, "v1", "policies", "acmdr", policy);
            if (root is null)
            {
                continue;
            }

            var details = new JsonArray();
            foreach (var template in root["spec"]!["policy-templates"]!.AsArray().Select(t => t!["objectDefinition"]!["metadata"]!["name"]!.GetValue<string>()))
            {
                details.Add(Detail(template, histories.Record(policy, template, compliance, now)));
            }

            var labels = (JsonObject)root["metadata"]!["labels"]!.DeepClone();
            labels[$"{Propagation.Group}/root-policy"] = "acmdr." + policy;
            labels[$"{Propagation.Group}/cluster-name"] = cluster;
            labels[$"{Propagation.Group}/cluster-namespace"] = cluster;
            hub.Store.Put(new JsonObject
            {
                ["apiVersion"] = Propagation.Group + "/v1",
                ["kind"] = "Policy",
                ["metadata"] = new JsonObject { ["name"] = "acmdr." + policy, ["namespace"] = cluster, ["labels"] = labels },
                ["spec"] = root["spec"]!.DeepClone(),
                ["status"] = new JsonObject { ["compliant"] = compliance, ["details"] = details },
            });
            hub.Store.Update(Propagation.Group, "v1", "policies", "acmdr", policy, p => p["status"] = new JsonObject
            {
                ["compliant"] = compliance,
                ["status"] = new JsonArray(new JsonObject { ["clustername"] = cluster, ["clusternamespace"] = cluster, ["compliant"] = compliance }),
            });
        }
    }

    private static JsonObject Detail(string template, IEnumerable<(DateTimeOffset At, string Message)> history)
    {
        var entries = history.OrderByDescending(h => h.At).ToList();
        return new JsonObject
        {
            ["compliant"] = entries.Count == 0 ? null : entries[0].Message.Split(';')[0],
            ["history"] = new JsonArray([.. entries.Select(h => (JsonNode)new JsonObject
            {
                ["eventName"] = $"acmdr.{template}.{h.At.ToUnixTimeMilliseconds():x}",
                ["lastTimestamp"] = Propagation.Time(h.At),
                ["message"] = h.Message,
            })]),
            ["templateMeta"] = new JsonObject { ["name"] = template },
        };
    }
}
