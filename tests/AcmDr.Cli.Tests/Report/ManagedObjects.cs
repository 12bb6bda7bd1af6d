using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Report;

/// <summary>What report reads from a managed cluster for ground truth: nodes with a site, and VM instances.</summary>
internal static class ManagedObjects
{
    public static void Node(FakeApiServer server, string name, string site) => server.Store.Put(new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["topology.kubernetes.io/site"] = site } },
    });

    public static void Instance(FakeApiServer server, string ns, string name, string phase, string node) => server.Store.Put(new JsonObject
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["status"] = new JsonObject { ["phase"] = phase, ["nodeName"] = node },
    });
}
