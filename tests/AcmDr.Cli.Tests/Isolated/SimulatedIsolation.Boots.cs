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
            if (LauncherQuota(ns, name, spec) is { } quota)
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
            events.Enqueue(node is null ? $"{blocked!.Phase.ToLowerInvariant()} {ns}/{name}: {blocked.Message}" : $"boot {ns}/{name} on {node}");
        }
    }

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
