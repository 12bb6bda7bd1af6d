using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Doctor;

/// <summary>
/// A fake hub ready for <see cref="DualInventory"/>'s dual-cluster apps: Ramen's kinds served, the dual namespace,
/// the hub's own ManagedCluster, DRPolicy east-west-5m pairing east and west, and erp's DRPC as acmdr generates it.
/// </summary>
public sealed class DualHub : IAsyncDisposable
{
    public const string Ramen = "ramendr.openshift.io";
    public const string Namespace = "openshift-gitops";

    private DualHub(FakeApiServer server, TempDir dir)
    {
        Server = server;
        Dir = dir;
    }

    public FakeApiServer Server { get; }

    public TempDir Dir { get; }

    public string Kubeconfig => Dir.File("kubeconfig");

    public static async Task<DualHub> StartAsync()
    {
        var server = await FakeApiServer.StartAsync();
        var dir = new TempDir();
        server.WriteKubeconfig(dir.File("kubeconfig"), context: "hub", user: "alice");
        dir.File("inventory/apps.csv", DualInventory.Csv);
        dir.File("inventory/acmdr.yaml", DualInventory.SettingsYaml);
        server.RegisterResource(Ramen, "v1alpha1", "DRPolicy", "drpolicies", false);
        server.RegisterResource(Ramen, "v1alpha1", "DRPlacementControl", "drplacementcontrols", true, "drpc");
        server.Store.Put(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = Namespace } });
        server.Store.Put(new JsonObject
        {
            ["apiVersion"] = "cluster.open-cluster-management.io/v1",
            ["kind"] = "ManagedCluster",
            ["metadata"] = new JsonObject { ["name"] = "local-cluster" },
        });
        server.Store.Put(DrPolicy("east-west-5m", "east", "west"));
        server.Store.Put(Drpc("dr-erp", "east-west-5m", "erp-db"));
        return new DualHub(server, dir);
    }

    public static JsonObject DrPolicy(string name, params string[] clusters) => new()
    {
        ["apiVersion"] = Ramen + "/v1alpha1",
        ["kind"] = "DRPolicy",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["drClusters"] = new JsonArray([.. clusters.Select(c => JsonValue.Create(c))]), ["schedulingInterval"] = "5m" },
    };

    public static JsonObject Drpc(string name, string drPolicy, string pvcApp) => new()
    {
        ["apiVersion"] = Ramen + "/v1alpha1",
        ["kind"] = "DRPlacementControl",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["drPolicyRef"] = new JsonObject { ["name"] = drPolicy },
            ["placementRef"] = new JsonObject { ["kind"] = "Placement", ["name"] = name, ["namespace"] = Namespace },
            ["pvcSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["appname"] = pvcApp } },
            ["preferredCluster"] = "east",
        },
    };

    public Task<CliResult> AcmdrAsync(params string[] args) => CliRunner.RunAsync(Dir.Path, [.. args, "--kubeconfig", Kubeconfig]);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
