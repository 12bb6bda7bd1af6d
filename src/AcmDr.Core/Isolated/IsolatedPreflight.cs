using System.Text.Json.Nodes;
using AcmDr.Core.Managed;

namespace AcmDr.Core.Isolated;

/// <summary>What must hold before an isolated rehearsal creates anything, and the copy plan when it does.</summary>
public static class IsolatedPreflight
{
    /// <summary>The KubeVirt feature gate VirtualMachineSnapshots need.</summary>
    public const string SnapshotGate = "Snapshot";

    /// <summary>The network binding plugin that joins a copy to its bubble's primary user-defined network.</summary>
    public const string L2Bridge = "l2bridge";

    /// <summary>The CPU each copy's launcher and CDI pods may take beyond the VM, in the bubble's quota.</summary>
    public const long LauncherMilliCpu = 200;

    /// <summary>The memory each copy's launcher and CDI pods may take beyond the VM, in the bubble's quota.</summary>
    public const long LauncherMemory = 512 * Quantities.Mi;

    /// <summary>The rights to ask for: snapshot and clone from each production namespace, and create/delete what the bubbles hold.</summary>
    public static IReadOnlyList<AccessNeed> AccessNeeds(IEnumerable<string> productionNamespaces)
    {
        ArgumentNullException.ThrowIfNull(productionNamespaces);
        var needs = new List<AccessNeed>();
        foreach (var ns in productionNamespaces.Distinct(StringComparer.Ordinal))
        {
            needs.Add(new AccessNeed(ns, "create", "snapshot.kubevirt.io", "virtualmachinesnapshots"));
            needs.Add(new AccessNeed(ns, "get", "snapshot.kubevirt.io", "virtualmachinesnapshotcontents"));
            needs.Add(new AccessNeed(ns, "create", "cdi.kubevirt.io", "datavolumes", "source"));
            needs.Add(new AccessNeed(ns, "delete", "snapshot.kubevirt.io", "virtualmachinesnapshots"));
        }

        needs.Add(new AccessNeed(null, "create", "", "namespaces"));
        needs.Add(new AccessNeed(null, "delete", "", "namespaces"));
        needs.Add(new AccessNeed(null, "create", "kubevirt.io", "virtualmachines"));
        needs.Add(new AccessNeed(null, "create", "cdi.kubevirt.io", "datavolumes"));
        needs.Add(new AccessNeed(null, "create", "networking.k8s.io", "networkpolicies"));
        needs.Add(new AccessNeed(null, "create", "", "resourcequotas"));
        needs.Add(new AccessNeed(null, "create", "", "limitranges"));
        needs.Add(new AccessNeed(null, "create", "k8s.ovn.org", "userdefinednetworks"));
        return needs;
    }

    /// <summary>Every reason to refuse, each one line naming the VM, claim, class, network or right; empty when the run may start.</summary>
    public static IReadOnlyList<PreflightFinding> Check(PreflightFacts facts, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string>();
        var cluster = options.Cluster;

        if (facts.ExistingBubbles.Count > 0)
        {
            lines.Add($"rehearsal id {options.Id} is in use on cluster {cluster} (namespaces {string.Join(", ", facts.ExistingBubbles)}): "
                + $"choose another --id, or remove that rehearsal with acmdr rehearse --cleanup --id {options.Id}");
        }

        var present = facts.Vms.Where(v => v.Definition is not null).ToList();
        KubeVirt(lines, facts.KubeVirt, cluster, present.Any(v => VmReading.HasPodNetwork(v.Definition!, v.Vm.Vm.Namespace)));
        lines.AddRange(facts.Access.Where(a => !a.Allowed).Select(a => $"no right to {a.Need}: grant it to the user of the kubeconfig"));

        foreach (var source in facts.Vms)
        {
            if (source.Definition is null)
            {
                lines.Add($"VM {Name(source.Vm)} is not on cluster {cluster}: check that the kubeconfig context is that cluster (--context, --cluster) and the inventory row");
                continue;
            }

            Volumes(lines, source, facts, cluster);
            Networks(lines, source, facts);
            Instancetypes(lines, source);
            if (VmSizing.Of(source.Definition).Problem is { } problem)
            {
                lines.Add($"VM {Name(source.Vm)}: {problem}: fix the VM's spec");
            }
        }

        Conflicts(lines, present);
        Capacity(lines, facts, options, present);
        return [.. lines.Distinct(StringComparer.Ordinal).Select(l => new PreflightFinding(ExitCodes.Refused, l))];
    }

    /// <summary>The copy plan (call only when <see cref="Check"/> found nothing).</summary>
    public static CopyPlan Plan(PreflightFacts facts, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        var vms = new List<(VmCopyPlan Plan, JsonObject Definition)>();
        foreach (var source in facts.Vms.Where(v => v.Definition is not null).OrderBy(v => v.Vm.Tier))
        {
            var vm = source.Vm.Vm;
            var size = VmSizing.Of(source.Definition!);
            if (size.FromInstancetype)
            {
                warnings.Add($"VM {Name(source.Vm)} takes its CPU and memory from cluster instancetype {JsonPaths.String(source.Definition, "spec", "instancetype", "name")}, "
                    + "which acmdr does not read: the capacity check leaves it out and its bubble's quota does not limit CPU and memory");
            }

            var claims = VmReading.Claims(source.Definition!)
                .Select(c => facts.Claims.FirstOrDefault(f => f.Namespace == vm.Namespace && f.Name == c))
                .OfType<ClaimFacts>()
                .ToList();
            vms.Add((new VmCopyPlan(source.Vm, source.RtoMinutes, IsolatedIds.BubbleNamespace(options.Id, vm.Namespace),
                IsolatedIds.SnapshotName(options.Id, vm.Name), claims, size.MilliCpu, size.Memory), source.Definition!));
        }

        foreach (var storageClass in vms.SelectMany(v => v.Plan.Claims).Select(c => c.StorageClass).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (facts.Storage.CloneStrategies.TryGetValue(storageClass, out var strategy) && string.Equals(strategy, "copy", StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"StorageClass {storageClass}: CDI's clone strategy is copy (host-assisted): the copies' disks are copied through pods, slowly; "
                    + "set cloneStrategy csi-clone or snapshot in its StorageProfile to copy on write");
            }
        }

        var bubbles = vms.GroupBy(v => v.Plan.Vm.Vm.Namespace, StringComparer.Ordinal).Select(g => Bubble(g.Key, [.. g], options)).ToList();
        return new CopyPlan(options, bubbles, [.. vms.Select(v => v.Plan)], warnings);
    }

    /// <summary>
    /// Capacity needed at the DR site and free there: Ready, schedulable nodes labelled <c>siteLabel=DrSite</c>,
    /// their allocatable CPU and memory minus the requests of the pods bound to them.
    /// </summary>
    public static (int Nodes, long FreeMilliCpu, long FreeMemory) FreeAt(IReadOnlyList<NodeFacts> nodes, IReadOnlyList<PodRequest> pods, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(options);
        var site = nodes
            .Where(n => n.Ready && !n.Unschedulable && n.Labels.TryGetValue(options.SiteLabel, out var s) && s == options.DrSite)
            .ToList();
        var names = site.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var bound = pods.Where(p => names.Contains(p.NodeName)).ToList();
        return (site.Count,
            site.Sum(n => n.AllocatableMilliCpu) - bound.Sum(p => p.MilliCpu),
            site.Sum(n => n.AllocatableMemory) - bound.Sum(p => p.Memory));
    }

    private static BubblePlan Bubble(string productionNamespace, IReadOnlyList<(VmCopyPlan Plan, JsonObject Definition)> copies, IsolatedOptions options)
    {
        var vms = copies.Select(c => c.Plan).ToList();
        var definitions = copies.Select(c => c.Definition).ToList();
        var networks = definitions
            .SelectMany(d => VmReading.Networks(d, productionNamespace))
            .Where(n => n.NadName is not null)
            .Select(n => n.NadName!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var claims = vms.SelectMany(v => v.Claims).DistinctBy(c => c.Name, StringComparer.Ordinal).ToList();
        var unsized = definitions.Any(d => VmSizing.Of(d).FromInstancetype);
        return new BubblePlan(
            IsolatedIds.BubbleNamespace(options.Id, productionNamespace),
            productionNamespace,
            networks,
            unsized ? 0 : vms.Sum(v => v.MilliCpu + LauncherMilliCpu),
            unsized ? 0 : vms.Sum(v => v.Memory + LauncherMemory),
            vms.Count,
            claims.Sum(c => Quantities.Bytes(c.Size) ?? 0))
        {
            QuotaClaims = claims.Count,
        };
    }

    private static void KubeVirt(List<string> lines, KubeVirtFacts kubeVirt, string cluster, bool podNetwork)
    {
        if (!kubeVirt.Present)
        {
            lines.Add($"KubeVirt is not installed on cluster {cluster}: isolated copies need KubeVirt with the {SnapshotGate} feature gate");
            return;
        }

        if (kubeVirt.Phase != "Deployed")
        {
            lines.Add($"KubeVirt on cluster {cluster} is not deployed (phase {kubeVirt.Phase ?? "unknown"}): wait until it is Deployed");
        }

        if (!kubeVirt.FeatureGates.Contains(SnapshotGate, StringComparer.Ordinal))
        {
            lines.Add($"KubeVirt on cluster {cluster} lacks the {SnapshotGate} feature gate: add it to spec.configuration.developerConfiguration.featureGates");
        }

        if (podNetwork && !kubeVirt.NetworkBindings.Contains(L2Bridge, StringComparer.Ordinal))
        {
            lines.Add($"KubeVirt on cluster {cluster} has no {L2Bridge} network binding, which joins a copy to its bubble's primary user-defined network: "
                + $"register it under spec.configuration.network.binding");
        }
    }

    private static void Volumes(List<string> lines, CopySource source, PreflightFacts facts, string cluster)
    {
        var vm = Name(source.Vm);
        foreach (var volume in VmReading.Volumes(source.Definition!))
        {
            if (VmReading.IsRefused(volume.Kind))
            {
                lines.Add($"VM {vm}: volume {volume.Name} is a {volume.Kind} volume, and acmdr copies disks only: remove it from the VM or leave the VM out of the rehearsal (--app/--tier)");
            }
            else if (VmReading.IsClaim(volume.Kind))
            {
                ClaimVolume(lines, source, volume, facts, cluster);
            }
            else if (!VmReading.IsKept(volume.Kind) && !VmReading.IsDropped(volume.Kind))
            {
                lines.Add($"VM {vm}: volume {volume.Name} is of a kind acmdr does not know ({volume.Kind}): leave the VM out of the rehearsal (--app/--tier)");
            }
        }
    }

    private static void ClaimVolume(List<string> lines, CopySource source, VolumeUse volume, PreflightFacts facts, string cluster)
    {
        var vm = Name(source.Vm);
        var ns = source.Vm.Vm.Namespace;
        var claimName = volume.Claim ?? string.Empty;
        if (claimName.Length == 0)
        {
            lines.Add($"VM {vm}: volume {volume.Name} names no claim: fix the VM's spec");
            return;
        }

        var claim = facts.Claims.FirstOrDefault(c => c.Namespace == ns && c.Name == claimName);
        if (claim is null)
        {
            lines.Add($"VM {vm}: claim {ns}/{claimName} (volume {volume.Name}) is not on cluster {cluster}: the VM cannot start as it is; fix it or leave it out (--app/--tier)");
            return;
        }

        Claim(lines, vm, claim, facts.Storage, cluster);
    }

    private static void Claim(List<string> lines, string vm, ClaimFacts claim, StorageFacts storage, string cluster)
    {
        var of = $"claim {claim.Namespace}/{claim.Name} of VM {vm}";
        if (Quantities.Bytes(claim.Size) is null)
        {
            lines.Add(claim.Size is null
                ? $"VM {vm}: claim {claim.Namespace}/{claim.Name} requests no storage size, so its copy cannot be sized"
                : $"VM {vm}: claim {claim.Namespace}/{claim.Name} requests storage '{claim.Size}', which is not a quantity");
        }

        if (claim.StorageClass is not { Length: > 0 } storageClass)
        {
            lines.Add($"VM {vm}: claim {claim.Namespace}/{claim.Name} has no StorageClass, so acmdr cannot tell how to snapshot it");
            return;
        }

        if (!storage.Provisioners.TryGetValue(storageClass, out var provisioner))
        {
            lines.Add($"StorageClass {storageClass} ({of}) is not on cluster {cluster}: without it there is no driver to snapshot with; leave the VM out (--app/--tier)");
            return;
        }

        if (provisioner.Length == 0)
        {
            lines.Add($"StorageClass {storageClass} ({of}) has no provisioner, so it cannot be snapshotted");
            return;
        }

        if (!storage.SnapshotClasses.Any(c => c.Driver == provisioner))
        {
            lines.Add($"StorageClass {storageClass} ({of}) has no VolumeSnapshotClass: create one with driver {provisioner}");
        }
    }

    private static void Networks(List<string> lines, CopySource source, PreflightFacts facts)
    {
        foreach (var network in VmReading.Networks(source.Definition!, source.Vm.Vm.Namespace).Where(n => !n.Pod))
        {
            if (WhyUnmappable(network, facts.NetworkAttachments) is { } why)
            {
                lines.Add(Unmappable(source.Vm, network, why));
            }
        }
    }

    /// <summary>Why a network other than the pod network cannot be mapped to an isolated one, or null when it can.</summary>
    private static string? WhyUnmappable(NetworkUse network, IReadOnlySet<string> attachments) => network switch
    {
        { NadName: null } => "is neither the pod network nor a multus network, so it",
        { NadName.Length: 0 } => "names no NetworkAttachmentDefinition, so it",
        { NadName: IsolatedObjects.PrimaryNetwork } => $"has the name of the bubble's primary network ({IsolatedObjects.PrimaryNetwork}), so it",
        { MultusDefault: true } => "is the VM's default network (multus default), so it",
        _ when !attachments.Contains(network.Nad) => "does not exist, so it",
        { Binding: not null and not "bridge" } => $"is joined by a {network.Binding} interface, which",
        _ => null,
    };

    private static void Conflicts(List<string> lines, IReadOnlyList<CopySource> present)
    {
        foreach (var bubble in present.GroupBy(v => v.Vm.Vm.Namespace, StringComparer.Ordinal))
        {
            var uses = bubble
                .SelectMany(v => VmReading.Networks(v.Definition!, bubble.Key).Where(n => n.NadName is { Length: > 0 }).Select(n => (v.Vm, Network: n)))
                .ToList();
            foreach (var (vm, network) in uses)
            {
                var others = uses.Where(u => u.Network.NadName == network.NadName && u.Network.NadNamespace != network.NadNamespace)
                    .Select(u => u.Network.Nad)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (others.Count > 0)
                {
                    lines.Add(Unmappable(vm, network,
                        $"shares its name with NAD {string.Join(", ", others)}, used by VMs of namespace {bubble.Key} too, so it"));
                }
            }
        }
    }

    private static string Unmappable(ScopedVm vm, NetworkUse network, string why) =>
        network.NadName is null
            ? $"VM {Name(vm)}: network {network.Name} {why} cannot be mapped to an isolated network; nothing was created"
            : $"VM {Name(vm)}: network {network.Name} (NAD {network.Nad}) {why} cannot be mapped to an isolated network; nothing was created";

    private static void Instancetypes(List<string> lines, CopySource source)
    {
        foreach (var (field, what, cluster) in new[]
        {
            ("instancetype", "instancetype", "VirtualMachineClusterInstancetype"),
            ("preference", "preference", "VirtualMachineClusterPreference"),
        })
        {
            if (VmReading.IsNamespaced(source.Definition!, field))
            {
                lines.Add($"VM {Name(source.Vm)} uses the namespaced {what} {source.Vm.Vm.Namespace}/{JsonPaths.String(source.Definition, "spec", field, "name")}, "
                    + $"which its copy's namespace does not have: use a cluster {what} ({cluster}) or leave the VM out of the rehearsal (--app/--tier)");
            }
        }
    }

    private static void Capacity(List<string> lines, PreflightFacts facts, IsolatedOptions options, IReadOnlyList<CopySource> present)
    {
        var sizes = present.Select(v => VmSizing.Of(v.Definition!)).ToList();
        var needCpu = sizes.Sum(s => s.MilliCpu);
        var needMemory = sizes.Sum(s => s.Memory);
        var (nodes, freeCpu, freeMemory) = FreeAt(facts.Nodes, facts.Pods, options);
        if (nodes == 0)
        {
            lines.Add($"no Ready, schedulable node of cluster {options.Cluster} is labelled {options.SiteLabel}={options.DrSite}: the copies have nowhere to run");
            return;
        }

        var on = $"{nodes} Ready, schedulable node{(nodes == 1 ? "" : "s")}";
        if (freeCpu < needCpu)
        {
            lines.Add($"site {options.DrSite} has {Quantities.ShowCpu(Math.Max(0, freeCpu))} free on {on} and the copies request {Quantities.ShowCpu(needCpu)}: "
                + "free some, or copy fewer VMs (--app/--tier)");
        }

        if (freeMemory < needMemory)
        {
            lines.Add($"site {options.DrSite} has {Quantities.ShowBytes(Math.Max(0, freeMemory))} memory free on {on} and the copies request {Quantities.ShowBytes(needMemory)}: "
                + "free some, or copy fewer VMs (--app/--tier)");
        }
    }

    private static string Name(ScopedVm vm) => $"{vm.Vm.Namespace}/{vm.Vm.Name}";

}
