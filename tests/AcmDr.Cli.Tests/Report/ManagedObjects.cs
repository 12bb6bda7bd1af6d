using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Report;

/// <summary>What report reads from a managed cluster for ground truth: nodes with a site, VM instances, and the VMs of those not at their target.</summary>
internal static class ManagedObjects
{
    /// <summary>A Ready node of <paramref name="site"/> (see <see cref="Managed.ClusterObjects.Node"/>).</summary>
    public static void Node(FakeApiServer server, string name, string site) => server.Store.Put(Managed.ClusterObjects.Node(name, site));

    /// <summary>The VirtualMachine of an instance, its nodeSelector naming <paramref name="site"/> (see <see cref="Managed.ClusterObjects.Vm"/>).</summary>
    public static void Vm(FakeApiServer server, string ns, string name, string site) => server.Store.Put(Managed.ClusterObjects.Vm(ns, name, site));

    public static void Instance(FakeApiServer server, string ns, string name, string phase, string node) => server.Store.Put(new JsonObject
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["status"] = new JsonObject { ["phase"] = phase, ["nodeName"] = node },
    });
}
