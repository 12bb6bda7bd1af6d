using System.Globalization;
using System.Text.Json.Nodes;

namespace AcmDr.Core.Isolated;

/// <summary>The objects an isolated rehearsal creates, built from typed values, never from text.</summary>
public static class IsolatedObjects
{
    /// <summary>The bubble's isolated primary network.</summary>
    public const string PrimaryNetwork = "acmdr-isolated";

    /// <summary>The bubble's NetworkPolicy: nothing in or out but the rehearsal's own namespaces.</summary>
    public const string DefaultDeny = "acmdr-isolated-default-deny";

    /// <summary>The bubble's LimitRange, giving CDI's and KubeVirt's containers requests under the quota.</summary>
    public const string Defaults = "acmdr-isolated-defaults";

    /// <summary>The bubble's ResourceQuota.</summary>
    public const string Quota = "acmdr-isolated";

    /// <summary>The name of the pod network a copy gets when its VM joined the pod network without naming it (as KubeVirt names it).</summary>
    public const string DefaultNetwork = "default";

    /// <summary>On a VM copy: the production VM it copies, as namespace/name.</summary>
    public const string SourceAnnotation = "rehearsal.acmdr.io/source";

    /// <summary>Asks CDI to bind the copy's claim at once, not at first consumer: acmdr waits for the DataVolume before it creates the VM.</summary>
    public const string BindImmediate = "cdi.kubevirt.io/storage.bind.immediate.requested";

    /// <summary>
    /// The quota counts each claim twice, in number and size: CDI fills a claim through a temporary claim of
    /// the same size in the same namespace.
    /// </summary>
    public const int ClaimsPerCopy = 2;

    /// <summary>A bubble in creation order: the Namespace (labels set at creation), the primary UserDefinedNetwork, the default-deny NetworkPolicy, one secondary UserDefinedNetwork per mapped network, the LimitRange, the ResourceQuota.</summary>
    public static IReadOnlyList<JsonObject> Bubble(BubblePlan bubble, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(bubble);
        ArgumentNullException.ThrowIfNull(options);
        var namespaceLabels = new JsonObject
        {
            [IsolatedLabels.Rehearsal] = options.Id,
            [IsolatedLabels.SourceNamespace] = bubble.ProductionNamespace,
            [IsolatedLabels.PrimaryUdn] = "",
        };
        if (!options.NewIdentity)
        {
            namespaceLabels[IsolatedLabels.KubeMacPool] = "ignore";
        }

        var objects = new List<JsonObject>
        {
            new()
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = bubble.Namespace, ["labels"] = namespaceLabels },
            },
            Object("k8s.ovn.org/v1", "UserDefinedNetwork", PrimaryNetwork, bubble, options, new JsonObject
            {
                ["topology"] = "Layer2",
                ["layer2"] = new JsonObject { ["role"] = "Primary", ["subnets"] = new JsonArray(options.PrimarySubnet) },
            }),
            Object("networking.k8s.io/v1", "NetworkPolicy", DefaultDeny, bubble, options, new JsonObject
            {
                ["podSelector"] = new JsonObject(),
                ["policyTypes"] = new JsonArray("Ingress", "Egress"),
                ["ingress"] = new JsonArray(new JsonObject { ["from"] = new JsonArray(Rehearsal(options)) }),
                ["egress"] = new JsonArray(new JsonObject { ["to"] = new JsonArray(Rehearsal(options)) }),
            }),
        };
        objects.AddRange(bubble.SecondaryNetworks.Select(n => Object("k8s.ovn.org/v1", "UserDefinedNetwork", n, bubble, options, new JsonObject
        {
            ["topology"] = "Layer2",
            ["layer2"] = new JsonObject { ["role"] = "Secondary", ["ipam"] = new JsonObject { ["mode"] = "Disabled" } },
        })));
        objects.Add(Object("v1", "LimitRange", Defaults, bubble, options, new JsonObject
        {
            ["limits"] = new JsonArray(new JsonObject
            {
                ["type"] = "Container",
                ["defaultRequest"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
            }),
        }));

        var hard = new JsonObject();
        if (bubble.QuotaMilliCpu > 0)
        {
            hard["requests.cpu"] = Quantities.FormatMilliCpu(bubble.QuotaMilliCpu);
        }

        if (bubble.QuotaMemory > 0)
        {
            hard["requests.memory"] = Quantities.FormatBytes(bubble.QuotaMemory);
        }

        hard["requests.storage"] = Quantities.FormatBytes(bubble.QuotaStorage * ClaimsPerCopy);
        if (bubble.QuotaClaims > 0)
        {
            hard["persistentvolumeclaims"] = Count(bubble.QuotaClaims * ClaimsPerCopy);
        }

        hard["count/virtualmachines.kubevirt.io"] = Count(bubble.QuotaVms);
        objects.Add(Object("v1", "ResourceQuota", Quota, bubble, options, new JsonObject { ["hard"] = hard }));
        return objects;
    }

    /// <summary>The online VirtualMachineSnapshot of a production VM (the only object written in production).</summary>
    public static JsonObject Snapshot(VmCopyPlan vm, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(options);
        return new JsonObject
        {
            ["apiVersion"] = "snapshot.kubevirt.io/v1beta1",
            ["kind"] = "VirtualMachineSnapshot",
            ["metadata"] = new JsonObject
            {
                ["name"] = vm.SnapshotName,
                ["namespace"] = vm.Vm.Vm.Namespace,
                ["labels"] = new JsonObject { [IsolatedLabels.Rehearsal] = options.Id, [IsolatedLabels.SourceVm] = vm.Vm.Vm.Name },
            },
            ["spec"] = new JsonObject
            {
                ["source"] = new JsonObject { ["apiGroup"] = "kubevirt.io", ["kind"] = "VirtualMachine", ["name"] = vm.Vm.Vm.Name },
            },
        };
    }

    /// <summary>One DataVolume per volume backup of the snapshot's content (<c>source.snapshot</c> from production), named as the production claim.</summary>
    public static IReadOnlyList<JsonObject> DataVolumes(VmCopyPlan vm, JsonObject snapshotContent, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(snapshotContent);
        ArgumentNullException.ThrowIfNull(options);
        var volumes = new List<JsonObject>();
        foreach (var backup in JsonPaths.Objects(snapshotContent, "spec", "volumeBackups"))
        {
            var claim = JsonPaths.Object(backup, "persistentVolumeClaim");
            var name = JsonPaths.String(claim, "metadata", "name");
            var snapshot = JsonPaths.String(backup, "volumeSnapshotName");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(snapshot))
            {
                throw new AcmDrException(ExitCodes.Refused,
                    $"the snapshot of VM {vm.Vm.Vm.Namespace}/{vm.Vm.Vm.Name} has a volume ({JsonPaths.String(backup, "volumeName") ?? "unnamed"}) without a claim or volume snapshot name");
            }

            var storage = new JsonObject();
            if (JsonPaths.At(claim, "spec", "accessModes") is JsonArray modes)
            {
                storage["accessModes"] = modes.DeepClone();
            }

            if (JsonPaths.Scalar(claim, "spec", "resources", "requests", "storage") is { } size)
            {
                storage["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } };
            }

            if (JsonPaths.String(claim, "spec", "storageClassName") is { } storageClass)
            {
                storage["storageClassName"] = storageClass;
            }

            if (JsonPaths.String(claim, "spec", "volumeMode") is { } volumeMode)
            {
                storage["volumeMode"] = volumeMode;
            }

            volumes.Add(new JsonObject
            {
                ["apiVersion"] = "cdi.kubevirt.io/v1beta1",
                ["kind"] = "DataVolume",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = vm.BubbleNamespace,
                    ["labels"] = CopyLabels(vm, options),
                    ["annotations"] = new JsonObject { [BindImmediate] = "true" },
                },
                ["spec"] = new JsonObject
                {
                    ["source"] = new JsonObject
                    {
                        ["snapshot"] = new JsonObject { ["namespace"] = vm.Vm.Vm.Namespace, ["name"] = snapshot },
                    },
                    ["storage"] = storage,
                },
            });
        }

        return volumes;
    }

    /// <summary>
    /// The VM copy from the snapshotted spec: volumes, networks and nodeSelector rewritten, acmdr's labels stripped, identity kept unless <see cref="IsolatedOptions.NewIdentity"/>.
    /// Cloud-init volumes (with their disks) and accessCredentials are dropped, as their secrets exist only in production; a VM on the
    /// pod network without naming it gets that network named, so its interface can bind with l2bridge.
    /// </summary>
    public static JsonObject VirtualMachine(VmCopyPlan vm, JsonObject snapshotContent, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(snapshotContent);
        ArgumentNullException.ThrowIfNull(options);
        var source = JsonPaths.Object(snapshotContent, "spec", "source", "virtualMachine")
            ?? throw new AcmDrException(ExitCodes.Refused, $"the snapshot of VM {vm.Vm.Vm.Namespace}/{vm.Vm.Vm.Name} holds no VM spec");

        var labels = WithoutAcmdr(JsonPaths.Object(source, "metadata", "labels"));
        foreach (var (key, value) in CopyLabels(vm, options))
        {
            labels[key] = value?.DeepClone();
        }

        var spec = JsonPaths.Object(source, "spec")?.DeepClone() as JsonObject ?? [];
        spec.Remove("running");
        spec.Remove("dataVolumeTemplates");
        spec["runStrategy"] = "Always";
        (spec["instancetype"] as JsonObject)?.Remove("revisionName");
        (spec["preference"] as JsonObject)?.Remove("revisionName");

        var template = JsonPaths.Ensure(spec, "template");
        if (template["metadata"] is JsonObject templateMetadata && templateMetadata["labels"] is JsonObject templateLabels)
        {
            templateMetadata["labels"] = WithoutAcmdr(templateLabels);
        }

        var podSpec = JsonPaths.Ensure(template, "spec");
        JsonPaths.Ensure(podSpec, "nodeSelector")[options.SiteLabel] = options.DrSite;
        podSpec.Remove("accessCredentials");
        if (VmReading.ImplicitPodNetwork(source))
        {
            podSpec["networks"] = new JsonArray(new JsonObject { ["name"] = DefaultNetwork, ["pod"] = new JsonObject() });
            var devices = JsonPaths.Ensure(JsonPaths.Ensure(podSpec, "domain"), "devices");
            devices["interfaces"] = new JsonArray(new JsonObject { ["name"] = DefaultNetwork });
        }

        RewriteVolumes(podSpec);
        RewriteNetworks(podSpec, vm.Vm.Vm.Namespace, options);

        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new JsonObject
            {
                ["name"] = vm.Vm.Vm.Name,
                ["namespace"] = vm.BubbleNamespace,
                ["labels"] = labels,
                ["annotations"] = new JsonObject { [SourceAnnotation] = $"{vm.Vm.Vm.Namespace}/{vm.Vm.Vm.Name}" },
            },
            ["spec"] = spec,
        };
    }

    /// <summary>Whether a label key is acmdr's (<c>acmdr.io/...</c> or a subdomain of acmdr.io): a copy carries none.</summary>
    public static bool IsAcmdrLabel(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Split('/', 2) is [var prefix, _] && (prefix == "acmdr.io" || prefix.EndsWith(".acmdr.io", StringComparison.Ordinal));
    }

    private static void RewriteVolumes(JsonObject podSpec)
    {
        if (podSpec["volumes"] is not JsonArray volumes)
        {
            return;
        }

        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var kept = new JsonArray();
        foreach (var volume in volumes.OfType<JsonObject>())
        {
            var use = VmReading.Volume(volume);
            if (VmReading.IsDropped(use.Kind))
            {
                dropped.Add(use.Name);
            }
            else if (VmReading.IsClaim(use.Kind))
            {
                kept.Add(new JsonObject { ["name"] = use.Name, ["dataVolume"] = new JsonObject { ["name"] = use.Claim } });
            }
            else
            {
                kept.Add(volume.DeepClone());
            }
        }

        podSpec["volumes"] = kept;
        if (JsonPaths.At(podSpec, "domain", "devices", "disks") is JsonArray disks)
        {
            JsonPaths.Object(podSpec, "domain", "devices")!["disks"] = new JsonArray(
                [.. disks.Where(d => JsonPaths.String(d, "name") is not { } name || !dropped.Contains(name)).Select(d => d?.DeepClone())]);
        }
    }

    private static void RewriteNetworks(JsonObject podSpec, string vmNamespace, IsolatedOptions options)
    {
        var podNetworks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var network in JsonPaths.Objects(podSpec, "networks"))
        {
            if (network["multus"] is JsonObject multus && JsonPaths.String(multus, "networkName") is { } networkName)
            {
                multus["networkName"] = VmReading.SplitNad(networkName, vmNamespace).Name;
            }
            else if (network["pod"] is not null && JsonPaths.String(network, "name") is { } name)
            {
                podNetworks.Add(name);
            }
        }

        foreach (var iface in JsonPaths.Objects(podSpec, "domain", "devices", "interfaces"))
        {
            if (JsonPaths.String(iface, "name") is { } name && podNetworks.Contains(name))
            {
                foreach (var key in VmReading.BindingKeys())
                {
                    iface.Remove(key);
                }

                iface["binding"] = new JsonObject { ["name"] = IsolatedPreflight.L2Bridge };
            }

            if (options.NewIdentity)
            {
                iface.Remove("macAddress");
            }
        }

        if (options.NewIdentity && JsonPaths.Object(podSpec, "domain", "firmware") is { } firmware)
        {
            firmware.Remove("serial");
            firmware.Remove("uuid");
        }
    }

    private static JsonObject WithoutAcmdr(JsonObject? labels)
    {
        var kept = new JsonObject();
        foreach (var (key, value) in labels ?? [])
        {
            if (!IsAcmdrLabel(key))
            {
                kept[key] = value?.DeepClone();
            }
        }

        return kept;
    }

    private static JsonObject CopyLabels(VmCopyPlan vm, IsolatedOptions options) => new()
    {
        [IsolatedLabels.Rehearsal] = options.Id,
        [IsolatedLabels.SourceNamespace] = vm.Vm.Vm.Namespace,
        [IsolatedLabels.SourceVm] = vm.Vm.Vm.Name,
    };

    private static JsonObject Rehearsal(IsolatedOptions options) => new()
    {
        ["namespaceSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [IsolatedLabels.Rehearsal] = options.Id } },
    };

    private static JsonObject Object(string apiVersion, string kind, string name, BubblePlan bubble, IsolatedOptions options, JsonObject spec) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = bubble.Namespace,
            ["labels"] = new JsonObject { [IsolatedLabels.Rehearsal] = options.Id, [IsolatedLabels.SourceNamespace] = bubble.ProductionNamespace },
        },
        ["spec"] = spec,
    };

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
