using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Bench;

/// <summary>
/// A stretched managed cluster at a real site's scale, on the fake API server: <see cref="Vms"/> running
/// VMs with their instances (ten VMs per app, five tiers, fifty VMs per namespace), one node per hundred
/// VMs at each site, the inventory that lists them and a kubeconfig whose context is the cluster's name;
/// every answer comes after a set latency, as from a cluster at another site.
/// </summary>
internal sealed class SyntheticCluster : IAsyncDisposable
{
    public const string Cluster = "stretch-1";
    public const string SiteLabel = "topology.kubernetes.io/site";
    private const int VmsPerApp = 10;
    private const int VmsPerNamespace = 50;
    private const int Tiers = 5;

    private readonly List<(string Ns, string Name, string Node)> vms = [];

    private SyntheticCluster(FakeApiServer server, string directory, int count)
    {
        Server = server;
        Directory = directory;
        Vms = count;
    }

    public FakeApiServer Server { get; }

    public string Directory { get; }

    public int Vms { get; }

    public int Namespaces => (Vms + VmsPerNamespace - 1) / VmsPerNamespace;

    public string Inventory => Path.Combine(Directory, "apps.csv");

    public string Kubeconfig => Path.Combine(Directory, "kubeconfig");

    /// <param name="latency">How long the server waits before answering each request (a round trip between sites).</param>
    public static async Task<SyntheticCluster> StartAsync(string directory, int count, TimeSpan latency)
    {
        System.IO.Directory.CreateDirectory(directory);
        var server = await FakeApiServer.StartAsync();
        var cluster = new SyntheticCluster(server, directory, count);
        cluster.Populate();
        if (latency > TimeSpan.Zero)
        {
            server.Faults.Add(FaultRule.Slow(null, ".", latency));
        }

        return cluster;
    }

    /// <summary>Every VM's nodeSelector set to <paramref name="site"/> again (break glass changes it), all running at Primary.</summary>
    public void Reset(string site)
    {
        foreach (var (ns, name, _) in vms)
        {
            Server.Store.Put(Vm(ns, name, site));
        }
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private void Populate()
    {
        var nodes = Math.Max(2, Vms / 100);
        foreach (var site in (string[])["Primary", "DR"])
        {
            for (var n = 0; n < nodes; n++)
            {
                Server.Store.Put(Node(NodeName(site, n), site));
            }
        }

        var csv = new StringBuilder(Vms * 48);
        csv.Append("app,tier,namespace,vm,cluster,rto_minutes,depends_on\n");
        var apps = Math.Max(1, Vms / VmsPerApp);
        for (var i = 0; i < Vms; i++)
        {
            var a = Math.Min(i / VmsPerApp, apps - 1);
            var app = "app-" + a.ToString("D5", CultureInfo.InvariantCulture);
            var tier = 1 + (a * Tiers / apps);
            var ns = "ns-" + (i / VmsPerNamespace).ToString("D4", CultureInfo.InvariantCulture);
            var name = "vm-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var node = NodeName("Primary", i % nodes);
            csv.Append(CultureInfo.InvariantCulture, $"{app},{tier},{ns},{name},{Cluster},{tier * 15},\n");
            vms.Add((ns, name, node));
            Server.Store.Put(Vm(ns, name, "Primary"));
            Server.Store.Put(Instance(ns, name, node));
        }

        File.WriteAllText(Inventory, csv.ToString());
        Server.WriteKubeconfig(Kubeconfig, Cluster);
    }

    private static string NodeName(string site, int n) => $"{site.ToLowerInvariant()}-worker-{n:D3}";

    private static JsonObject Node(string name, string site) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { [SiteLabel] = site, ["kubernetes.io/hostname"] = name } },
        ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }) },
    };

    /// <summary>A VM about as large as a real one's spec (disks, interfaces, labels), so a LIST carries a realistic weight.</summary>
    private static JsonObject Vm(string ns, string name, string site) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachine",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["app"] = name, ["vm.kubevirt.io/template"] = "rhel9-server-medium" },
            ["annotations"] = new JsonObject { ["kubevirt.io/latest-observed-api-version"] = "v1" },
        },
        ["spec"] = new JsonObject
        {
            ["runStrategy"] = "Always",
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["kubevirt.io/vm"] = name } },
                ["spec"] = new JsonObject
                {
                    ["nodeSelector"] = new JsonObject { [SiteLabel] = site },
                    ["domain"] = new JsonObject
                    {
                        ["cpu"] = new JsonObject { ["cores"] = 2, ["sockets"] = 1, ["threads"] = 1 },
                        ["memory"] = new JsonObject { ["guest"] = "8Gi" },
                        ["devices"] = new JsonObject
                        {
                            ["disks"] = new JsonArray(
                                new JsonObject { ["name"] = "rootdisk", ["disk"] = new JsonObject { ["bus"] = "virtio" } },
                                new JsonObject { ["name"] = "cloudinitdisk", ["disk"] = new JsonObject { ["bus"] = "virtio" } }),
                            ["interfaces"] = new JsonArray(new JsonObject { ["name"] = "default", ["masquerade"] = new JsonObject() }),
                        },
                    },
                    ["networks"] = new JsonArray(new JsonObject { ["name"] = "default", ["pod"] = new JsonObject() }),
                    ["volumes"] = new JsonArray(
                        new JsonObject { ["name"] = "rootdisk", ["dataVolume"] = new JsonObject { ["name"] = name + "-root" } },
                        new JsonObject { ["name"] = "cloudinitdisk", ["cloudInitNoCloud"] = new JsonObject { ["userData"] = "#cloud-config\n" } }),
                },
            },
        },
        ["status"] = new JsonObject { ["printableStatus"] = "Running", ["ready"] = true },
    };

    private static JsonObject Instance(string ns, string name, string node) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["kubevirt.io/nodeName"] = node, ["kubevirt.io/vm"] = name },
        },
        ["spec"] = new JsonObject { ["domain"] = new JsonObject() },
        ["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["nodeName"] = node,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Ready", ["status"] = "True" },
                new JsonObject { ["type"] = "LiveMigratable", ["status"] = "True" }),
        },
    };
}
