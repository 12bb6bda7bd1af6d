using System.Globalization;
using System.Text.Json;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Flip;

/// <summary>The apps acmdr's policies on the hub describe, for when no inventory is at hand.</summary>
public static class HubApps
{
    public static async Task<(IReadOnlyList<SwitchedApp>? Apps, string? Why)> ListAsync(IHubCluster hub, string ns, CancellationToken cancel)
    {
        try
        {
            var json = await hub.ListPoliciesAsync(ns, cancel);
            var apps = new Dictionary<string, (int Tier, int Vms, bool Dual)>(StringComparer.Ordinal);
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                var meta = item.GetProperty("metadata");
                if (!meta.TryGetProperty("labels", out var labels)
                    || !labels.TryGetProperty(PolicyNames.AppLabel, out var app)
                    || !labels.TryGetProperty(PolicyNames.TierLabel, out var tierText)
                    || !int.TryParse(tierText.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var tier))
                {
                    continue;
                }

                var vms = meta.TryGetProperty("annotations", out var notes) && notes.TryGetProperty(PolicyNames.VmsAnnotation, out var list)
                    ? (list.GetString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Length
                    : 0;
                var name = app.GetString()!;
                var known = apps.GetValueOrDefault(name);
                apps[name] = (tier, known.Vms + vms, known.Dual || IsDual(item, meta));
            }

            // A listed policy says that an app is dual, not its clusters (those are in the inventory).
            return ((IReadOnlyList<SwitchedApp>)apps.Select(a => new SwitchedApp(a.Key, a.Value.Tier, a.Value.Vms, a.Value.Dual ? new DualPair(null, null) : null)).ToList(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"no inventory given and acmdr's policies on the hub could not be listed: {KubeErrors.ToUserError(ex, "policies", hub.Server).Message}");
        }
    }

    public static IReadOnlyList<SwitchedApp> FromPlan(DrPlan plan) =>
        plan.Apps.Select(a => new SwitchedApp(a.Name, a.Tier, a.VmCount, a.Dual is { } dual ? new DualPair(dual.Home, dual.Peer) : null)).ToList();

    /// <summary>A dual app's policy: it holds its DRPlacementControl's template (<see cref="PolicyNames.DrpcTemplate"/>).</summary>
    private static bool IsDual(JsonElement policy, JsonElement meta)
    {
        if (!meta.TryGetProperty("name", out var name) || name.GetString() is not { } policyName
            || !policy.TryGetProperty("spec", out var spec) || !spec.TryGetProperty("policy-templates", out var templates)
            || templates.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var drpc = PolicyNames.DrpcTemplate(policyName);
        return templates.EnumerateArray().Any(t =>
            t.TryGetProperty("objectDefinition", out var definition)
            && definition.TryGetProperty("metadata", out var templateMeta)
            && templateMeta.TryGetProperty("name", out var templateName)
            && templateName.ValueKind == JsonValueKind.String
            && templateName.GetString() == drpc);
    }

    /// <summary>The same from an inventory already read as workloads (one per VM).</summary>
    public static IReadOnlyList<SwitchedApp> FromWorkloads(IEnumerable<Workload> workloads) =>
        workloads.GroupBy(w => w.App, StringComparer.Ordinal).Select(g => new SwitchedApp(g.Key, g.First().Tier, g.Count())).ToList();
}
