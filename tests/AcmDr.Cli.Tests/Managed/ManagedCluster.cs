using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// A fake managed cluster "stretch-1" with two Ready nodes per site, an inventory and a kubeconfig whose
/// context is named after the cluster, in a scratch directory. acmdr and the simulated KubeVirt run on
/// one injected <see cref="Clock"/>.
/// </summary>
public sealed class ManagedCluster : IAsyncDisposable
{
    public const string Cluster = "stretch-1";

    private ManagedCluster(FakeApiServer server, TempDir dir)
    {
        Server = server;
        Dir = dir;
    }

    public FakeApiServer Server { get; }

    public TempDir Dir { get; }

    /// <summary>The time of the commands run here and of <see cref="Simulate"/>'s KubeVirt.</summary>
    public WaitDrivenClock Clock { get; } = new();

    public string Kubeconfig => Dir.File("kubeconfig");

    public static async Task<ManagedCluster> StartAsync(string inventory)
    {
        var server = await FakeApiServer.StartAsync();
        var cluster = new ManagedCluster(server, new TempDir());
        server.WriteKubeconfig(cluster.Kubeconfig, Cluster);
        cluster.Dir.File("inventory/apps.csv", inventory);
        foreach (var (node, site) in new[] { ("p-1", "Primary"), ("p-2", "Primary"), ("d-1", "DR"), ("d-2", "DR") })
        {
            server.Store.Put(ClusterObjects.Node(node, site));
        }

        return cluster;
    }

    /// <summary>A running VM with its instance on <paramref name="node"/> and a nodeSelector for <paramref name="selectorSite"/>.</summary>
    public void AddRunningVm(string ns, string name, string selectorSite, string node, bool liveMigratable = true)
    {
        Server.Store.Put(ClusterObjects.Vm(ns, name, selectorSite));
        Server.Store.Put(ClusterObjects.Instance(ns, name, node, liveMigratable));
    }

    /// <summary>KubeVirt on this cluster, moving and restarting VMs in <paramref name="delay"/> of <see cref="Clock"/>.</summary>
    public SimulatedKubeVirt Simulate(TimeSpan delay) => new(Server, Clock, delay);

    public JsonObject? Vm(string ns, string name) => Server.Store.Get("kubevirt.io", "v1", "virtualmachines", ns, name);

    public JsonObject? Instance(string ns, string name) => Server.Store.Get("kubevirt.io", "v1", "virtualmachineinstances", ns, name);

    public IReadOnlyList<JsonObject> Migrations() => Server.Store.List("kubevirt.io", "v1", "virtualmachineinstancemigrations");

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Runs acmdr against this cluster in-process; cancelling the token is the user's Ctrl+C.</summary>
    public async Task<CliResult> RunAsync(CancellationToken cancel, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, Dir.Path, Clock);
        var exit = await CliApp.RunAsync([.. args, "--kubeconfig", Kubeconfig], io, cancel);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Requests that change something on the server.</summary>
    public IReadOnlyList<RecordedRequest> Writes() =>
        [.. Server.Requests.Entries.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE")];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
