using System.Text.Json.Nodes;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>Nodes, VMs and instances as a stretched managed cluster holds them.</summary>
public static class ClusterObjects
{
    public const string SiteLabel = "topology.kubernetes.io/site";

    public static JsonObject Node(string name, string site, bool ready = true) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { [SiteLabel] = site, ["kubernetes.io/hostname"] = name } },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "Unknown" }),
        },
    };

    public static JsonObject Vm(string ns, string name, string site, string printableStatus = "Running", string runStrategy = "Always") => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachine",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["app"] = name },
            ["annotations"] = new JsonObject { ["note"] = "keep me" },
        },
        ["spec"] = new JsonObject
        {
            ["runStrategy"] = runStrategy,
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["kubevirt.io/vm"] = name } },
                ["spec"] = new JsonObject
                {
                    ["nodeSelector"] = new JsonObject { [SiteLabel] = site, ["cpu-model"] = "icelake" },
                    ["domain"] = new JsonObject
                    {
                        ["cpu"] = new JsonObject { ["cores"] = 2 },
                        ["devices"] = new JsonObject { ["disks"] = new JsonArray(new JsonObject { ["name"] = "root" }) },
                    },
                },
            },
        },
        ["status"] = new JsonObject { ["printableStatus"] = printableStatus },
    };

    /// <summary>A running instance; its nodeSelector is the VM's at start (KubeVirt copies it), none when not given. The API server gives it its uid.</summary>
    public static JsonObject Instance(string ns, string name, string node, bool liveMigratable = true, string phase = "Running", JsonObject? nodeSelector = null) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["kubevirt.io/nodeName"] = node },
        },
        ["spec"] = nodeSelector is null
            ? new JsonObject { ["domain"] = new JsonObject() }
            : new JsonObject { ["domain"] = new JsonObject(), ["nodeSelector"] = nodeSelector.DeepClone() },
        ["status"] = new JsonObject
        {
            ["phase"] = phase,
            ["nodeName"] = node,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Ready", ["status"] = "True" },
                new JsonObject { ["type"] = "LiveMigratable", ["status"] = liveMigratable ? "True" : "False" }),
        },
    };
}
