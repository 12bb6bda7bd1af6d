using System.Text.Json.Nodes;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>The simulated KubeVirt's migration controller and its nodeSelector rollout.</summary>
public sealed partial class SimulatedKubeVirt
{
    private readonly Dictionary<(string Ns, string Name), SimulatedMigration> migrations = [];
    private int maxRunning;

    /// <summary>KubeVirt's <c>parallelMigrationsPerCluster</c>: more migrations than this wait Pending.</summary>
    public int ParallelMigrationsPerCluster { get; set; } = 5;

    /// <summary>The Stage rollout strategy: a VM's changed nodeSelector does not reach its running instance; the VM reads RestartRequired.</summary>
    public bool StageRollout { get; set; }

    /// <summary>Most migrations Running at once.</summary>
    public int MaxRunning => Volatile.Read(ref maxRunning);

    /// <summary>Every migration seen, in the order it appeared.</summary>
    public IReadOnlyList<SimulatedMigration> Migrations
    {
        get
        {
            lock (gate)
            {
                return [.. migrations.Values.OrderBy(m => m.Seen).ThenBy(m => m.Name, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Moves the migrations on; returns how many had not finished before this step ended any.</summary>
    private int StepMigrations(ObjectStore store, DateTimeOffset now)
    {
        foreach (var migration in store.List(Group, Version, "virtualmachineinstancemigrations").Where(m => m["status"]?["phase"] is null))
        {
            var ns = migration["metadata"]!["namespace"]!.GetValue<string>();
            var name = migration["metadata"]!["name"]!.GetValue<string>();
            var vmi = migration["spec"]!["vmiName"]!.GetValue<string>();
            if (migrations.TryAdd((ns, name), new SimulatedMigration(ns, name, vmi, now, null, null, "Pending", null)))
            {
                events.Enqueue($"migrate {vmi}");
            }

            store.Update(Group, Version, "virtualmachineinstancemigrations", ns, name, m => m["status"] = new JsonObject { ["phase"] = "Pending" });
        }

        var unfinished = migrations.Values.Count(m => !m.Finished);
        foreach (var running in migrations.Values.Where(m => m.Running && now - m.Started >= Delay).ToList())
        {
            End(store, running, now);
        }

        var slots = ParallelMigrationsPerCluster - migrations.Values.Count(m => m.Running);
        foreach (var pending in migrations.Values.Where(m => m.Started is null && !m.Finished).OrderBy(m => m.Seen).ThenBy(m => m.Name, StringComparer.Ordinal).Take(Math.Max(0, slots)).ToList())
        {
            Start(store, pending, now);
        }

        var runningNow = migrations.Values.Count(m => m.Running);
        if (runningNow > maxRunning)
        {
            Volatile.Write(ref maxRunning, runningNow);
        }

        return unfinished;
    }

    private void Start(ObjectStore store, SimulatedMigration migration, DateTimeOffset now)
    {
        var instance = store.Get(Group, Version, "virtualmachineinstances", migration.Namespace, migration.VmiName);
        if (instance is null)
        {
            migrations[(migration.Namespace, migration.Name)] = migration with { Ended = now, Phase = "Failed" };
            SetMigrationStatus(store, migration, Failed($"the VMI \"{migration.Namespace}/{migration.VmiName}\" does not exist"));
            return;
        }

        var source = instance["status"]?["nodeName"]?.GetValue<string>();
        var selector = instance["spec"]?["nodeSelector"] as JsonObject
            ?? store.Get(Group, Version, "virtualmachines", migration.Namespace, migration.VmiName)?["spec"]?["template"]?["spec"]?["nodeSelector"] as JsonObject;
        var target = TargetNode(SiteOf(selector), exceptNode: source);
        var uid = store.Get(Group, Version, "virtualmachineinstancemigrations", migration.Namespace, migration.Name)!["metadata"]!["uid"]!.GetValue<string>();
        migrations[(migration.Namespace, migration.Name)] = migration with { Started = now, Phase = "Running", TargetNode = target };
        store.Update(Group, Version, "virtualmachineinstances", migration.Namespace, migration.VmiName, i => i["status"]!["migrationState"] = new JsonObject
        {
            ["migrationUid"] = uid,
            ["sourceNode"] = source,
            ["targetNode"] = target,
            ["startTimestamp"] = Timestamp(now),
            ["completed"] = false,
        });
        SetMigrationStatus(store, migration, new JsonObject { ["phase"] = "Running" });
    }

    private void End(ObjectStore store, SimulatedMigration migration, DateTimeOffset now)
    {
        var (ns, vmi) = (migration.Namespace, migration.VmiName);
        var node = FailMigrationsOf.ContainsKey(vmi) ? null : migration.TargetNode;
        if (store.Get(Group, Version, "virtualmachineinstances", ns, vmi) is not null)
        {
            store.Update(Group, Version, "virtualmachineinstances", ns, vmi, i =>
            {
                if (node is not null)
                {
                    i["status"]!["nodeName"] = node;
                    i["metadata"]!["labels"]!["kubevirt.io/nodeName"] = node;
                }

                if (i["status"]!["migrationState"] is JsonObject state)
                {
                    state["completed"] = true;
                    state["endTimestamp"] = Timestamp(now);
                    if (node is null)
                    {
                        state["failed"] = true;
                    }
                }
            });
        }

        if (node is not null)
        {
            events.Enqueue($"arrived {vmi}");
        }

        migrations[(ns, migration.Name)] = migration with { Ended = now, Phase = node is null ? "Failed" : "Succeeded" };
        SetMigrationStatus(store, migration, node is null
            ? Failed(FailMigrationsOf.GetValueOrDefault(vmi) ?? "no target node")
            : new JsonObject { ["phase"] = "Succeeded" });
    }

    private static JsonObject Failed(string message) => new()
    {
        ["phase"] = "Failed",
        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Failed", ["status"] = "True", ["message"] = message }),
    };

    private static void SetMigrationStatus(ObjectStore store, SimulatedMigration migration, JsonObject status) =>
        store.Update(Group, Version, "virtualmachineinstancemigrations", migration.Namespace, migration.Name, m => m["status"] = status);

    /// <summary>
    /// KubeVirt's VM controller: a running instance whose nodeSelector differs from its VM's template
    /// gets the VM's (LiveUpdate, not while it migrates), or the VM reads RestartRequired (Stage).
    /// </summary>
    private void Rollout(ObjectStore store)
    {
        foreach (var vm in store.List(Group, Version, "virtualmachines"))
        {
            var ns = vm["metadata"]!["namespace"]!.GetValue<string>();
            var name = vm["metadata"]!["name"]!.GetValue<string>();
            var instance = store.Get(Group, Version, "virtualmachineinstances", ns, name);
            if (instance is null || instance["metadata"]?["deletionTimestamp"] is not null)
            {
                continue;
            }

            var wanted = vm["spec"]?["template"]?["spec"]?["nodeSelector"];
            var differs = !JsonNode.DeepEquals(wanted, instance["spec"]?["nodeSelector"]);
            if (StageRollout)
            {
                SetRestartRequired(store, vm, differs);
                continue;
            }

            var migrating = instance["status"]?["migrationState"] is JsonObject state && state["completed"]?.GetValue<bool>() != true;
            if (differs && !migrating)
            {
                store.Update(Group, Version, "virtualmachineinstances", ns, name, i => i["spec"]!["nodeSelector"] = wanted?.DeepClone());
            }
        }
    }

    private static void SetRestartRequired(ObjectStore store, JsonObject vm, bool required)
    {
        var conditions = vm["status"]?["conditions"] as JsonArray;
        var has = conditions?.Any(c => c?["type"]?.GetValue<string>() == "RestartRequired") == true;
        if (has == required)
        {
            return;
        }

        store.Update(Group, Version, "virtualmachines", vm["metadata"]!["namespace"]!.GetValue<string>(), vm["metadata"]!["name"]!.GetValue<string>(), v =>
        {
            if (v["status"] is not JsonObject status)
            {
                status = [];
                v["status"] = status;
            }

            if (status["conditions"] is not JsonArray list)
            {
                list = [];
                status["conditions"] = list;
            }

            if (required)
            {
                list.Add(new JsonObject { ["type"] = "RestartRequired", ["status"] = "True", ["message"] = "a non-live-updatable field was changed in the template spec" });
            }
            else
            {
                foreach (var c in list.Where(c => c?["type"]?.GetValue<string>() == "RestartRequired").ToList())
                {
                    list.Remove(c);
                }
            }
        });
    }
}
