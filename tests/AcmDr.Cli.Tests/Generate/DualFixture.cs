using System.Text;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using AcmDr.Cli.Yaml;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>
/// A mixed inventory (stretched apps on c1, dual apps between east and west) with dual settings built in code, its
/// policies as generate writes them (YAML, read back as JSON), and DRPlacementControls as Ramen leaves them.
/// </summary>
internal static class DualFixture
{
    public const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n";

    public const string Mixed =
        "web,1,web,web-0,c1,,,\n"
        + "db,1,erp,db-0,east,,,west\n"
        + "files,1,files,fs-0,west,,,east\n"
        + "erp,2,erp,erp-0,east,15,,west\n"
        + "erp,2,erp,erp-1,east,15,,west\n"
        + "api,2,web,api-0,c1,,web,\n"
        + "report,3,erp,rep-0,east,,erp,west\n";

    public const string Ns = "openshift-gitops";

    public static DrSettings Settings { get; } = DrSettings.Default with
    {
        DualOrNull = new DualSettings(Ns, "local-cluster", [new DrPolicyPair("east-west-5m", "east", "west")], "appname",
            [new DualAppOverride("erp", [new("appname", "erp-db")])]),
    };

    public static DrPlan Plan(string rows = Mixed, DrSettings? settings = null) =>
        PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Header + rows), settings ?? Settings), settings ?? Settings);

    /// <summary>The Policy of <paramref name="name"/> as generate writes it, read back from its YAML.</summary>
    public static JsonNode Policy(DrPlan plan, string name)
    {
        var policy = plan.Policies.Single(p => p.Name == name);
        var yaml = ManifestYamlWriter.Write([PolicyManifest.Build(plan.Settings, policy, new StringBuilder(), new MoveGates(plan).Of(policy))]);
        return YamlJson.ParseDocuments(yaml)[0];
    }

    /// <summary>
    /// A DRPC as its -drpc template and Ramen leave it: labelled, stamped with <paramref name="stamp"/> and
    /// <paramref name="target"/>, running the app at <paramref name="at"/> (<c>spec.failoverCluster</c> in phase
    /// FailedOver, else <c>spec.preferredCluster</c>, unless given). As Ramen writes it: <c>status.preferredDecision</c>
    /// stays at <paramref name="decided"/>, the cluster of the first deployment (updatePreferredDecision writes it only
    /// when empty); every condition carries <paramref name="conditionGeneration"/> (default: the generation, as Ramen
    /// stamps them on each status write); <c>status.observedGeneration</c> is <paramref name="observedGeneration"/>
    /// (Ramen moves it only on a phase change), which the finished check must not read.
    /// </summary>
    public static JsonObject Drpc(
        string app,
        int tier,
        string? target,
        string? stamp = "7",
        string? at = null,
        string phase = "Relocated",
        string progression = "Completed",
        bool available = true,
        string? action = null,
        string? preferred = null,
        string? failover = null,
        int generation = 2,
        int? conditionGeneration = null,
        int? observedGeneration = 1,
        string decided = "east")
    {
        if (at is not null && phase == "FailedOver")
        {
            failover ??= at;
            action ??= "Failover";
        }
        else if (at is not null)
        {
            preferred ??= at;
        }

        var seen = conditionGeneration ?? generation;
        var annotations = new JsonObject();
        if (target is not null)
        {
            annotations["acmdr.io/target-cluster"] = target;
        }

        if (stamp is not null)
        {
            annotations["acmdr.io/switch-version"] = stamp;
        }

        var spec = new JsonObject
        {
            ["drPolicyRef"] = new JsonObject { ["name"] = "east-west-5m" },
            ["placementRef"] = new JsonObject { ["kind"] = "Placement", ["name"] = $"dr-{app}", ["namespace"] = Ns },
            ["pvcSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["appname"] = app } },
        };
        if (action is not null)
        {
            spec["action"] = action;
        }

        if (preferred is not null)
        {
            spec["preferredCluster"] = preferred;
        }

        if (failover is not null)
        {
            spec["failoverCluster"] = failover;
        }

        var status = new JsonObject
        {
            ["phase"] = phase,
            ["progression"] = progression,
            ["preferredDecision"] = new JsonObject { ["clusterName"] = decided, ["clusterNamespace"] = decided },
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Available", ["status"] = available ? "True" : "False", ["reason"] = phase, ["observedGeneration"] = seen },
                new JsonObject { ["type"] = "PeerReady", ["status"] = "True", ["reason"] = "Success", ["observedGeneration"] = seen }),
        };
        if (observedGeneration is { } observed)
        {
            status["observedGeneration"] = observed;
        }

        return new JsonObject
        {
            ["apiVersion"] = "ramendr.openshift.io/v1alpha1",
            ["kind"] = "DRPlacementControl",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"dr-{app}",
                ["namespace"] = Ns,
                ["generation"] = generation,
                ["labels"] = new JsonObject
                {
                    ["app.kubernetes.io/managed-by"] = "acmdr",
                    ["acmdr.io/app"] = app,
                    ["acmdr.io/tier"] = tier.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                ["annotations"] = annotations,
            },
            ["spec"] = spec,
            ["status"] = status,
        };
    }
}
