using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Just enough KubeVirt for relocation. A migration object that appears is Pending; at most
/// <see cref="ParallelMigrationsPerCluster"/> run at once (KubeVirt's limit), the rest stay Pending. A
/// running one sets the instance's <c>status.migrationState</c> and ends after <see cref="Delay"/> by
/// moving the instance to a Ready node of the site its instance's nodeSelector names (the VM's when the
/// instance has none), or fails, on request. The VM's nodeSelector reaches its running instance as with
/// the LiveUpdate rollout strategy (never while it migrates); with <see cref="StageRollout"/> the VM reads
/// RestartRequired instead. A restart, as in KubeVirt, deletes the instance gracefully: it keeps running
/// with a deletionTimestamp and the VM reads Stopping for half the delay, then it is gone (Starting),
/// then it is recreated there. It records the order in which it saw migrations appear and VMs arrive,
/// each migration's timeline, and the most moves it ever had in flight and running at once.
/// Time is the injected clock's; the simulator acts before the server handles each request (and when
/// the test calls <see cref="Step"/>), so what a request reads is what the cluster looks like at that
/// moment of the clock.
/// </summary>
public sealed partial class SimulatedKubeVirt
{
    private const string Group = "kubevirt.io";
    private const string Version = "v1";
    private readonly FakeApiServer server;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
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
                    i => i["metadata"]!["deletionTimestamp"] = Timestamp(now));
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

    /// <summary>Most moves (unfinished migrations and restarts) in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>"migrate VM" (a migration object appeared), "restart VM" and "arrived VM" in the order the simulator saw them.</summary>
    public IReadOnlyList<string> Events => [.. events];

    /// <summary>Advances the cluster to the clock's time: what KubeVirt would have done by now.</summary>
    public void Step()
    {
        lock (gate)
        {
            var store = this.server.Store;
            var now = this.clock.GetUtcNow();
            Rollout(store);
            var inFlight = StepMigrations(store, now) + restarts.Count;
            if (inFlight > maxInFlight)
            {
                Volatile.Write(ref maxInFlight, inFlight);
            }

            StepRestarts(store, now);
        }
    }

    private void StepRestarts(ObjectStore store, DateTimeOffset now)
    {
        foreach (var ((ns, name), at) in restarts)
        {
            if (now - at >= Delay / 2 && store.Delete(Group, Version, "virtualmachineinstances", ns, name))
            {
                SetPrintableStatus(store, ns, name, "Starting");
            }

            var vm = store.Get(Group, Version, "virtualmachines", ns, name);
            var selector = vm?["spec"]?["template"]?["spec"]?["nodeSelector"] as JsonObject;
            if (now - at >= Delay && TargetNode(SiteOf(selector), exceptNode: null) is { } node)
            {
                store.Put(ClusterObjects.Instance(ns, name, node, nodeSelector: selector));
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

    private static string? SiteOf(JsonNode? selector) => selector?[ClusterObjects.SiteLabel]?.GetValue<string>();

    /// <summary>The first Ready node of <paramref name="site"/> other than <paramref name="exceptNode"/>.</summary>
    private string? TargetNode(string? site, string? exceptNode) =>
        this.server.Store.List("", "v1", "nodes", labelSelector: $"{ClusterObjects.SiteLabel}={site}")
            .Where(n => n["status"]!["conditions"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() == "Ready" && c["status"]!.GetValue<string>() == "True"))
            .Select(n => n["metadata"]!["name"]!.GetValue<string>())
            .FirstOrDefault(n => n != exceptNode);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
