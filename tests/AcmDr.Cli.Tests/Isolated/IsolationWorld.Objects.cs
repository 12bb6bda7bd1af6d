using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>The objects a world is seeded with, as a stretched OpenShift Virtualization cluster holds them.</summary>
public sealed partial class IsolationWorld
{
    private int vmCount;

    /// <summary>
    /// Seeds a production VM running at Primary: its namespace, claim <c>name-root</c> (30Gi) from DataVolume
    /// <c>name-root</c>, with <paramref name="withData"/> a claim <c>name-data</c> (100Gi) used directly, with
    /// <paramref name="nad"/> that NetworkAttachmentDefinition and a bridge interface on it; its instance on a Primary
    /// node (guest agent connected) and virt-launcher pod. Returns the VM.
    /// </summary>
    public JsonObject AddProductionVm(string ns, string name, bool withData = false, string? nad = null, string? app = null)
    {
        var index = Interlocked.Increment(ref vmCount);
        var node = index % 2 == 1 ? "p-1" : "p-2";
        if (Get(ApiResource.Namespaces, null, ns) is null)
        {
            Put(NamespaceObject(ns));
        }

        if (nad is not null && Get(ApiResource.NetworkAttachments, ns, nad) is null)
        {
            Put(NadObject(ns, nad, "bridge"));
        }

        AddClaim(ns, name + "-root", "30Gi");
        Put(ProductionDataVolume(ns, name + "-root", "30Gi"));
        if (withData)
        {
            AddClaim(ns, name + "-data", "100Gi");
        }

        var vm = Put(ProductionVmObject(ns, name, index, withData, nad, app ?? ns));
        Put(ProductionInstance(vm, node));
        Put(LauncherPod(ns, name, node, withData ? "2" : "200m", withData ? "8Gi" : "4Gi"));
        return vm;
    }

    /// <summary>A claim of the world's StorageClass bound to its PV (pv-ns-name).</summary>
    public JsonObject AddClaim(string ns, string name, string size, string storageClass = StorageClass)
    {
        var volumeName = $"pv-{ns}-{name}";
        var modes = new JsonArray("ReadWriteMany");
        var claim = Put(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = name } },
            ["spec"] = new JsonObject
            {
                ["accessModes"] = modes.DeepClone(),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } },
                ["storageClassName"] = storageClass,
                ["volumeMode"] = "Block",
                ["volumeName"] = volumeName,
            },
            ["status"] = new JsonObject { ["phase"] = "Bound", ["accessModes"] = modes.DeepClone(), ["capacity"] = new JsonObject { ["storage"] = size } },
        });
        Put(BoundVolume(volumeName, ns, name, SimulatedIsolation.Uid(claim), storageClass, size, modes, "Block", Driver, "Delete"));
        return claim;
    }

    public static JsonObject BoundVolume(string name, string ns, string claim, string claimUid, string? storageClass, string size, JsonNode accessModes, string volumeMode, string driver, string reclaimPolicy)
    {
        ArgumentNullException.ThrowIfNull(accessModes);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolume",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject
            {
                ["capacity"] = new JsonObject { ["storage"] = size },
                ["accessModes"] = accessModes.DeepClone(),
                ["volumeMode"] = volumeMode,
                ["storageClassName"] = storageClass,
                ["persistentVolumeReclaimPolicy"] = reclaimPolicy,
                ["claimRef"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "PersistentVolumeClaim", ["namespace"] = ns, ["name"] = claim, ["uid"] = claimUid },
                ["csi"] = new JsonObject { ["driver"] = driver, ["volumeHandle"] = "0001-" + name },
            },
            ["status"] = new JsonObject { ["phase"] = "Bound" },
        };
    }

    public static JsonObject Node(string name, string site, string cpu = "16", string memory = "64Gi", bool ready = true) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { [SiteLabel] = site, ["kubernetes.io/hostname"] = name, ["node-role.kubernetes.io/worker"] = "" },
        },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject
        {
            ["allocatable"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "250" },
            ["capacity"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "250" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "Unknown" }),
        },
    };

    public static JsonObject NamespaceObject(string name, JsonObject? labels = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? new JsonObject { ["kubernetes.io/metadata.name"] = name } },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    public static JsonObject StorageClassObject(string name, string provisioner) => new()
    {
        ["apiVersion"] = "storage.k8s.io/v1",
        ["kind"] = "StorageClass",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["provisioner"] = provisioner,
        ["reclaimPolicy"] = "Delete",
        ["volumeBindingMode"] = "Immediate",
        ["allowVolumeExpansion"] = true,
    };

    public static JsonObject SnapshotClassObject(string name, string driver) => new()
    {
        ["apiVersion"] = "snapshot.storage.k8s.io/v1",
        ["kind"] = "VolumeSnapshotClass",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["driver"] = driver,
        ["deletionPolicy"] = "Delete",
    };

    public static JsonObject StorageProfileObject(string storageClass, string cloneStrategy) => new()
    {
        ["apiVersion"] = "cdi.kubevirt.io/v1beta1",
        ["kind"] = "StorageProfile",
        ["metadata"] = new JsonObject { ["name"] = storageClass },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject
        {
            ["storageClass"] = storageClass,
            ["provisioner"] = Driver,
            ["cloneStrategy"] = cloneStrategy,
            ["dataImportCronSourceFormat"] = "snapshot",
            ["claimPropertySets"] = new JsonArray(new JsonObject { ["accessModes"] = new JsonArray("ReadWriteMany"), ["volumeMode"] = "Block" }),
        },
    };

    /// <summary>The KubeVirt CR (openshift-cnv/kubevirt-kubevirt-hyperconverged).</summary>
    public static JsonObject KubeVirtObject(string phase = "Deployed", string[]? featureGates = null, string[]? bindings = null)
    {
        var binding = new JsonObject();
        foreach (var name in bindings ?? ["l2bridge"])
        {
            binding[name] = name == "l2bridge" ? new JsonObject { ["domainAttachmentType"] = "managedTap" } : new JsonObject { ["sidecarImage"] = "registry.example/" + name };
        }

        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "KubeVirt",
            ["metadata"] = new JsonObject { ["name"] = KubeVirtName, ["namespace"] = KubeVirtNamespace },
            ["spec"] = new JsonObject
            {
                ["configuration"] = new JsonObject
                {
                    ["developerConfiguration"] = new JsonObject
                    {
                        ["featureGates"] = new JsonArray([.. (featureGates ?? ["Snapshot", "DataVolumes", "LiveMigration"]).Select(g => JsonValue.Create(g))]),
                    },
                    ["network"] = new JsonObject { ["binding"] = binding },
                },
            },
            ["status"] = new JsonObject { ["phase"] = phase, ["observedKubeVirtVersion"] = "v1.6.0" },
        };
    }

    /// <summary>A NetworkAttachmentDefinition whose CNI config is of <paramref name="cniType"/> (bridge, sriov, macvlan ...).</summary>
    public static JsonObject NadObject(string ns, string name, string cniType) => new()
    {
        ["apiVersion"] = "k8s.cni.cncf.io/v1",
        ["kind"] = "NetworkAttachmentDefinition",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["config"] = $$"""{"cniVersion":"0.3.1","name":"{{name}}","type":"{{cniType}}","bridge":"br1","vlan":100,"macspoofchk":true}""",
        },
    };

    public static JsonObject ProductionDataVolume(string ns, string name, string size) => new()
    {
        ["apiVersion"] = "cdi.kubevirt.io/v1beta1",
        ["kind"] = "DataVolume",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["source"] = new JsonObject { ["http"] = new JsonObject { ["url"] = "https://images.example/rhel9.qcow2" } },
            ["storage"] = new JsonObject { ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } }, ["storageClassName"] = StorageClass },
        },
        ["status"] = new JsonObject { ["phase"] = "Succeeded", ["progress"] = "100.0%", ["claimName"] = name },
    };

    public static JsonObject ProductionVmObject(string ns, string name, int index, bool withData, string? nad, string app)
    {
        var mac = string.Create(CultureInfo.InvariantCulture, $"02:ac:d0:00:{index:x2}:01");
        var disks = new JsonArray(
            new JsonObject { ["name"] = "rootdisk", ["bootOrder"] = 1, ["disk"] = new JsonObject { ["bus"] = "virtio" } },
            new JsonObject { ["name"] = "cloudinitdisk", ["disk"] = new JsonObject { ["bus"] = "virtio" } });
        var volumes = new JsonArray(
            new JsonObject { ["name"] = "rootdisk", ["dataVolume"] = new JsonObject { ["name"] = name + "-root" } },
            new JsonObject { ["name"] = "cloudinitdisk", ["cloudInitNoCloud"] = new JsonObject { ["userData"] = "#cloud-config\nuser: cloud-user\nchpasswd: { expire: False }\n" } });
        if (withData)
        {
            disks.Add(new JsonObject { ["name"] = "data", ["disk"] = new JsonObject { ["bus"] = "virtio" } });
            volumes.Add(new JsonObject { ["name"] = "data", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = name + "-data" } });
        }

        var interfaces = new JsonArray(new JsonObject { ["name"] = "default", ["masquerade"] = new JsonObject(), ["macAddress"] = mac, ["model"] = "virtio" });
        var networks = new JsonArray(new JsonObject { ["name"] = "default", ["pod"] = new JsonObject() });
        if (nad is not null)
        {
            interfaces.Add(new JsonObject { ["name"] = nad, ["bridge"] = new JsonObject(), ["macAddress"] = mac[..^2] + "02", ["model"] = "virtio" });
            networks.Add(new JsonObject { ["name"] = nad, ["multus"] = new JsonObject { ["networkName"] = nad } });
        }

        var domain = new JsonObject
        {
            ["cpu"] = new JsonObject { ["sockets"] = 1, ["cores"] = 2, ["threads"] = 1 },
            ["memory"] = new JsonObject { ["guest"] = withData ? "8Gi" : "4Gi" },
            ["firmware"] = new JsonObject
            {
                ["uuid"] = string.Create(CultureInfo.InvariantCulture, $"6a1f0d00-0000-4000-8000-{index:d12}"),
                ["serial"] = "SN-" + name,
            },
            ["devices"] = new JsonObject { ["disks"] = disks, ["interfaces"] = interfaces },
        };
        if (withData)
        {
            domain["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "2", ["memory"] = "8Gi" } };
        }

        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["app"] = name, ["acmdr.io/app"] = app },
                ["annotations"] = new JsonObject { ["kubevirt.io/latest-observed-api-version"] = "v1", ["note"] = "production" },
            },
            ["spec"] = new JsonObject
            {
                ["runStrategy"] = "Always",
                ["dataVolumeTemplates"] = new JsonArray(new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = name + "-root" },
                    ["spec"] = new JsonObject
                    {
                        ["source"] = new JsonObject { ["http"] = new JsonObject { ["url"] = "https://images.example/rhel9.qcow2" } },
                        ["storage"] = new JsonObject { ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "30Gi" } }, ["storageClassName"] = StorageClass },
                    },
                }),
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["kubevirt.io/domain"] = name, ["acmdr.io/app"] = app } },
                    ["spec"] = new JsonObject
                    {
                        ["nodeSelector"] = new JsonObject { [SiteLabel] = "Primary" },
                        ["domain"] = domain,
                        ["networks"] = networks,
                        ["volumes"] = volumes,
                        ["terminationGracePeriodSeconds"] = 180,
                        ["readinessProbe"] = new JsonObject { ["guestAgentPing"] = new JsonObject(), ["initialDelaySeconds"] = 30, ["periodSeconds"] = 10 },
                    },
                },
            },
            ["status"] = new JsonObject { ["printableStatus"] = "Running", ["ready"] = true, ["created"] = true },
        };
    }

    /// <summary>The VM's instance running on <paramref name="node"/>, guest agent connected.</summary>
    public static JsonObject ProductionInstance(JsonObject vm, string node)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var template = vm["spec"]!["template"]!;
        var labels = (JsonObject)template["metadata"]!["labels"]!.DeepClone();
        labels["kubevirt.io/nodeName"] = node;
        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstance",
            ["metadata"] = new JsonObject
            {
                ["name"] = SimulatedIsolation.Name(vm),
                ["namespace"] = SimulatedIsolation.Namespace(vm),
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "kubevirt.io/v1",
                    ["kind"] = "VirtualMachine",
                    ["name"] = SimulatedIsolation.Name(vm),
                    ["uid"] = SimulatedIsolation.Uid(vm),
                    ["controller"] = true,
                }),
            },
            ["spec"] = template["spec"]!.DeepClone(),
            ["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["nodeName"] = node,
                ["conditions"] = new JsonArray(
                    new JsonObject { ["type"] = "Ready", ["status"] = "True" },
                    new JsonObject { ["type"] = "LiveMigratable", ["status"] = "True" },
                    new JsonObject { ["type"] = "AgentConnected", ["status"] = "True" }),
                ["guestOSInfo"] = new JsonObject { ["id"] = "rhel", ["name"] = "Red Hat Enterprise Linux" },
            },
        };
    }

    /// <summary>A running pod bound to <paramref name="node"/> with one container's requests (capacity counts them).</summary>
    public static JsonObject LauncherPod(string ns, string vm, string node, string cpu, string memory) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = "virt-launcher-" + vm + "-x7k2p",
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["kubevirt.io"] = "virt-launcher", ["vm.kubevirt.io/name"] = vm },
        },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = node,
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "compute",
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory } },
            }),
        },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };
}
