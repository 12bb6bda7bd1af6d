using System.Text.Json.Nodes;

namespace AcmDr.Core.Isolated;

/// <summary>A volume of a VM: its name, its kind (the key beside <c>name</c>) and the claim it uses, if any.</summary>
public sealed record VolumeUse(string Name, string Kind, string? Claim);

/// <summary>
/// A network of a VM with the interface that joins it. Multus networks name their NetworkAttachmentDefinition
/// (<see cref="NadNamespace"/>/<see cref="NadName"/>); <see cref="Binding"/> is how the interface binds
/// (<c>bridge</c>, <c>masquerade</c>, <c>sriov</c>, <c>binding plugin passt</c>...), null when it names none.
/// </summary>
public sealed record NetworkUse(string Name, bool Pod, string? NadNamespace, string? NadName, bool MultusDefault, string? Binding)
{
    /// <summary>"namespace/name" of the NetworkAttachmentDefinition of a multus network.</summary>
    public string Nad => $"{NadNamespace}/{NadName}";
}

/// <summary>What a VirtualMachine's spec uses: volumes, claims, networks, instancetype and preference.</summary>
public static class VmReading
{
    /// <summary>A volume kind acmdr copies a VM with, unchanged (it holds no production data).</summary>
    public static bool IsKept(string kind) => kind is "containerDisk" or "emptyDisk" or "ephemeral" or "downwardAPI" or "downwardMetrics";

    /// <summary>A volume kind a copy leaves out with its disk (first boot done; a secretRef would not resolve in the bubble).</summary>
    public static bool IsDropped(string kind) => kind is "cloudInitNoCloud" or "cloudInitConfigDrive";

    /// <summary>A volume kind that holds a claim's data and becomes a DataVolume of the copy.</summary>
    public static bool IsClaim(string kind) => kind is "dataVolume" or "persistentVolumeClaim";

    /// <summary>A volume kind that refuses a VM: not a disk, and acmdr copies disks only.</summary>
    public static bool IsRefused(string kind) => kind is "secret" or "configMap" or "sysprep" or "hostDisk" or "memoryDump" or "serviceAccount";

    /// <summary>The interface keys that say how an interface binds to its network.</summary>
    public static IReadOnlyList<string> BindingKeys() => ["bridge", "masquerade", "sriov", "macvtap", "passt", "slirp", "binding"];

    /// <summary>The volumes of spec.template.spec.volumes, in order.</summary>
    public static IReadOnlyList<VolumeUse> Volumes(JsonObject vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return
        [
            .. JsonPaths.Objects(vm, "spec", "template", "spec", "volumes").Select(Volume),
        ];
    }

    /// <summary>One entry of spec.template.spec.volumes.</summary>
    public static VolumeUse Volume(JsonObject volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var kind = volume.Select(p => p.Key).FirstOrDefault(k => k != "name") ?? "none";
        var claim = kind switch
        {
            "dataVolume" => JsonPaths.String(volume, "dataVolume", "name"),
            "persistentVolumeClaim" => JsonPaths.String(volume, "persistentVolumeClaim", "claimName"),
            _ => null,
        };
        return new VolumeUse(JsonPaths.String(volume, "name") ?? string.Empty, kind, claim);
    }

    /// <summary>The claims the VM's disks use, in volume order, each once.</summary>
    public static IReadOnlyList<string> Claims(JsonObject vm) =>
        [.. Volumes(vm).Where(v => v.Claim is not null).Select(v => v.Claim!).Distinct(StringComparer.Ordinal)];

    /// <summary>The networks of spec.template.spec.networks with their interfaces; multus names resolved in <paramref name="vmNamespace"/>.</summary>
    public static IReadOnlyList<NetworkUse> Networks(JsonObject vm, string vmNamespace)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var interfaces = JsonPaths.Objects(vm, "spec", "template", "spec", "domain", "devices", "interfaces").ToList();
        return
        [
            .. JsonPaths.Objects(vm, "spec", "template", "spec", "networks").Select(n =>
            {
                var name = JsonPaths.String(n, "name") ?? string.Empty;
                var binding = BindingOf(interfaces.FirstOrDefault(i => JsonPaths.String(i, "name") == name));
                if (n["multus"] is JsonObject multus)
                {
                    var (ns, nad) = SplitNad(JsonPaths.String(multus, "networkName") ?? string.Empty, vmNamespace);
                    return new NetworkUse(name, false, ns, nad, JsonPaths.IsTrue(multus, "default"), binding);
                }

                return new NetworkUse(name, n["pod"] is not null, null, null, false, binding);
            }),
        ];
    }

    /// <summary>
    /// Whether KubeVirt gives the VM its default pod network without naming it: no networks and no interfaces,
    /// and <c>domain.devices.autoattachPodInterface</c> not false.
    /// </summary>
    public static bool ImplicitPodNetwork(JsonObject vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var podSpec = JsonPaths.Object(vm, "spec", "template", "spec");
        return !JsonPaths.Objects(podSpec, "networks").Any()
            && !JsonPaths.Objects(podSpec, "domain", "devices", "interfaces").Any()
            && !(JsonPaths.At(podSpec, "domain", "devices", "autoattachPodInterface") is JsonValue auto && auto.GetValueKind() == System.Text.Json.JsonValueKind.False);
    }

    /// <summary>Whether the VM joins the pod network, named or implicit (its copy joins the bubble's primary network instead).</summary>
    public static bool HasPodNetwork(JsonObject vm, string vmNamespace) =>
        ImplicitPodNetwork(vm) || Networks(vm, vmNamespace).Any(n => n.Pod);

    /// <summary>A multus networkName (<c>x</c> or <c>ns/x</c>) as namespace and name; <c>x</c> is in the VM's namespace.</summary>
    public static (string Namespace, string Name) SplitNad(string networkName, string vmNamespace)
    {
        ArgumentNullException.ThrowIfNull(networkName);
        var slash = networkName.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (vmNamespace, networkName) : (networkName[..slash], networkName[(slash + 1)..]);
    }

    /// <summary>How an interface binds: the binding plugin's name as "binding plugin x", the method key, or null.</summary>
    public static string? BindingOf(JsonObject? iface)
    {
        if (iface is null)
        {
            return null;
        }

        if (iface["binding"] is JsonNode plugin)
        {
            return "binding plugin " + (JsonPaths.String(plugin, "name") ?? "(unnamed)");
        }

        return BindingKeys().FirstOrDefault(iface.ContainsKey);
    }

    /// <summary>Whether spec.instancetype or spec.preference (<paramref name="field"/>) names a namespaced kind.</summary>
    public static bool IsNamespaced(JsonObject vm, string field)
    {
        var kind = JsonPaths.String(vm, "spec", field, "kind");
        return string.Equals(kind, "VirtualMachineInstancetype", StringComparison.OrdinalIgnoreCase)
            || string.Equals(kind, "VirtualMachinePreference", StringComparison.OrdinalIgnoreCase);
    }
}
