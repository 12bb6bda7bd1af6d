using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>Ways to break each fact the preflight checks, one call each.</summary>
public sealed partial class IsolationWorld
{
    /// <summary>Removes the VolumeSnapshotClass of ocs-rbd: no claim can be snapshotted.</summary>
    public void RemoveSnapshotClass() => Delete(ApiResource.SnapshotClasses, null, SnapshotClass);

    /// <summary>Denies a right (see <see cref="SimulatedIsolation.Deny"/>).</summary>
    public void Deny(string verb, string resource, string? ns) => Sim.Deny(verb, resource, ns);

    /// <summary>Changes a VM in place (as another writer would).</summary>
    public JsonObject UpdateVm(string ns, string name, Action<JsonObject> mutate) => Update(ApiResource.VirtualMachines, ns, name, mutate);

    /// <summary>Adds an interface and its network to a VM's template.</summary>
    public void AddNetwork(string ns, string vm, JsonObject nic, JsonObject network) => UpdateVm(ns, vm, v =>
    {
        var spec = v["spec"]!["template"]!["spec"]!;
        spec["domain"]!["devices"]!["interfaces"]!.AsArray().Add(nic);
        spec["networks"]!.AsArray().Add(network);
    });

    /// <summary>Puts the VM on an SR-IOV network (its NAD exists, of type sriov): unmappable.</summary>
    public void AddSriovNetwork(string ns, string vm, string nad = "sriov-net")
    {
        Put(NadObject(ns, nad, "sriov"));
        AddNetwork(ns, vm, new JsonObject { ["name"] = nad, ["sriov"] = new JsonObject() }, Multus(nad));
    }

    /// <summary>Puts the VM on a bridge network whose NAD does not exist: unmappable.</summary>
    public void AddMissingNadNetwork(string ns, string vm, string nad = "vlan200") =>
        AddNetwork(ns, vm, new JsonObject { ["name"] = nad, ["bridge"] = new JsonObject() }, Multus(nad));

    /// <summary>Adds a volume (and its disk) to a VM, e.g. <c>{"name":"cfg","secret":{"secretName":"s"}}</c>.</summary>
    public void AddVolume(string ns, string vm, JsonObject volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var name = SimulatedIsolation.Text(volume["name"]);
        UpdateVm(ns, vm, v =>
        {
            var spec = v["spec"]!["template"]!["spec"]!;
            spec["domain"]!["devices"]!["disks"]!.AsArray().Add(new JsonObject { ["name"] = name, ["disk"] = new JsonObject { ["bus"] = "virtio" } });
            spec["volumes"]!.AsArray().Add(volume);
        });
    }

    /// <summary>Sets every DR node's allocatable CPU and memory (e.g. "1", "2Gi"): too small for the copies.</summary>
    public void ShrinkDr(string cpu, string memory)
    {
        foreach (var node in List(ApiResource.Nodes, labelSelector: $"{SiteLabel}=DR"))
        {
            Update(ApiResource.Nodes, null, SimulatedIsolation.Name(node), n =>
            {
                n["status"]!["allocatable"]!["cpu"] = cpu;
                n["status"]!["allocatable"]!["memory"] = memory;
            });
        }
    }

    /// <summary>Runs a pod on each DR node requesting <paramref name="cpu"/> and <paramref name="memory"/> (what is left is smaller).</summary>
    public void FillDr(string cpu, string memory)
    {
        if (Get(ApiResource.Namespaces, null, "busy") is null)
        {
            Put(NamespaceObject("busy"));
        }

        foreach (var node in List(ApiResource.Nodes, labelSelector: $"{SiteLabel}=DR"))
        {
            var name = SimulatedIsolation.Name(node);
            var pod = LauncherPod("busy", "filler-" + name, name, cpu, memory);
            Put(pod);
        }
    }

    /// <summary>Marks a node NotReady (Ready Unknown).</summary>
    public void NodeNotReady(string node) => Update(ApiResource.Nodes, null, node, n =>
        n["status"]!["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "Unknown" }));

    /// <summary>Removes the Snapshot feature gate from the KubeVirt CR.</summary>
    public void DropSnapshotGate() => UpdateKubeVirt(kv =>
    {
        var gates = kv["spec"]!["configuration"]!["developerConfiguration"]!["featureGates"]!.AsArray();
        foreach (var gate in gates.Where(g => SimulatedIsolation.Text(g) == "Snapshot").ToList())
        {
            gates.Remove(gate);
        }
    });

    /// <summary>Unregisters the l2bridge network binding plugin from the KubeVirt CR.</summary>
    public void DropL2Bridge() => UpdateKubeVirt(kv => ((JsonObject)kv["spec"]!["configuration"]!["network"]!["binding"]!).Remove("l2bridge"));

    /// <summary>Sets the KubeVirt CR's status.phase (e.g. Deploying).</summary>
    public void SetKubeVirtPhase(string phase) => UpdateKubeVirt(kv => kv["status"]!["phase"] = phase);

    public void RemoveKubeVirt() => Delete(ApiResource.KubeVirts, KubeVirtNamespace, KubeVirtName);

    /// <summary>Sets ocs-rbd's StorageProfile status.cloneStrategy (copy: host-assisted, warned about).</summary>
    public void SetCloneStrategy(string strategy) =>
        Update(ApiResource.StorageProfiles, null, StorageClass, p => p["status"]!["cloneStrategy"] = strategy);

    /// <summary>Sets ocs-rbd's volumeBindingMode (WaitForFirstConsumer: a DataVolume without the bind.immediate annotation never fills).</summary>
    public void SetBindingMode(string mode) =>
        Update(ApiResource.StorageClasses, null, StorageClass, c => c["volumeBindingMode"] = mode);

    /// <summary>Gives a VM an instancetype (kind VirtualMachineInstancetype is namespaced and refused; VirtualMachineClusterInstancetype is kept).</summary>
    public void SetInstancetype(string ns, string vm, string kind, string name) => UpdateVm(ns, vm, v =>
        v["spec"]!["instancetype"] = new JsonObject { ["kind"] = kind, ["name"] = name, ["revisionName"] = name + "-rev-1" });

    /// <summary>Removes a production VM and its instance (the inventory still names it).</summary>
    public void RemoveVm(string ns, string vm)
    {
        Delete(ApiResource.Instances, ns, vm);
        Delete(ApiResource.VirtualMachines, ns, vm);
    }

    /// <summary>Deletes a production claim (and leaves its VM pointing at it).</summary>
    public void RemoveClaim(string ns, string claim) => Delete(ApiResource.Claims, ns, claim);

    private void UpdateKubeVirt(Action<JsonObject> mutate) => Update(ApiResource.KubeVirts, KubeVirtNamespace, KubeVirtName, mutate);

    private static JsonObject Multus(string nad) => new() { ["name"] = nad, ["multus"] = new JsonObject { ["networkName"] = nad } };
}
