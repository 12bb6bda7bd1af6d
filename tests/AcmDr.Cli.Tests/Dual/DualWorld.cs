using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.Cli.Tests.Relocation;
using AcmDr.Cli.Tests.Report;
using AcmDr.Cli.Tests.Support;
using AcmDr.FakeKube;
using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// A mixed estate on fake API servers, all on one injected <see cref="Clock"/>: the hub, where the policies
/// <c>acmdr generate</c> wrote for the dual apps run on the hub itself (<see cref="HubCluster"/>) and the simulated
/// Ramen moves their DRPCs, and the stretched cluster <see cref="Stretched"/> (two Ready nodes per site, its VMs running
/// at Primary) with its own policies and the simulated KubeVirt, as in the relocation tests. Each <see cref="Tick"/> is
/// one evaluation of every placed policy on both, reported on the hub, then <see cref="Interval"/> of Ramen and KubeVirt.
/// </summary>
public sealed class DualWorld : IAsyncDisposable
{
    public const string HubCluster = "local-cluster";
    public const string Stretched = "stretch-1";
    public const string Namespace = "openshift-gitops";
    public const string Header = Inventories.Header + ",peer";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>acmdr.yaml: the east-west DRPolicy, everything else the defaults.</summary>
    public const string Settings = "dual:\n  drPolicies:\n    - name: east-west-5m\n      clusters: [east, west]\n";

    private DualWorld(TempDir dir, FakeApiServer hub, FakeApiServer managed, IReadOnlyList<(string Ns, string Name)> stretchedVms)
    {
        Dir = dir;
        Hub = hub;
        Managed = managed;
        StretchedVms = stretchedVms;
        Ramen = new SimulatedRamen(hub, Clock) { StepDuration = Interval };
        KubeVirt = new SimulatedKubeVirt(managed, Clock, TimeSpan.FromMinutes(1));
        HubPolicies = PolicyController.OnHub(dir.Path, HubCluster, hub.Store, Clock);
        StretchedPolicies = new PolicyController(GeneratedPolicies.Load(dir.Path, Stretched), hub.Store, managed.Store, Clock);
        var acm = new Propagation(hub);
        acm.LoadRoots(dir.Path);
        HubStatus = new DualStatusWriter(HubPolicies, hub, HubCluster, Clock);
        StretchedStatus = new PolicyStatusWriter(StretchedPolicies, acm, Stretched, Clock);
    }

    public TempDir Dir { get; }

    public FakeApiServer Hub { get; }

    public FakeApiServer Managed { get; }

    public WaitDrivenClock Clock { get; } = new();

    public SimulatedRamen Ramen { get; }

    public SimulatedKubeVirt KubeVirt { get; }

    /// <summary>The policies placed on the hub's own cluster: the dual apps'.</summary>
    public PolicyController HubPolicies { get; }

    /// <summary>The policies placed on the stretched cluster.</summary>
    public PolicyController StretchedPolicies { get; }

    public DualStatusWriter HubStatus { get; }

    public PolicyStatusWriter StretchedStatus { get; }

    public IReadOnlyList<(string Ns, string Name)> StretchedVms { get; }

    /// <summary>
    /// Generates for <paramref name="inventory"/> (with <see cref="Settings"/> or <paramref name="settings"/>), loads the
    /// switch, the dual apps' Placements and their cluster set binding on the hub, and starts every stretched VM at Primary.
    /// </summary>
    public static async Task<DualWorld> StartAsync(string inventory, string settings = Settings, params string[] generateArgs)
    {
        var dir = new TempDir();
        dir.File("inventory/apps.csv", inventory);
        dir.File("inventory/acmdr.yaml", settings);
        var generated = await Run(dir.Path, TimeProvider.System, ["generate", .. generateArgs]);
        if (generated.ExitCode != 0)
        {
            throw new InvalidOperationException(generated.ToString());
        }

        var hub = await FakeApiServer.StartAsync();
        hub.WriteKubeconfig(dir.File("hub.kubeconfig"), context: "hub", user: "alice");
        hub.Store.Put(FakeHub.SwitchFrom(File.ReadAllText(dir.File("policies/base/acmdr-sites.yaml"))));
        var placements = Path.Combine(dir.Path, "placements", "dual");
        foreach (var file in Directory.Exists(placements) ? Directory.EnumerateFiles(placements, "*.yaml") : [])
        {
            foreach (var document in YamlJson.ParseDocuments(File.ReadAllText(file)).OfType<JsonObject>()
                .Where(d => d["kind"]?.GetValue<string>() is "Placement" or "ManagedClusterSetBinding"))
            {
                hub.Store.Put(document);
            }
        }

        var managed = await FakeApiServer.StartAsync();
        managed.WriteKubeconfig(dir.File("managed.kubeconfig"), Stretched);
        foreach (var (node, site) in new[] { ("p-1", "Primary"), ("p-2", "Primary"), ("d-1", "DR"), ("d-2", "DR") })
        {
            managed.Store.Put(ClusterObjects.Node(node, site));
        }

        var vms = inventory.Split('\n').Skip(1).Select(l => l.Split(','))
            .Where(f => f.Length >= 5 && f[4] == Stretched && (f.Length < 8 || f[7].Length == 0))
            .Select(f => (Ns: f[2], Name: f[3]))
            .ToList();
        foreach (var ((ns, name), i) in vms.Select((v, i) => (v, i)))
        {
            var vm = ClusterObjects.Vm(ns, name, "Primary");
            managed.Store.Put(vm);
            managed.Store.Put(ClusterObjects.Instance(ns, name, i % 2 == 0 ? "p-1" : "p-2", nodeSelector: (JsonObject)vm["spec"]!["template"]!["spec"]!["nodeSelector"]!));
        }

        return new DualWorld(dir, hub, managed, vms);
    }

    /// <summary>acmdr against the hub, in-process, at the time of <see cref="Clock"/>, which stands still meanwhile.</summary>
    public Task<CliResult> HubAsync(params string[] args) =>
        Run(Dir.Path, new FakeTimeProvider(Clock.GetUtcNow()), [.. args, "--kubeconfig", Dir.File("hub.kubeconfig")]);

    /// <summary>acmdr against the hub while the estate's time goes on (its timers on the machine's clock).</summary>
    public Task<CliResult> HubWhileTickingAsync(params string[] args) =>
        Run(Dir.Path, new ReadingClock(Clock), [.. args, "--kubeconfig", Dir.File("hub.kubeconfig")]);

    /// <summary>One evaluation of the policies on both clusters (reported on the hub), then <see cref="Interval"/> of Ramen and KubeVirt.</summary>
    public void Tick()
    {
        HubPolicies.Step();
        StretchedPolicies.Step();
        HubStatus.Write();
        StretchedStatus.Write();
        Clock.Advance(Interval);
        KubeVirt.Step();
        Ramen.Step();
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

    public JsonObject? Drpc(string app) => Hub.Store.Get(SimulatedRamen.Group, SimulatedRamen.Version, SimulatedRamen.Plural, Namespace, "dr-" + app);

    /// <summary>The cluster the app's Placement decided (where its deployer runs it), null while it has none.</summary>
    public string? DecidedCluster(string app) =>
        Hub.Store.Get("cluster.open-cluster-management.io", "v1beta1", "placementdecisions", Namespace, $"dr-{app}-decision-1")?["status"]?["decisions"]?
            .AsArray().Select(d => d!["clusterName"]!.GetValue<string>()).SingleOrDefault();

    public string? Status(string app, string field) => Drpc(app)?["status"]?[field]?.GetValue<string>();

    /// <summary>The site of the node the stretched VM's instance runs on.</summary>
    public string? SiteOf(string ns, string name)
    {
        var node = Managed.Store.Get("kubevirt.io", "v1", "virtualmachineinstances", ns, name)?["status"]?["nodeName"]?.GetValue<string>();
        return node is null ? null : Managed.Store.Get("", "v1", "nodes", null, node)?["metadata"]?["labels"]?[ClusterObjects.SiteLabel]?.GetValue<string>();
    }

    public bool StretchedAllAt(string site) => StretchedVms.All(v => SiteOf(v.Ns, v.Name) == site);

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
