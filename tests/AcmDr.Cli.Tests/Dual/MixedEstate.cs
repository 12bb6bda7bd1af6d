using System.Text.Json;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Relocation;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// The mixed inventory of the end-to-end tests and what they check on it. Dual apps: erp (tier 1, home east, two VMs),
/// crm (tier 2, home east), bi (tier 3, home west, so its DR cluster is east; depends on crm). Stretched apps on
/// stretch-1: dns (tier 1) and web (tier 2, depends on dns).
/// </summary>
internal static class MixedEstate
{
    public const string Inventory = DualWorld.Header + "\n"
        + "dns,1,infra,dns-0,stretch-1,15,,\n"
        + "dns,1,infra,dns-1,stretch-1,15,,\n"
        + "erp,1,erp,erp-db,east,15,,west\n"
        + "erp,1,erp,erp-app,east,15,,west\n"
        + "crm,2,crm,crm-0,east,30,,west\n"
        + "web,2,web,web-0,stretch-1,30,dns,\n"
        + "bi,3,bi,bi-0,west,60,crm,east\n";

    public static readonly string[] DualApps = ["erp", "crm", "bi"];

    public static readonly Dictionary<string, (string Home, string Peer)> Clusters = new()
    {
        ["erp"] = ("east", "west"),
        ["crm"] = ("east", "west"),
        ["bi"] = ("west", "east"),
    };

    public const int Budget = 200;

    /// <summary>Every DRPC deployed at its home, every policy Compliant on both clusters.</summary>
    public static async Task<DualWorld> SettledAsync()
    {
        var world = await DualWorld.StartAsync(Inventory);
        world.TickUntil(() => AllFinished(world, a => Clusters[a].Home, "Deployed") && AllCompliant(world), 40);
        AllFinished(world, a => Clusters[a].Home, "Deployed").Should().BeTrue("every DRPC is deployed at home before the flip: {0}", Describe(world));
        AllCompliant(world).Should().BeTrue("every policy is compliant before the flip: {0}", Describe(world));
        return world;
    }

    public static bool Finished(DualWorld world, string app, string cluster, string phase) =>
        world.Status(app, "phase") == phase && world.Status(app, "progression") == "Completed" && world.DecidedCluster(app) == cluster;

    /// <summary>Ramen runs the app at <paramref name="cluster"/>: the action's phase, Available, progression Completed or
    /// Cleaning Up (only the old cluster is still being cleaned up), the Placement's decision there.</summary>
    public static bool Arrived(DualWorld world, string app, string cluster, string phase) =>
        world.Status(app, "phase") == phase && world.Status(app, "progression") is "Completed" or "Cleaning Up" && world.DecidedCluster(app) == cluster;

    public static bool AllArrived(DualWorld world, Func<string, string> cluster, string phase) =>
        DualApps.All(a => Arrived(world, a, cluster(a), phase));

    public static bool AllFinished(DualWorld world, Func<string, string> cluster, string phase) =>
        DualApps.All(a => Finished(world, a, cluster(a), phase));

    public static bool AllCompliant(DualWorld world) =>
        world.HubPolicies.Compliance.Count == 3 && world.HubPolicies.Compliance.Values.All(c => c == PolicyController.Compliant)
        && world.StretchedPolicies.Compliance.Count == 2 && world.StretchedPolicies.Compliance.Values.All(c => c == PolicyController.Compliant);

    public static string Describe(DualWorld world) =>
        string.Join(", ", world.HubPolicies.Compliance.Concat(world.StretchedPolicies.Compliance).Select(p => $"{p.Key}={p.Value}"))
        + " | " + string.Join(", ", DualApps.Select(a =>
            $"{a}:{world.Drpc(a)?["spec"]?["action"]}/{world.Status(a, "phase")}/{world.Status(a, "progression")}@{world.DecidedCluster(a)}"))
        + " | " + string.Join(", ", world.StretchedVms.Select(v => $"{v.Name}@{world.SiteOf(v.Ns, v.Name)}"))
        + " | " + string.Join("; ", world.Ramen.Events);

    public static async Task FlipAsync(DualWorld world, string site, params string[] more)
    {
        var flip = await world.HubAsync(["flip", "--to", site, "--reason", "dual end to end", .. more]);
        flip.ExitCode.Should().Be(0, flip.ToString());
    }

    /// <summary>Ticks until the flip's end state, checking after every tick that no DRPC of a later tier was changed
    /// (its spec's action or cluster) while an earlier tier's DRPC had not arrived (<see cref="Arrived"/>).</summary>
    public static int TickInTierOrder(DualWorld world, Func<string, string> cluster, string phase, int budget = Budget)
    {
        var tiers = new[] { "erp", "crm", "bi" };
        var ticks = 0;
        while (!(AllFinished(world, cluster, phase) && AllCompliant(world)) && ticks < budget)
        {
            world.Tick();
            ticks++;
            for (var i = 1; i < tiers.Length; i++)
            {
                if (!Arrived(world, tiers[i - 1], cluster(tiers[i - 1]), phase))
                {
                    var later = world.Drpc(tiers[i])!["spec"]!;
                    var aims = later["action"]?.GetValue<string>() == "Failover" ? later["failoverCluster"] : later["preferredCluster"];
                    aims!.GetValue<string>().Should().NotBe(cluster(tiers[i]),
                        "{0} (tier {1}) is sent on only after {2} arrived (tick {3}): {4}", tiers[i], i + 1, tiers[i - 1], ticks, Describe(world));
                }
            }
        }

        return ticks;
    }

    public static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    public static Dictionary<string, string> VmVerdicts(JsonElement report) =>
        report.GetProperty("vms").EnumerateArray().ToDictionary(v => v.GetProperty("vm").GetString()!, v => v.GetProperty("verdict").GetString()!);

    public static Dictionary<string, JsonElement> DualRows(JsonElement report) =>
        report.GetProperty("dualApps").EnumerateArray().ToDictionary(a => a.GetProperty("app").GetString()!, a => a);
}
