using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Just enough KubeVirt for relocation: a migration completes after <see cref="Delay"/> by moving the
/// instance to a Ready node of the site its VM's nodeSelector names (or fails, on request). A restart,
/// as in KubeVirt, deletes the instance gracefully: it keeps running with a deletionTimestamp and the
/// VM reads Stopping for half the delay, then it is gone (Starting), then it is recreated there. It records the order in which
/// it saw migrations start and VMs arrive, and the most moves it ever had in flight at once.
/// Time is the injected clock's; the simulator acts before the server handles each request, so what a
/// request reads is what the cluster looks like at that moment of the clock.
/// </summary>
public sealed class SimulatedKubeVirt
{
    private const string Group = "kubevirt.io";
    private const string Version = "v1";
    private readonly FakeApiServer server;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, DateTimeOffset> migrationsSeen = new();
    private readonly ConcurrentDictionary<(string Ns, string Name), DateTimeOffset> restarts = new();
    private readonly ConcurrentQueue<string> events = new();
    private int maxInFlight;

    public SimulatedKubeVirt(FakeApiServer server, TimeProvider clock, TimeSpan delay)
    {
        this.server = server;
        this.clock = clock;
        Delay = delay;
        server.Routes.Map("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}/restart", (store, values) =>
        {
            var (ns, name) = (values["namespace"], values["name"]);
            if (store.Get(Group, Version, "virtualmachines", ns, name) is null)
            {
                throw new KubeApiException(404, "NotFound", $"virtualmachines.kubevirt.io \"{name}\" not found");
            }

            var now = this.clock.GetUtcNow();
            if (store.Get(Group, Version, "virtualmachineinstances", ns, name) is not null)
            {
                store.Update(Group, Version, "virtualmachineinstances", ns, name,
                    i => i["metadata"]!["deletionTimestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            }

            SetPrintableStatus(store, ns, name, "Stopping");
            restarts[(ns, name)] = now;
            events.Enqueue($"restart {name}");
            return new JsonObject();
        });
        server.Faults.Add(FaultRule.Before(null, "", _ => Step(), times: null));
    }

    public TimeSpan Delay { get; set; }

    /// <summary>VM names whose migrations fail.</summary>
    public ConcurrentDictionary<string, string> FailMigrationsOf { get; } = new();

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>"migrate VM", "restart VM" and "arrived VM" in the order the simulator saw them.</summary>
    public IReadOnlyList<string> Events => [.. events];

    private void Step()
    {
        var store = this.server.Store;
        var now = this.clock.GetUtcNow();
        var open = store.List(Group, Version, "virtualmachineinstancemigrations")
            .Where(m => m["status"]?["phase"] is null)
            .ToList();
        foreach (var migration in open)
        {
            var name = migration["metadata"]!["name"]!.GetValue<string>();
            if (migrationsSeen.TryAdd(name, now))
            {
                events.Enqueue($"migrate {migration["spec"]!["vmiName"]}");
            }
        }

        var inFlight = open.Count + restarts.Count;
        if (inFlight > maxInFlight)
        {
            Volatile.Write(ref maxInFlight, inFlight);
        }

        foreach (var migration in open)
        {
            var name = migration["metadata"]!["name"]!.GetValue<string>();
            if (now - migrationsSeen[name] < Delay)
            {
                continue;
            }

            var ns = migration["metadata"]!["namespace"]!.GetValue<string>();
            var vmi = migration["spec"]!["vmiName"]!.GetValue<string>();
            var node = FailMigrationsOf.ContainsKey(vmi) ? null : TargetNode(ns, vmi);
            if (node is not null)
            {
                store.Update(Group, Version, "virtualmachineinstances", ns, vmi, i =>
                {
                    i["status"]!["nodeName"] = node;
                    i["metadata"]!["labels"]!["kubevirt.io/nodeName"] = node;
                });
                events.Enqueue($"arrived {vmi}");
            }

            store.Update(Group, Version, "virtualmachineinstancemigrations", ns, name, m => m["status"] = node is null
                ? new JsonObject
                {
                    ["phase"] = "Failed",
                    ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Failed", ["status"] = "True", ["message"] = FailMigrationsOf.GetValueOrDefault(vmi) ?? "no target node" }),
                }
                : new JsonObject { ["phase"] = "Succeeded" });
        }

        foreach (var ((ns, name), at) in restarts)
        {
            if (now - at >= Delay / 2 && store.Delete(Group, Version, "virtualmachineinstances", ns, name))
            {
                SetPrintableStatus(store, ns, name, "Starting");
            }

            if (now - at >= Delay && TargetNode(ns, name) is { } node)
            {
                store.Put(ClusterObjects.Instance(ns, name, node));
                SetPrintableStatus(store, ns, name, "Running");
                restarts.TryRemove((ns, name), out _);
                events.Enqueue($"arrived {name}");
            }
        }
    }

    private static void SetPrintableStatus(ObjectStore store, string ns, string name, string status) =>
        store.Update(Group, Version, "virtualmachines", ns, name, vm =>
        {
            if (vm["status"] is JsonObject known)
            {
                known["printableStatus"] = status;
            }
            else
            {
                vm["status"] = new JsonObject { ["printableStatus"] = status };
            }
        });

    private string? TargetNode(string ns, string vm)
    {
        var site = this.server.Store.Get(Group, Version, "virtualmachines", ns, vm)?["spec"]?["template"]?["spec"]?["nodeSelector"]?[ClusterObjects.SiteLabel]?.GetValue<string>();
        return this.server.Store.List("", "v1", "nodes", labelSelector: $"{ClusterObjects.SiteLabel}={site}")
            .Where(n => n["status"]!["conditions"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() == "Ready" && c["status"]!.GetValue<string>() == "True"))
            .Select(n => n["metadata"]!["name"]!.GetValue<string>())
            .FirstOrDefault();
    }
}
