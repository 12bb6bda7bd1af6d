using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.Cli.Tests.Report;
using AcmDr.FakeKube;
using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// A hub and one managed cluster ("stretch-1", two Ready nodes per site) on fake API servers, the policies
/// <c>acmdr generate</c> wrote for an inventory, every VM running at Primary, the simulated KubeVirt and
/// the test's <see cref="PolicyController"/> between them, all on one injected <see cref="Clock"/>.
/// </summary>
public sealed class PolicyCluster : IAsyncDisposable
{
    public const string Cluster = "stretch-1";

    /// <summary>How long the clock moves between two evaluations of the policies.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly List<(string Ns, string Name)> vms;

    private PolicyCluster(TempDir dir, FakeApiServer hub, FakeApiServer managed, List<(string Ns, string Name)> vms)
    {
        Dir = dir;
        Hub = hub;
        Managed = managed;
        this.vms = vms;
        KubeVirt = new SimulatedKubeVirt(managed, Clock, TimeSpan.FromMinutes(1));
        Controller = new PolicyController(GeneratedPolicies.Load(dir.Path, Cluster), hub.Store, managed.Store, Clock);
        var acm = new Propagation(hub);
        acm.LoadRoots(dir.Path);
        Status = new PolicyStatusWriter(Controller, acm, Cluster, Clock);
    }

    public TempDir Dir { get; }

    public FakeApiServer Hub { get; }

    public FakeApiServer Managed { get; }

    public WaitDrivenClock Clock { get; } = new();

    public SimulatedKubeVirt KubeVirt { get; }

    public PolicyController Controller { get; }

    /// <summary>Writes what the controller found into the hub's replicated policies, for report and wait.</summary>
    public PolicyStatusWriter Status { get; }

    public IReadOnlyList<(string Ns, string Name)> Vms => vms;

    /// <summary>Generates the policies for <paramref name="inventory"/> (with <paramref name="generateArgs"/>), loads the switch on the hub and starts every VM at Primary.</summary>
    public static async Task<PolicyCluster> StartAsync(string inventory, params string[] generateArgs)
    {
        var dir = new TempDir();
        dir.File("inventory/apps.csv", inventory);
        var generated = await Run(dir.Path, TimeProvider.System, ["generate", .. generateArgs]);
        if (generated.ExitCode != 0)
        {
            throw new InvalidOperationException(generated.ToString());
        }

        var hub = await FakeApiServer.StartAsync();
        hub.WriteKubeconfig(dir.File("hub.kubeconfig"), context: "hub", user: "alice");
        hub.Store.Put(FakeHub.SwitchFrom(File.ReadAllText(dir.File("policies/base/acmdr-sites.yaml"))));
        var managed = await FakeApiServer.StartAsync();
        managed.WriteKubeconfig(dir.File("managed.kubeconfig"), Cluster);
        foreach (var (node, site) in new[] { ("p-1", "Primary"), ("p-2", "Primary"), ("d-1", "DR"), ("d-2", "DR") })
        {
            managed.Store.Put(ClusterObjects.Node(node, site));
        }

        var vms = inventory.Split('\n').Skip(1).Where(l => l.Contains(',', StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .Select(f => (Ns: f[2], Name: f[3]))
            .ToList();
        foreach (var ((ns, name), i) in vms.Select((v, i) => (v, i)))
        {
            var vm = ClusterObjects.Vm(ns, name, "Primary");
            managed.Store.Put(vm);
            managed.Store.Put(ClusterObjects.Instance(ns, name, i % 2 == 0 ? "p-1" : "p-2", nodeSelector: (JsonObject)vm["spec"]!["template"]!["spec"]!["nodeSelector"]!));
        }

        return new PolicyCluster(dir, hub, managed, vms);
    }

    /// <summary>
    /// acmdr against the hub, in-process, at the time of <see cref="Clock"/>, which stands still meanwhile:
    /// a hub command does not wait on the cluster, and its request timeouts must not move the cluster's time.
    /// </summary>
    public Task<CliResult> HubAsync(params string[] args) =>
        Run(Dir.Path, new FakeTimeProvider(Clock.GetUtcNow()), [.. args, "--kubeconfig", Dir.File("hub.kubeconfig")]);

    /// <summary>
    /// acmdr against the hub while the cluster's time goes on: it reads <see cref="Clock"/>'s time (so a second
    /// flip is later than the statuses of the first), and its timers run on the machine's clock (so the
    /// simulation's 30-second ticks fire no request timeout).
    /// </summary>
    public Task<CliResult> HubWhileTickingAsync(params string[] args) =>
        Run(Dir.Path, new ReadingClock(Clock), [.. args, "--kubeconfig", Dir.File("hub.kubeconfig")]);

    /// <summary>acmdr against the managed cluster, in-process, its waits on <see cref="Clock"/>.</summary>
    public Task<CliResult> ManagedAsync(params string[] args) => Run(Dir.Path, Clock, [.. args, "--kubeconfig", Dir.File("managed.kubeconfig")]);

    /// <summary>One evaluation of the policies (reported on the hub), then <see cref="Interval"/> of KubeVirt.</summary>
    public void Tick()
    {
        Controller.Step();
        Status.Write();
        Clock.Advance(Interval);
        KubeVirt.Step();
    }

    /// <summary>Ticks until <paramref name="done"/> holds or <paramref name="budget"/> ticks ran; how many ran.</summary>
    public int TickUntil(Func<bool> done, int budget)
    {
        var ticks = 0;
        while (!done() && ticks < budget)
        {
            Tick();
            ticks++;
        }

        return ticks;
    }

    public JsonObject? Instance(string ns, string name) => Managed.Store.Get("kubevirt.io", "v1", "virtualmachineinstances", ns, name);

    public JsonObject? Vm(string ns, string name) => Managed.Store.Get("kubevirt.io", "v1", "virtualmachines", ns, name);

    /// <summary>The site of the node the VM's instance runs on.</summary>
    public string? SiteOf(string ns, string name)
    {
        var node = Instance(ns, name)?["status"]?["nodeName"]?.GetValue<string>();
        return node is null ? null : Managed.Store.Get("", "v1", "nodes", null, node)?["metadata"]?["labels"]?[ClusterObjects.SiteLabel]?.GetValue<string>();
    }

    public string? SelectorOf(string ns, string name) =>
        Vm(ns, name)?["spec"]?["template"]?["spec"]?["nodeSelector"]?[ClusterObjects.SiteLabel]?.GetValue<string>();

    public bool AllAt(string site, IEnumerable<(string Ns, string Name)>? which = null) => (which ?? vms).All(v => SiteOf(v.Ns, v.Name) == site);

    public IReadOnlyList<JsonObject> Migrations() => Managed.Store.List("kubevirt.io", "v1", "virtualmachineinstancemigrations");

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Managed.DisposeAsync();
        Dir.Dispose();
    }

    private static async Task<CliResult> Run(string dir, TimeProvider clock, string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = await CliApp.RunAsync(args, new CliIo(output, error, dir, clock));
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>The time of another clock; timers on the machine's clock (TimeProvider's own).</summary>
internal sealed class ReadingClock(TimeProvider time) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
