using System.Globalization;
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
            var apps = new Dictionary<string, (int Tier, int Vms)>(StringComparer.Ordinal);
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
                apps[name] = (tier, apps.GetValueOrDefault(name).Vms + vms);
            }

            return ((IReadOnlyList<SwitchedApp>)apps.Select(a => new SwitchedApp(a.Key, a.Value.Tier, a.Value.Vms)).ToList(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"no inventory given and acmdr's policies on the hub could not be listed: {KubeErrors.ToUserError(ex, "policies", hub.Server).Message}");
        }
    }

    public static IReadOnlyList<SwitchedApp> FromPlan(DrPlan plan) =>
        plan.Apps.Select(a => new SwitchedApp(a.Name, a.Tier, a.VmCount)).ToList();

    /// <summary>The same from an inventory already read as workloads (one per VM).</summary>
    public static IReadOnlyList<SwitchedApp> FromWorkloads(IEnumerable<Workload> workloads) =>
        workloads.GroupBy(w => w.App, StringComparer.Ordinal).Select(g => new SwitchedApp(g.Key, g.First().Tier, g.Count())).ToList();
}
