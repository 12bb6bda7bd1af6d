using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Report;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Rehearsal;

/// <summary>
/// Ramen and the dual apps' <c>-drpc</c> templates on the fake hub, following the switch: before each request, one step
/// per request, a dual app whose site changed gets its DRPC sent to the cluster of that site (Relocate, as a planned
/// switch says), then Ramen finishes it there; a later dual tier only once the previous one finished. As Ramen writes
/// it: <c>status.preferredDecision</c> stays at the first deployment's cluster, and each status write stamps the
/// conditions with the generation seen. Each step also changes the app's policy, as its <c>-recovered</c> template's
/// compliance would, so a wait hears it. <see cref="Stalled"/> apps never finish.
/// </summary>
public sealed class FollowingRamen
{
    public const string Ramen = "ramendr.openshift.io";
    public const string Namespace = "openshift-gitops";

    private readonly FakeApiServer server;
    private readonly IReadOnlyList<(string App, int Tier, string Home, string Peer)> apps;

    public FollowingRamen(FakeApiServer server, params (string App, int Tier, string Home, string Peer)[] apps)
    {
        this.server = server;
        this.apps = apps;
        server.RegisterResource(Ramen, "v1alpha1", "DRPlacementControl", "drplacementcontrols", true, "drpc");
        foreach (var (app, tier, home, _) in apps)
        {
            server.Store.Put(Deployed(app, tier, home));
        }

        server.Faults.Add(FaultRule.Before(null, "", _ => Step(), times: null));
    }

    /// <summary>Apps whose DRPC, once sent elsewhere, stays Relocating.</summary>
    public HashSet<string> Stalled { get; } = [];

    public JsonObject Drpc(string app) => server.Store.Get(Ramen, "v1alpha1", "drplacementcontrols", Namespace, "dr-" + app)!;

    /// <summary>Changes the status of <paramref name="app"/>'s DRPC as Ramen would write it.</summary>
    public void SetStatus(string app, string phase, string progression, bool available) =>
        server.Store.Update(Ramen, "v1alpha1", "drplacementcontrols", Namespace, "dr-" + app, drpc => Status(drpc, phase, progression, available));

    private bool Step()
    {
        var data = server.Store.Get(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites")?["data"]?.AsObject();
        if (data is null)
        {
            return false;
        }

        string? Value(string key) => data[key]?.GetValue<string>() is { Length: > 0 } v ? v : null;
        string TargetOf((string App, int Tier, string Home, string Peer) a) =>
            (Value($"app-{a.App}") ?? Value($"tier-{a.Tier}") ?? Value("site")) == "Primary" ? a.Home : a.Peer;
        bool Finished((string App, int Tier, string Home, string Peer) a) =>
            Drpc(a.App) is var d && d["spec"]!["preferredCluster"]!.GetValue<string>() == TargetOf(a) && d["status"]!["phase"]!.GetValue<string>() == "Relocated";

        foreach (var a in apps.OrderBy(a => a.Tier))
        {
            var drpc = Drpc(a.App);
            var target = TargetOf(a);
            if (apps.Any(p => p.Tier < a.Tier && !Finished(p)))
            {
                return false;
            }

            if (drpc["spec"]!["preferredCluster"]!.GetValue<string>() != target)
            {
                // The -drpc template's write (a new generation), then Ramen starting the Relocate.
                Update(a.App, d =>
                {
                    d["metadata"]!["annotations"]!["acmdr.io/target-cluster"] = target;
                    d["spec"]!["action"] = "Relocate";
                    d["spec"]!["preferredCluster"] = target;
                });
                SetStatus(a.App, "Relocating", "RunningFinalSync", available: false);
                Touch(a.App, "NonCompliant");
                return true;
            }

            if (drpc["status"]!["phase"]!.GetValue<string>() != "Relocated" && !Stalled.Contains(a.App) && drpc["spec"]!["action"] is not null)
            {
                SetStatus(a.App, "Relocated", "Completed", available: true);
                Touch(a.App, "Compliant");
                return true;
            }
        }

        return false;
    }

    private void Update(string app, Action<JsonObject> change) =>
        server.Store.Update(Ramen, "v1alpha1", "drplacementcontrols", Namespace, "dr-" + app, change);

    private void Touch(string app, string compliant) =>
        server.Store.Update(Propagation.Group, "v1", "policies", "acmdr", "dr-" + app, p => p["status"] = new JsonObject { ["compliant"] = compliant });

    private static void Status(JsonObject drpc, string phase, string progression, bool available)
    {
        var seen = long.Parse(drpc["metadata"]!["generation"]!.ToString(), CultureInfo.InvariantCulture);
        var now = Propagation.Time(DateTimeOffset.UtcNow);
        var status = drpc["status"]!.AsObject();
        status["phase"] = phase;
        status["progression"] = progression;
        if (phase == "Relocating")
        {
            status["actionStartTime"] = now;
        }
        else if (status["actionStartTime"] is not null)
        {
            status["actionDuration"] = "1s";
        }
        status["conditions"] = new JsonArray(
            new JsonObject { ["type"] = "Available", ["status"] = available ? "True" : "False", ["reason"] = phase, ["observedGeneration"] = seen, ["lastTransitionTime"] = now },
            new JsonObject { ["type"] = "PeerReady", ["status"] = "True", ["reason"] = "Success", ["observedGeneration"] = seen, ["lastTransitionTime"] = now });
    }

    /// <summary>The DRPC after the initial deployment at <paramref name="home"/>: generation 1, no action.</summary>
    private static JsonObject Deployed(string app, int tier, string home)
    {
        var drpc = new JsonObject
        {
            ["apiVersion"] = Ramen + "/v1alpha1",
            ["kind"] = "DRPlacementControl",
            ["metadata"] = new JsonObject
            {
                ["name"] = "dr-" + app,
                ["namespace"] = Namespace,
                ["generation"] = 1,
                ["labels"] = new JsonObject
                {
                    ["app.kubernetes.io/managed-by"] = "acmdr",
                    ["acmdr.io/app"] = app,
                    ["acmdr.io/tier"] = tier.ToString(CultureInfo.InvariantCulture),
                },
                ["annotations"] = new JsonObject { ["acmdr.io/target-cluster"] = home },
            },
            ["spec"] = new JsonObject
            {
                ["drPolicyRef"] = new JsonObject { ["name"] = "east-west-5m" },
                ["placementRef"] = new JsonObject { ["kind"] = "Placement", ["name"] = "dr-" + app, ["namespace"] = Namespace },
                ["preferredCluster"] = home,
            },
            ["status"] = new JsonObject { ["preferredDecision"] = new JsonObject { ["clusterName"] = home, ["clusterNamespace"] = home } },
        };
        Status(drpc, "Deployed", "Completed", available: true);
        return drpc;
    }
}
