using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>virt-controller for the copies: a VM in a bubble starts once its volumes are ready.</summary>
public sealed partial class SimulatedIsolation
{
    private void StepBoots(ObjectStore store, DateTimeOffset now)
    {
        foreach (var vm in List(ApiResource.VirtualMachines))
        {
            var ns = Namespace(vm)!;
            var name = Name(vm);
            if (!ns.StartsWith(BubblePrefix, StringComparison.Ordinal) || !ShouldRun(vm))
            {
                continue;
            }

            var instance = Find(ApiResource.Instances, ns, name);
            if (Text(instance?["status"]?["phase"]) == "Running")
            {
                continue;
            }

            var waitingFor = UnreadyVolumes(vm, ns);
            if (waitingFor.Count > 0)
            {
                SetVmStatus(ns, name, "WaitingForVolumeBinding", ready: false, $"waiting for {string.Join(", ", waitingFor)}");
                continue;
            }

            if (now - ReadySince(vm, ns, now) < BootDelay)
            {
                SetVmStatus(ns, name, "Starting", ready: false, null);
                continue;
            }

            var sourceVm = Text(vm["metadata"]?["labels"]?[SourceVmLabel]) ?? name;
            var spec = vm["spec"]?["template"]?["spec"] as JsonObject ?? [];
            var selector = spec["nodeSelector"] as JsonObject ?? [];
            var agent = !NoGuestAgent.Names(sourceVm, name, $"{ns}/{name}");
            string? node = null;
            Blocked? blocked = null;
            if (NetworkProblem(ns, name, spec) is { } network)
            {
                blocked = new("Scheduling", "Synchronized", "FailedCreate", network);
            }
            else if (LauncherQuota(ns, name, spec) is { } quota)
            {
                blocked = new("Pending", "Synchronized", "FailedCreate", $"pods \"virt-launcher-{name}\" is forbidden: {quota}");
            }
            else if (NeverBoots.Names(sourceVm, name, $"{ns}/{name}"))
            {
                blocked = new("Scheduling", "PodScheduled", "Pending", "simulated: the virt-launcher pod never starts");
            }
            else if ((node = PickNode(selector)) is null)
            {
                blocked = new("Scheduling", "PodScheduled", "Unschedulable", $"0/{List(ApiResource.Nodes).Count} nodes are available: node(s) didn't match Pod's node affinity/selector or were not ready");
            }

            if (blocked is { } same && instance is not null && Text(instance["status"]?["phase"]) == same.Phase
                && Text(instance["status"]?["conditions"]?[0]?["message"]) == same.Message)
            {
                continue;
            }

            store.Put(Instance(vm, node, agent, blocked, now));
            SetVmStatus(ns, name, node is null ? "Starting" : "Running", ready: node is not null, blocked?.Message);
            Record(node is null ? $"{blocked!.Phase.ToLowerInvariant()} {ns}/{name}: {blocked.Message}" : $"boot {ns}/{name} on {node}");
            if (node is not null)
            {
                foreach (var breach in BreachesOf(ns, name, spec))
                {
                    breaches.Enqueue(breach);
                    Record("isolation breach " + breach);
                }
            }
        }
    }

    /// <summary>
    /// Why the copy's networks cannot be attached, as virt-launcher would fail: a multus network whose
    /// NetworkAttachmentDefinition (or same-named UserDefinedNetwork, which OVN-Kubernetes renders as one) is not
    /// in the namespace it names; an l2bridge pod network without a primary UserDefinedNetwork; a masquerade or
    /// bridge pod network on a primary UserDefinedNetwork (KubeVirt binds a primary UDN with l2bridge only).
    /// </summary>
    private string? NetworkProblem(string ns, string vm, JsonObject spec)
    {
        var primary = HasPrimaryUdn(ns);
        foreach (var network in spec["networks"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var networkName = Text(network["name"]);
            var nic = spec["domain"]?["devices"]?["interfaces"]?.AsArray().OfType<JsonObject>().FirstOrDefault(i => Text(i["name"]) == networkName);
            if (network["pod"] is not null)
            {
                var binding = Text(nic?["binding"]?["name"]);
                if (binding == "l2bridge" && !primary)
                {
                    return $"VM {ns}/{vm}: interface {networkName} binds l2bridge but namespace {ns} has no primary user-defined network";
                }

                if (primary && nic?["masquerade"] is not null)
                {
                    return $"VM {ns}/{vm}: interface {networkName}: masquerade binding is not supported on a primary user-defined network";
                }
            }
            else if (Text(network["multus"]?["networkName"]) is { } target)
            {
                var (targetNs, targetName) = SplitNetwork(target, ns);
                if (Find(ApiResource.NetworkAttachments, targetNs, targetName) is null && Find(ApiResource.UserDefinedNetworks, targetNs, targetName) is null)
                {
                    return $"network-attachment-definitions.k8s.cni.cncf.io \"{targetName}\" not found in namespace {targetNs}";
                }
            }
        }

        return null;
    }

    /// <summary>How a running copy reaches beyond its bubble: a network of another namespace, or the cluster default network.</summary>
    private IEnumerable<string> BreachesOf(string ns, string vm, JsonObject spec)
    {
        foreach (var network in spec["networks"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (network["pod"] is not null && !HasPrimaryUdn(ns))
            {
                yield return $"{ns}/{vm}: network {Text(network["name"])} is the cluster default pod network (no primary user-defined network)";
            }
            else if (Text(network["multus"]?["networkName"]) is { } target && SplitNetwork(target, ns).Namespace != ns)
            {
                yield return $"{ns}/{vm}: network {Text(network["name"])} attaches {target} of another namespace";
            }
            else if (Text(network["multus"]?["networkName"]) is { } local && Find(ApiResource.NetworkAttachments, ns, local) is { } nad && Find(ApiResource.UserDefinedNetworks, ns, local) is null)
            {
                yield return $"{ns}/{vm}: network {Text(network["name"])} attaches NetworkAttachmentDefinition {ns}/{Name(nad)}, not an isolated user-defined network";
            }
        }
    }

    private bool HasPrimaryUdn(string ns)
    {
        var labelled = Find(ApiResource.Namespaces, null, ns)?["metadata"]?["labels"]?.AsObject().ContainsKey("k8s.ovn.org/primary-user-defined-network") ?? false;
        return labelled && List(ApiResource.UserDefinedNetworks, ns).Any(u => Text(u["spec"]?["layer2"]?["role"] ?? u["spec"]?["layer3"]?["role"]) == "Primary");
    }

    private static (string Namespace, string Name) SplitNetwork(string networkName, string ns) =>
        networkName.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? (networkName[..slash], networkName[(slash + 1)..]) : (ns, networkName);

    private static bool ShouldRun(JsonObject vm) =>
        Text(vm["spec"]?["runStrategy"]) is "Always" or "RerunOnFailure" or "Once"
        || (vm["spec"]?["running"] is JsonValue running && running.TryGetValue<bool>(out var on) && on);

    /// <summary>When the VM could start: its creation, or later when its last DataVolume succeeded (its Ready condition's time).</summary>
    private DateTimeOffset ReadySince(JsonObject vm, string ns, DateTimeOffset now)
    {
        var since = CreatedAt(vm, now);
        foreach (var volume in vm["spec"]?["template"]?["spec"]?["volumes"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var ready = Find(ApiResource.DataVolumes, ns, Text(volume["dataVolume"]?["name"]))?["status"]?["conditions"]?.AsArray()
                .FirstOrDefault(c => Text(c?["type"]) == "Ready")?["lastTransitionTime"];
            if (Parse(ready) is { } at && at > since)
            {
                since = at;
            }
        }

        return since;
    }

    /// <summary>The volumes not ready yet: a dataVolume not Succeeded, a claim not Bound.</summary>
    private List<string> UnreadyVolumes(JsonObject vm, string ns)
    {
        var waiting = new List<string>();
        foreach (var volume in vm["spec"]?["template"]?["spec"]?["volumes"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (Text(volume["dataVolume"]?["name"]) is { } dv)
            {
                if (Text(Find(ApiResource.DataVolumes, ns, dv)?["status"]?["phase"]) != "Succeeded")
                {
                    waiting.Add("DataVolume " + dv);
                }
            }
            else if (Text(volume["persistentVolumeClaim"]?["claimName"]) is { } claim
                && Text(Find(ApiResource.Claims, ns, claim)?["status"]?["phase"]) != "Bound")
            {
                waiting.Add("PersistentVolumeClaim " + claim);
            }
        }

        return waiting;
    }

    /// <summary>The Ready, schedulable node matching every nodeSelector label that runs the fewest instances; null when none.</summary>
    private string? PickNode(JsonObject selector)
    {
        var load = List(ApiResource.Instances)
            .Select(i => Text(i["status"]?["nodeName"]))
            .OfType<string>()
            .GroupBy(n => n, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return List(ApiResource.Nodes)
            .Where(n => selector.All(s => Text(n["metadata"]?["labels"]?[s.Key]) == Text(s.Value)))
            .Where(n => n["spec"]?["unschedulable"] is not JsonValue u || !u.TryGetValue<bool>(out var off) || !off)
            .Where(n => n["status"]?["conditions"]?.AsArray().Any(c => Text(c?["type"]) == "Ready" && Text(c?["status"]) == "True") ?? false)
            .Select(Name)
            .OrderBy(n => load.GetValueOrDefault(n))
            .ThenBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static JsonObject Instance(JsonObject vm, string? node, bool agent, Blocked? blocked, DateTimeOffset now)
    {
        var ns = Namespace(vm)!;
        var name = Name(vm);
        var template = vm["spec"]?["template"] as JsonObject ?? [];
        var labels = template["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        var interfaces = new JsonArray();
        foreach (var nic in template["spec"]?["domain"]?["devices"]?["interfaces"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            interfaces.Add(new JsonObject
            {
                ["name"] = Text(nic["name"]),
                ["mac"] = Text(nic["macAddress"]) ?? "02:00:00:" + Uid(vm)[..2] + ":" + Uid(vm)[2..4] + ":" + Uid(vm)[4..6],
                ["infoSource"] = agent ? "domain, guest-agent" : "domain",
            });
        }

        JsonObject status;
        if (node is null)
        {
            var why = blocked ?? new Blocked("Scheduling", "PodScheduled", "Unschedulable", "no node");
            status = new JsonObject
            {
                ["phase"] = why.Phase,
                ["conditions"] = new JsonArray(Condition(why.Type, false, why.Reason, why.Message, now), Condition("Ready", false, "PodNotExists", "virt-launcher pod has not yet been scheduled", now)),
            };
        }
        else
        {
            labels["kubevirt.io/nodeName"] = node;
            var conditions = new JsonArray(Condition("Ready", true, "", "", now), Condition("LiveMigratable", true, "", "", now));
            if (agent)
            {
                conditions.Add(Condition("AgentConnected", true, "", "", now));
            }

            status = new JsonObject
            {
                ["phase"] = "Running",
                ["nodeName"] = node,
                ["conditions"] = conditions,
                ["interfaces"] = interfaces,
                ["guestOSInfo"] = agent ? new JsonObject { ["id"] = "rhel", ["name"] = "Red Hat Enterprise Linux" } : new JsonObject(),
            };
        }

        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstance",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(OwnerReference(vm)),
            },
            ["spec"] = template["spec"]?.DeepClone(),
            ["status"] = status,
        };
    }

    private void SetVmStatus(string ns, string name, string printable, bool ready, string? message)
    {
        var current = Find(ApiResource.VirtualMachines, ns, name);
        if (Text(current?["status"]?["printableStatus"]) == printable)
        {
            return;
        }

        Update(ApiResource.VirtualMachines, ns, name, vm =>
        {
            var conditions = new JsonArray(Condition("Ready", ready, ready ? "" : printable, message ?? ""));
            vm["status"] = new JsonObject
            {
                ["printableStatus"] = printable,
                ["ready"] = ready,
                ["created"] = printable is "Running" or "Starting",
                ["conditions"] = conditions,
            };
        });
    }

    /// <summary>Why a copy's instance does not run: its phase and the condition that says so.</summary>
    private sealed record Blocked(string Phase, string Type, string Reason, string Message);
}
