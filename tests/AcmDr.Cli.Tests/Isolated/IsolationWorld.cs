using System.Reflection;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>
/// A stretched managed cluster "stretch-1" ready for an isolated test recovery, on the fake API server with
/// <see cref="SimulatedIsolation"/> and one <see cref="SimulatedIsolationClock"/> for acmdr and the simulator:
/// nodes p-1, p-2 at Primary and d-1, d-2 at DR (16 cpu, 64Gi allocatable each); StorageClass ocs-rbd, its
/// VolumeSnapshotClass and a StorageProfile (csi-clone); the KubeVirt CR (Deployed, Snapshot gate, l2bridge
/// binding); and for <see cref="Inventory"/> (written to inventory/apps.csv in <see cref="Dir"/>):
/// payments/db-1 and payments/db-2 (app payments-db, tier 1, RTO 15) and shop/web-1 (app shop-web, tier 2, no
/// RTO, also on NAD shop/vlan100 with bridge binding), each running at Primary with its instance (guest agent
/// connected) and virt-launcher pod, a DataVolume-backed root disk (claim VM-root, 30Gi, ocs-rbd, RWX, Block) on
/// a bound PV and a cloud-init disk; db-1 has a second disk from claim db-1-data (100Gi). Every VM has a
/// masquerade interface on the pod network with a MAC, firmware uuid and serial, nodeSelector site Primary, and
/// labels app and acmdr.io/app.
/// </summary>
public sealed partial class IsolationWorld : IAsyncDisposable
{
    public const string Cluster = "stretch-1";
    public const string SiteLabel = "topology.kubernetes.io/site";
    public const string StorageClass = "ocs-rbd";
    public const string Driver = "openshift-storage.rbd.csi.ceph.com";
    public const string SnapshotClass = "ocs-rbd-snapclass";
    public const string KubeVirtNamespace = "openshift-cnv";
    public const string KubeVirtName = "kubevirt-kubevirt-hyperconverged";
    public const string Nad = "vlan100";

    /// <summary>The inventory every world writes unless given another.</summary>
    public const string Inventory = Inventories.Header + "\n"
        + "payments-db,1,payments,db-1,stretch-1,15,\n"
        + "payments-db,1,payments,db-2,stretch-1,15,\n"
        + "shop-web,2,shop,web-1,stretch-1,,payments-db\n";

    /// <summary>The kind of each <see cref="ApiResource"/> (the API names a resource by plural; the store by kind).</summary>
    private static readonly Dictionary<string, (string Kind, string[] ShortNames)> Kinds = new(StringComparer.Ordinal)
    {
        ["namespaces"] = ("Namespace", ["ns"]),
        ["nodes"] = ("Node", ["no"]),
        ["pods"] = ("Pod", ["po"]),
        ["persistentvolumeclaims"] = ("PersistentVolumeClaim", ["pvc"]),
        ["persistentvolumes"] = ("PersistentVolume", ["pv"]),
        ["resourcequotas"] = ("ResourceQuota", ["quota"]),
        ["limitranges"] = ("LimitRange", ["limits"]),
        ["storageclasses"] = ("StorageClass", ["sc"]),
        ["volumesnapshotclasses"] = ("VolumeSnapshotClass", ["vsclass"]),
        ["volumesnapshots"] = ("VolumeSnapshot", ["vs"]),
        ["storageprofiles"] = ("StorageProfile", []),
        ["datavolumes"] = ("DataVolume", ["dv"]),
        ["networkpolicies"] = ("NetworkPolicy", ["netpol"]),
        ["network-attachment-definitions"] = ("NetworkAttachmentDefinition", ["net-attach-def"]),
        ["userdefinednetworks"] = ("UserDefinedNetwork", ["udn"]),
        ["virtualmachines"] = ("VirtualMachine", ["vm", "vms"]),
        ["virtualmachineinstances"] = ("VirtualMachineInstance", ["vmi", "vmis"]),
        ["kubevirts"] = ("KubeVirt", ["kv", "kvs"]),
        ["virtualmachinesnapshots"] = ("VirtualMachineSnapshot", ["vmsnapshot"]),
        ["virtualmachinesnapshotcontents"] = ("VirtualMachineSnapshotContent", ["vmsnapshotcontent"]),
    };

    private long seededVersion;
    private long requestsStarted;

    private IsolationWorld(FakeApiServer server, SimulatedIsolationClock clock, TempDir dir)
    {
        Server = server;
        Clock = clock;
        Dir = dir;
        Sim = new SimulatedIsolation(server, clock);
        server.Faults.Add(FaultRule.Before(null, "", _ =>
        {
            Interlocked.Increment(ref requestsStarted);
            clock.NoteActivity();
        }, times: null));
        clock.InFlight = () => Interlocked.Read(ref requestsStarted) - server.Requests.Total;
    }

    public FakeApiServer Server { get; }

    /// <summary>The time of the commands run here and of the simulator.</summary>
    public SimulatedIsolationClock Clock { get; }

    public SimulatedIsolation Sim { get; }

    public TempDir Dir { get; }

    /// <summary>Every request the server answered, in order (method, path, query, status).</summary>
    public RequestLog Requests => Server.Requests;

    public string Kubeconfig => Dir.File("kubeconfig");

    public string InventoryPath => Dir.File("inventory/apps.csv");

    /// <summary>The production VMs seeded, as "ns/name".</summary>
    public IReadOnlyList<string> ProductionVms { get; private set; } = [];

    /// <summary>
    /// Starts a world. <paramref name="inventory"/>: the CSV to write (default <see cref="Inventory"/>); every row's
    /// VM on cluster stretch-1 is seeded running at Primary (the ones named above as described, others alike with
    /// a root disk only). <paramref name="seedVms"/> false: the cluster without production VMs.
    /// </summary>
    public static async Task<IsolationWorld> StartAsync(string? inventory = null, bool seedVms = true)
    {
        var clock = new SimulatedIsolationClock();
        var server = await FakeApiServer.StartAsync(clock);
        var world = new IsolationWorld(server, clock, new TempDir());
        RegisterTypes(server.Registry);
        server.WriteKubeconfig(world.Kubeconfig, Cluster);
        world.Dir.File("inventory/apps.csv", inventory ?? Inventory);
        world.SeedCluster();
        if (seedVms)
        {
            var vms = new List<string>();
            foreach (var line in (inventory ?? Inventory).Split('\n').Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var cells = line.Split(',');
                if (cells.Length > 4 && cells[4] == Cluster)
                {
                    world.AddProductionVm(cells[2], cells[3], withData: cells[3] == "db-1", nad: cells[3] == "web-1" ? Nad : null, app: cells[0]);
                    vms.Add($"{cells[2]}/{cells[3]}");
                }
            }

            world.ProductionVms = vms;
        }

        world.seededVersion = server.Store.ResourceVersion;
        return world;
    }

    /// <summary>Registers the kind of every resource type acmdr names in <see cref="ApiResource"/>; fails on one it does not know.</summary>
    public static void RegisterTypes(ResourceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var type in AllApiResources())
        {
            var (kind, shortNames) = Kinds.TryGetValue(type.Plural, out var known)
                ? known
                : throw new InvalidOperationException($"IsolationWorld does not know the kind of {type}: add it to Kinds");
            registry.Register(type.Group, type.Version, kind, type.Plural, type.Namespaced, shortNames);
        }
    }

    /// <summary>Every public static <see cref="ApiResource"/> field.</summary>
    public static IReadOnlyList<ApiResource> AllApiResources() =>
        [.. typeof(ApiResource).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ApiResource))
            .Select(f => (ApiResource)f.GetValue(null)!)];

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Runs acmdr in-process in <see cref="Dir"/> with <see cref="Clock"/>, adding --kubeconfig unless given; cancelling is the user's Ctrl+C.</summary>
    public async Task<CliResult> RunAsync(CancellationToken cancel, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, Dir.Path, Clock) { RetryBackoff = TimeSpan.FromMilliseconds(10), Environment = _ => null };
        string[] full = args.Contains("--kubeconfig") ? args : [.. args, "--kubeconfig", Kubeconfig];
        var exit = await CliApp.RunAsync(full, io, cancel);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Waits (real time, polling every 5 ms) until <paramref name="condition"/> holds, e.g. until a run has created its
    /// first DataVolume, to interrupt it there; throws <see cref="TimeoutException"/> after <paramref name="limit"/> (30 s).
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the world never reached the awaited state");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Requests that change something (POST, PUT, PATCH, DELETE), SelfSubjectAccessReviews left out.</summary>
    public IReadOnlyList<RecordedRequest> Writes() =>
        [.. Requests.Entries.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !r.Path.EndsWith("/selfsubjectaccessreviews", StringComparison.Ordinal))];

    /// <summary>
    /// Writes that touch production: into a namespace that is not a bubble, or to a cluster-scoped object other than a
    /// namespace (creating a namespace is not counted here: see <see cref="CreatedNamespaces"/>; deleting one is,
    /// unless it is a bubble). An isolated rehearsal's only ones are its snapshots' POSTs and DELETEs.
    /// </summary>
    public IReadOnlyList<RecordedRequest> ProductionWrites() =>
        [.. Writes().Where(r => !InBubble(r.Path) && !(r.Method == "POST" && r.Path.TrimEnd('/') == "/api/v1/namespaces"))];

    /// <summary>The namespaces created since the world started (by anyone), in order.</summary>
    public IReadOnlyList<string> CreatedNamespaces() =>
        [.. Server.Store.Changes("", "v1", "namespaces").Where(c => c.EventType == "ADDED" && c.ResourceVersion > seededVersion).Select(c => c.Name)];

    /// <summary>Whether the request path names a bubble namespace or something in one.</summary>
    public static bool InBubble(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "namespaces");
        return at >= 0 && at + 1 < segments.Length && segments[at + 1].StartsWith(SimulatedIsolation.BubblePrefix, StringComparison.Ordinal);
    }

    public JsonObject? Get(ApiResource type, string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Server.Store.Get(type.Group, type.Version, type.Plural, type.Namespaced ? ns : null, name);
    }

    public IReadOnlyList<JsonObject> List(ApiResource type, string? ns = null, string? labelSelector = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Server.Store.List(type.Group, type.Version, type.Plural, ns, labelSelector);
    }

    public JsonObject Put(JsonObject obj) => Server.Store.Put(obj);

    public JsonObject Update(ApiResource type, string? ns, string name, Action<JsonObject> mutate)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Server.Store.Update(type.Group, type.Version, type.Plural, ns, name, mutate);
    }

    public bool Delete(ApiResource type, string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Server.Store.Delete(type.Group, type.Version, type.Plural, ns, name);
    }

    public JsonObject? Vm(string ns, string name) => Get(ApiResource.VirtualMachines, ns, name);

    public JsonObject? Instance(string ns, string name) => Get(ApiResource.Instances, ns, name);

    /// <summary>The namespaces whose name starts with acmdr-test-.</summary>
    public IReadOnlyList<string> Bubbles() =>
        [.. List(ApiResource.Namespaces).Select(SimulatedIsolation.Name).Where(n => n.StartsWith(SimulatedIsolation.BubblePrefix, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        Clock.Frozen = true;
        await Server.DisposeAsync();
        Dir.Dispose();
    }

    private void SeedCluster()
    {
        foreach (var (node, site) in new[] { ("p-1", "Primary"), ("p-2", "Primary"), ("d-1", "DR"), ("d-2", "DR") })
        {
            Put(Node(node, site));
        }

        foreach (var ns in new[] { "default", KubeVirtNamespace })
        {
            Put(NamespaceObject(ns));
        }

        Put(StorageClassObject(StorageClass, Driver));
        Put(SnapshotClassObject(SnapshotClass, Driver));
        Put(StorageProfileObject(StorageClass, "csi-clone"));
        Put(KubeVirtObject());
    }
}
