using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Isolated;

/// <summary>
/// Reads from the managed cluster everything <see cref="IsolatedPreflight.Check"/> decides on, and
/// writes nothing: the VMs of the scope, the claims they use, storage and snapshot classes, the
/// network attachments they name, the rights (SelfSubjectAccessReviews, the only POSTs), the DR
/// site's nodes and the pods bound there, KubeVirt's CR and whether the id is already in use.
/// </summary>
public sealed class PreflightReads(IClusterObjects cluster)
{
    public async Task<PreflightFacts> ReadAsync(IReadOnlyList<(ScopedVm Vm, int? RtoMinutes)> scope, IsolatedOptions options, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(options);
        // One paged LIST per production namespace for the VMs, their claims and attachments (not a GET
        // per object: a round trip each); an attachment in another namespace is read by name.
        var namespaces = scope.Select(s => s.Vm.Vm.Namespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var definitions = new Dictionary<(string, string), JsonObject>();
        var claimObjects = new Dictionary<(string, string), JsonObject>();
        var attachments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            foreach (var vm in await cluster.ListAsync(ApiResource.VirtualMachines, ns, null, cancel))
            {
                definitions[(ns, KubeJson.Text(vm["metadata"]?["name"]) ?? string.Empty)] = vm;
            }

            foreach (var claim in await cluster.ListAsync(ApiResource.Claims, ns, null, cancel))
            {
                claimObjects[(ns, KubeJson.Text(claim["metadata"]?["name"]) ?? string.Empty)] = claim;
            }

            foreach (var attachment in await cluster.ListAsync(ApiResource.NetworkAttachments, ns, null, cancel))
            {
                attachments.Add($"{ns}/{KubeJson.Text(attachment["metadata"]?["name"])}");
            }
        }

        var vms = scope.Select(s => new CopySource(s.Vm, s.RtoMinutes, definitions.GetValueOrDefault((s.Vm.Vm.Namespace, s.Vm.Vm.Name)))).ToList();
        var claims = vms.Where(v => v.Definition is not null)
            .SelectMany(v => ClaimNames(v.Vm.Vm.Namespace, v.Definition!))
            .Distinct()
            .Where(claimObjects.ContainsKey)
            .Select(c => Claim(c.Namespace, c.Name, claimObjects[c]))
            .ToList();
        foreach (var reference in vms.Where(v => v.Definition is not null).SelectMany(v => AttachmentNames(v.Vm.Vm.Namespace, v.Definition!)).Distinct(StringComparer.Ordinal))
        {
            var slash = reference.IndexOf('/', StringComparison.Ordinal);
            if (!namespaces.Contains(reference[..slash], StringComparer.Ordinal)
                && await cluster.GetAsync(ApiResource.NetworkAttachments, reference[..slash], reference[(slash + 1)..], cancel) is not null)
            {
                attachments.Add(reference);
            }
        }

        var storage = await StorageAsync(cancel);
        var needs = IsolatedPreflight.AccessNeeds(namespaces);
        var access = new List<AccessResult>();
        foreach (var need in needs)
        {
            access.Add(new AccessResult(need, await cluster.CanAsync(need, cancel)));
        }

        var nodes = (await cluster.ListAsync(ApiResource.Nodes, null, null, cancel)).Select(Node).ToList();
        var drNodes = nodes.Where(n => n.Labels.TryGetValue(options.SiteLabel, out var site) && site == options.DrSite).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var pods = (await cluster.ListAsync(ApiResource.Pods, null, null, cancel))
            .Where(p => KubeJson.Text(p["spec"]?["nodeName"]) is { } node && drNodes.Contains(node))
            .Where(p => KubeJson.Text(p["status"]?["phase"]) is not ("Succeeded" or "Failed"))
            .Select(Pod)
            .ToList();
        var kubevirts = await cluster.ListAsync(ApiResource.KubeVirts, null, null, cancel);
        var kubevirt = KubeVirt(kubevirts.Count > 0 ? kubevirts[0] : null);
        var existing = (await cluster.ListAsync(ApiResource.Namespaces, null, $"{IsolatedLabels.Rehearsal}={options.Id}", cancel))
            .Select(n => KubeJson.Text(n["metadata"]?["name"]) ?? string.Empty)
            .ToList();
        return new PreflightFacts(vms, claims, storage, access, attachments, nodes, pods, kubevirt, existing);
    }

    /// <summary>The claims a VM's volumes name: dataVolume.name and persistentVolumeClaim.claimName.</summary>
    public static IEnumerable<(string Namespace, string Name)> ClaimNames(string ns, JsonObject vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        foreach (var volume in Volumes(vm))
        {
            if (KubeJson.Text(volume["dataVolume"]?["name"]) is { } dv)
            {
                yield return (ns, dv);
            }
            else if (KubeJson.Text(volume["persistentVolumeClaim"]?["claimName"]) is { } claim)
            {
                yield return (ns, claim);
            }
        }
    }

    /// <summary>The network attachments a VM's multus networks name, as "namespace/name" (a bare name is in the VM's namespace).</summary>
    public static IEnumerable<string> AttachmentNames(string ns, JsonObject vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var networks = vm["spec"]?["template"]?["spec"]?["networks"] as JsonArray ?? [];
        foreach (var network in networks.OfType<JsonObject>())
        {
            if (KubeJson.Text(network["multus"]?["networkName"]) is { Length: > 0 } name)
            {
                yield return name.Contains('/', StringComparison.Ordinal) ? name : $"{ns}/{name}";
            }
        }
    }

    private static IEnumerable<JsonObject> Volumes(JsonObject vm) =>
        (vm["spec"]?["template"]?["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>();

    private static ClaimFacts Claim(string ns, string name, JsonObject claim)
    {
        var spec = claim["spec"];
        var modes = (spec?["accessModes"] as JsonArray ?? []).Select(KubeJson.Text).OfType<string>().ToList();
        return new ClaimFacts(ns, name, KubeJson.Text(spec?["storageClassName"]), KubeJson.Text(spec?["resources"]?["requests"]?["storage"]), modes,
            KubeJson.Text(spec?["volumeMode"]));
    }

    private async Task<StorageFacts> StorageAsync(CancellationToken cancel)
    {
        var provisioners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var storageClass in await cluster.ListAsync(ApiResource.StorageClasses, null, null, cancel))
        {
            if (KubeJson.Text(storageClass["metadata"]?["name"]) is { } name && KubeJson.Text(storageClass["provisioner"]) is { } provisioner)
            {
                provisioners[name] = provisioner;
            }
        }

        var snapshotClasses = (await cluster.ListAsync(ApiResource.SnapshotClasses, null, null, cancel))
            .Select(c => (Name: KubeJson.Text(c["metadata"]?["name"]), Driver: KubeJson.Text(c["driver"])))
            .Where(c => c.Name is not null && c.Driver is not null)
            .Select(c => new SnapshotClassFacts(c.Name!, c.Driver!))
            .ToList();
        var strategies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var profile in await cluster.ListAsync(ApiResource.StorageProfiles, null, null, cancel))
        {
            if (KubeJson.Text(profile["metadata"]?["name"]) is { } name && KubeJson.Text(profile["status"]?["cloneStrategy"]) is { } strategy)
            {
                strategies[name] = strategy;
            }
        }

        return new StorageFacts(provisioners, snapshotClasses, strategies);
    }

    private static NodeFacts Node(JsonObject node)
    {
        var labels = (node["metadata"]?["labels"] as JsonObject ?? [])
            .Where(l => KubeJson.Text(l.Value) is not null)
            .ToDictionary(l => l.Key, l => KubeJson.Text(l.Value)!, StringComparer.Ordinal);
        var allocatable = node["status"]?["allocatable"];
        return new NodeFacts(
            KubeJson.Text(node["metadata"]?["name"]) ?? string.Empty,
            labels,
            KubeJson.ConditionIsTrue(node, "Ready"),
            node["spec"]?["unschedulable"] is JsonValue value && value.TryGetValue<bool>(out var unschedulable) && unschedulable,
            Quantities.MilliCpu(KubeJson.Text(allocatable?["cpu"])) ?? 0,
            Quantities.Bytes(KubeJson.Text(allocatable?["memory"])) ?? 0);
    }

    /// <summary>A pod's effective requests as the scheduler counts them: the larger of its containers' sum and its largest init container, plus its overhead.</summary>
    private static PodRequest Pod(JsonObject pod)
    {
        var spec = pod["spec"];
        var (cpu, memory) = Sum(spec?["containers"] as JsonArray);
        foreach (var init in (spec?["initContainers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var (initCpu, initMemory) = Requests(init["resources"]?["requests"]);
            cpu = Math.Max(cpu, initCpu);
            memory = Math.Max(memory, initMemory);
        }

        var (overheadCpu, overheadMemory) = Requests(spec?["overhead"]);
        return new PodRequest(KubeJson.Text(spec?["nodeName"])!, cpu + overheadCpu, memory + overheadMemory);
    }

    private static (long Cpu, long Memory) Sum(JsonArray? containers)
    {
        long cpu = 0, memory = 0;
        foreach (var container in (containers ?? []).OfType<JsonObject>())
        {
            var (c, m) = Requests(container["resources"]?["requests"]);
            cpu += c;
            memory += m;
        }

        return (cpu, memory);
    }

    private static (long Cpu, long Memory) Requests(JsonNode? requests) =>
        (Quantities.MilliCpu(KubeJson.Text(requests?["cpu"])) ?? 0, Quantities.Bytes(KubeJson.Text(requests?["memory"])) ?? 0);

    private static KubeVirtFacts KubeVirt(JsonObject? kubevirt)
    {
        if (kubevirt is null)
        {
            return new KubeVirtFacts(false, null, [], []);
        }

        var configuration = kubevirt["spec"]?["configuration"];
        var gates = (configuration?["developerConfiguration"]?["featureGates"] as JsonArray ?? []).Select(KubeJson.Text).OfType<string>().ToList();
        var bindings = (configuration?["network"]?["binding"] as JsonObject ?? []).Select(b => b.Key).ToList();
        return new KubeVirtFacts(true, KubeJson.Text(kubevirt["status"]?["phase"]), gates, bindings);
    }
}
