using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;

namespace AcmDr.Bench;

/// <summary>
/// What <c>kubectl get policies -A -o yaml|json</c> shows on a hub running the generated policies:
/// every root policy (in the hub namespace, with its per-cluster status) and every replicated policy
/// (<c>&lt;hub-namespace&gt;.&lt;policy&gt;</c> in the cluster namespace, with the propagator's labels and
/// per-template details and history). One policy in twenty is non-compliant, one in fifty pending.
/// </summary>
internal static class SyntheticPolicyDump
{
    private const string PolicyGroup = "policy.open-cluster-management.io";
    private static readonly DateTimeOffset Start = new(2024, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static JsonObject Build(DrPlan plan)
    {
        var settings = plan.Settings;
        var items = new JsonArray();
        var replicated = new List<JsonObject>();
        for (var i = 0; i < plan.Policies.Count; i++)
        {
            var policy = plan.Policies[i];
            var state = i % 20 == 7 ? "NonCompliant" : i % 50 == 11 ? "Pending" : "Compliant";
            var root = (JsonObject)ManifestJson.From(PolicyManifest.Build(settings, policy));
            var rootMeta = root["metadata"]!.AsObject();
            Stamp(rootMeta, i, 0);
            root["status"] = new JsonObject
            {
                ["compliant"] = state,
                ["placement"] = new JsonArray(new JsonObject
                {
                    ["placement"] = PolicyNames.Placement(policy.Cluster),
                    ["placementBinding"] = PolicyNames.Placement(policy.Cluster),
                }),
                ["status"] = new JsonArray(new JsonObject
                {
                    ["clustername"] = policy.Cluster,
                    ["clusternamespace"] = policy.Cluster,
                    ["compliant"] = state,
                }),
            };
            items.Add(root);

            var copy = root.DeepClone().AsObject();
            var meta = copy["metadata"]!.AsObject();
            var qualified = $"{settings.HubNamespace}.{policy.Name}";
            meta["name"] = qualified;
            meta["namespace"] = policy.Cluster;
            var labels = meta["labels"]!.AsObject();
            labels[$"{PolicyGroup}/cluster-name"] = policy.Cluster;
            labels[$"{PolicyGroup}/cluster-namespace"] = policy.Cluster;
            labels[$"{PolicyGroup}/root-policy"] = qualified;
            Stamp(meta, i, 1);
            copy["status"] = new JsonObject
            {
                ["compliant"] = state,
                ["details"] = new JsonArray(
                    Detail(qualified, PolicyNames.SiteTemplate(policy.Name), "virtualmachines", policy, state == "Pending" ? "Pending" : "Compliant", i),
                    Detail(qualified, PolicyNames.RunningTemplate(policy.Name), "virtualmachineinstances", policy, state, i)),
            };
            replicated.Add(copy);
        }

        // kubectl lists by namespace, then name: the hub namespace first here, then each cluster's.
        foreach (var copy in replicated.OrderBy(c => (string)c["metadata"]!["namespace"]!, StringComparer.Ordinal))
        {
            items.Add(copy);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["items"] = items,
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = string.Empty },
        };
    }

    private static void Stamp(JsonObject metadata, int index, int copy)
    {
        metadata["creationTimestamp"] = Timestamp(index, 0);
        metadata["generation"] = 1;
        metadata["resourceVersion"] = (100_000 + (index * 2) + copy).ToString(CultureInfo.InvariantCulture);
        metadata["uid"] = new Guid(index, (short)copy, 0x4acd, 0x8d, 0x1e, 0x42, 0x17, 0x00, 0xa5, 0x3c, 0x9f).ToString();
    }

    private static JsonObject Detail(string qualified, string template, string resource, PolicyPlan policy, string state, int index)
    {
        var history = new JsonArray();
        // Newest first, as ACM keeps it: the current state, then the state before a site switch.
        var states = state == "Compliant" ? new[] { "Compliant", "NonCompliant", "Compliant" } : new[] { state, "Compliant" };
        for (var h = 0; h < states.Length; h++)
        {
            history.Add(new JsonObject
            {
                ["eventName"] = $"{qualified}.{(0x17a8c1c1d9b2f000L + (index * 16) + h).ToString("x", CultureInfo.InvariantCulture)}",
                ["lastTimestamp"] = Timestamp(index, -h * 10),
                ["message"] = Message(states[h], resource, policy, h),
            });
        }

        return new JsonObject
        {
            ["compliant"] = state,
            ["history"] = history,
            ["templateMeta"] = new JsonObject { ["creationTimestamp"] = null, ["name"] = template },
        };
    }

    private static string Message(string state, string resource, PolicyPlan policy, int age)
    {
        if (state == "Pending")
        {
            return $"Pending; Dependencies were not satisfied: policyset {PolicyNames.TierSet(Math.Max(1, policy.Tier - 1))} is NonCompliant";
        }

        var text = new StringBuilder(state == "Compliant" ? "Compliant; notification - " : "NonCompliant; violation - ");
        var byNamespace = policy.Vms.GroupBy(v => v.Namespace, StringComparer.Ordinal).ToList();
        for (var g = 0; g < byNamespace.Count; g++)
        {
            var names = byNamespace[g].Select(v => v.Name).ToList();
            if (g > 0)
            {
                text.Append("; ");
            }

            if (state == "Compliant")
            {
                text.Append(resource).Append(" [").AppendJoin(", ", names).Append("] found as specified in namespace ").Append(byNamespace[g].Key);
            }
            else
            {
                // The first VM has not reached the site yet; the rest have.
                var behind = names.Take(1 + age).ToList();
                text.Append(resource).Append(" [").AppendJoin(", ", behind).Append("] found but not as specified in namespace ").Append(byNamespace[g].Key);
            }
        }

        return text.ToString();
    }

    private static string Timestamp(int index, int minutes) =>
        Start.AddSeconds(index).AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
