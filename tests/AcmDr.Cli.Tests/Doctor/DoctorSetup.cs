using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.Cli.Tests.Support;

namespace AcmDr.Cli.Tests.Doctor;

/// <summary>
/// A hub that holds everything <c>acmdr generate</c> wrote for the example inventory, placed on and
/// reported Compliant by stretch-1, and that managed cluster with two Ready nodes per site, the VMs and
/// OpenShift Virtualization's KubeVirt: ready for a flip, until a test spoils one thing.
/// </summary>
public sealed class DoctorSetup : IAsyncDisposable
{
    public const string ClusterGroup = "cluster.open-cluster-management.io";
    public const string KubeVirtNamespace = "openshift-cnv";
    public const string KubeVirtName = "kubevirt-kubevirt-hyperconverged";

    private DoctorSetup(FakeHub hub, ManagedCluster managed)
    {
        Hub = hub;
        Managed = managed;
    }

    public FakeHub Hub { get; }

    public ManagedCluster Managed { get; }

    public static async Task<DoctorSetup> StartAsync()
    {
        var hub = await FakeHub.StartAsync();
        var managed = await ManagedCluster.StartAsync(Inventories.Example);
        var store = hub.Server.Store;
        store.Put(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "acmdr" } });
        foreach (var folder in new[] { "policies/base", "placements" })
        {
            foreach (var file in Directory.EnumerateFiles(hub.Dir.File(folder), "*.yaml", SearchOption.AllDirectories))
            {
                foreach (var document in YamlJson.ParseDocuments(File.ReadAllText(file)).OfType<JsonObject>())
                {
                    if (document["kind"]?.GetValue<string>() is "Policy" or "Placement" or "PlacementBinding" or "ManagedClusterSetBinding" or "PolicySet")
                    {
                        store.Put(document);
                    }
                }
            }
        }

        store.Put(new JsonObject
        {
            ["apiVersion"] = ClusterGroup + "/v1beta1",
            ["kind"] = "PlacementDecision",
            ["metadata"] = new JsonObject
            {
                ["name"] = "acmdr-stretch-1-decision-1",
                ["namespace"] = "acmdr",
                ["labels"] = new JsonObject { [ClusterGroup + "/placement"] = "acmdr-stretch-1" },
            },
            ["status"] = new JsonObject { ["decisions"] = new JsonArray(new JsonObject { ["clusterName"] = "stretch-1", ["reason"] = string.Empty }) },
        });
        store.Update(ClusterGroup, "v1beta2", "managedclustersetbindings", "acmdr", "default", binding => binding["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Bound", ["status"] = "True", ["reason"] = "ClusterSetBound" }),
        });
        foreach (var policy in new[] { "dr-db", "dr-web" })
        {
            SetCompliance(hub, policy, "Compliant");
        }

        managed.AddRunningVm("finance", "db-0", "Primary", "p-1");
        managed.AddRunningVm("finance", "db-1", "Primary", "p-2");
        managed.AddRunningVm("web", "web-0", "Primary", "p-1");
        managed.Server.Store.Put(KubeVirt());
        return new DoctorSetup(hub, managed);
    }

    /// <summary>The root policy's status for stretch-1; null removes it (the cluster reports nothing).</summary>
    public static void SetCompliance(FakeHub hub, string policy, string? compliant) =>
        hub.Server.Store.Update("policy.open-cluster-management.io", "v1", "policies", "acmdr", policy, p => p["status"] = compliant is null
            ? new JsonObject()
            : new JsonObject
            {
                ["compliant"] = compliant,
                ["status"] = new JsonArray(new JsonObject { ["clustername"] = "stretch-1", ["clusternamespace"] = "stretch-1", ["compliant"] = compliant }),
            });

    /// <summary>The KubeVirt OpenShift Virtualization's HyperConverged makes: LiveMigrate, no limits set (KubeVirt's defaults).</summary>
    public static JsonObject KubeVirt() => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "KubeVirt",
        ["metadata"] = new JsonObject
        {
            ["name"] = KubeVirtName,
            ["namespace"] = KubeVirtNamespace,
            ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "hco-operator" },
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "hco.kubevirt.io/v1beta1", ["kind"] = "HyperConverged", ["name"] = "kubevirt-hyperconverged", ["uid"] = "1",
            }),
        },
        ["spec"] = new JsonObject
        {
            ["workloadUpdateStrategy"] = new JsonObject { ["workloadUpdateMethods"] = new JsonArray("LiveMigrate", "Evict") },
            ["configuration"] = new JsonObject { ["developerConfiguration"] = new JsonObject { ["featureGates"] = new JsonArray("Snapshot") } },
        },
        ["status"] = new JsonObject { ["phase"] = "Deployed", ["observedKubeVirtVersion"] = "v1.4.1" },
    };

    /// <summary><c>acmdr doctor</c> on the hub's working directory, reading stretch-1 through its own kubeconfig.</summary>
    public Task<CliResult> DoctorAsync(params string[] args) =>
        DoctorAsync(TimeProvider.System, args);

    public Task<CliResult> DoctorAsync(TimeProvider clock, params string[] args) =>
        Hub.AcmdrAsync(clock, ["doctor", "--managed-kubeconfig", Managed.Kubeconfig, .. args]);

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Managed.DisposeAsync();
    }
}
