using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>The namespace controller, the garbage collector and the PV binder's release of volumes.</summary>
public sealed partial class SimulatedIsolation
{
    /// <summary>DELETE of a namespace: it reads Terminating until a step <see cref="TerminationDelay"/> later removes it and everything in it.</summary>
    private JsonObject DeleteNamespace(ObjectStore store, string name)
    {
        var type = server.Registry.Find("", "v1", "namespaces")!;
        if (Find(ApiResource.Namespaces, null, name) is null)
        {
            throw KubeApiException.NotFound(type, name);
        }

        var now = clock.GetUtcNow();
        var marked = store.Update("", "v1", "namespaces", null, name, ns =>
        {
            var metadata = (JsonObject)ns["metadata"]!;
            metadata["deletionTimestamp"] ??= Timestamp(now);
            ns["status"] = new JsonObject { ["phase"] = "Terminating" };
        });
        lock (gate)
        {
            if (terminating.TryAdd(name, (steps, now)))
            {
                Record($"namespace terminating {name}");
            }
        }

        return marked;
    }

    /// <summary>Admission of a create in a namespace: 404 when the namespace is not there, 403 while it terminates.</summary>
    private KubeApiException? AdmitCreate(string method, string path, ObjectStore store)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "namespaces");
        if (method != "POST" || at < 0 || segments.Length != at + 3)
        {
            return null;
        }

        var ns = segments[at + 1];
        var found = store.Get("", "v1", "namespaces", null, ns);
        if (found is null)
        {
            Record($"refused create of {segments[^1]} in missing namespace {ns}");
            return KubeApiException.NotFound(server.Registry.Find("", "v1", "namespaces")!, ns);
        }

        if (Text(found["status"]?["phase"]) == "Terminating")
        {
            Record($"refused create of {segments[^1]} in terminating namespace {ns}");
            return new KubeApiException(403, "Forbidden", $"{segments[^1]} is forbidden: unable to create new content in namespace {ns} because it is being terminated");
        }

        return segments[^1] == "virtualmachines" && segments.Contains("kubevirt.io") ? AdmitVm(ns) : null;
    }

    private void StepNamespaces(ObjectStore store, DateTimeOffset now)
    {
        foreach (var ns in List(ApiResource.Namespaces).Where(n => Text(n["status"]?["phase"]) == "Terminating"))
        {
            var name = Name(ns);
            if (terminating.TryAdd(name, (steps, now)))
            {
                Record($"namespace terminating {name}");
                continue;
            }

            var (step, at) = terminating[name];
            if (step >= steps || now - at < TerminationDelay)
            {
                continue;
            }

            foreach (var type in server.Registry.All().Where(t => t.Namespaced))
            {
                foreach (var item in store.List(type.Group, type.Version, type.Plural, name))
                {
                    store.Delete(type.Group, type.Version, type.Plural, name, Name(item));
                }
            }

            store.Delete("", "v1", "namespaces", null, name);
            terminating.Remove(name);
            Record($"namespace deleted {name}");
        }
    }

    /// <summary>Deletes every object one of whose owners is gone (or was re-created under another uid), until nothing more goes.</summary>
    private void CollectGarbage(ObjectStore store)
    {
        ApiResource[] owned = [ApiResource.Instances, ApiResource.Claims, ApiResource.VmSnapshotContents, ApiResource.VolumeSnapshots, ApiResource.Pods];
        bool removed;
        do
        {
            removed = false;
            foreach (var type in owned)
            {
                foreach (var item in List(type))
                {
                    var ns = Namespace(item);
                    var orphan = item["metadata"]?["ownerReferences"]?.AsArray().OfType<JsonObject>().Any(owner =>
                    {
                        var ownerType = server.Registry.FindByKind(Text(owner["apiVersion"]) ?? "", Text(owner["kind"]) ?? "");
                        if (ownerType is null)
                        {
                            return false;
                        }

                        var found = store.Get(ownerType.Group, ownerType.Version, ownerType.Plural, ownerType.Namespaced ? ns : null, Text(owner["name"]) ?? "");
                        return found is null || Uid(found) != Text(owner["uid"]);
                    }) ?? false;
                    if (orphan)
                    {
                        removed |= Delete(type, ns, Name(item));
                    }
                }
            }
        }
        while (removed);
    }

    /// <summary>A bound PV whose claim is gone is deleted (reclaim policy Delete) or left Released (Retain, or <see cref="RetainPvOf"/>).</summary>
    private void StepVolumes(ObjectStore store)
    {
        foreach (var volume in List(ApiResource.Volumes))
        {
            if (Text(volume["status"]?["phase"]) != "Bound" || volume["spec"]?["claimRef"] is not JsonObject claimRef)
            {
                continue;
            }

            var ns = Text(claimRef["namespace"]);
            var claimName = Text(claimRef["name"]);
            var claim = Find(ApiResource.Claims, ns, claimName);
            var uid = Text(claimRef["uid"]);
            if (claim is not null && (uid is null || uid == Uid(claim)))
            {
                continue;
            }

            var name = Name(volume);
            if (RetainPvOf.Names(claimName, $"{ns}/{claimName}") || Text(volume["spec"]?["persistentVolumeReclaimPolicy"]) == "Retain")
            {
                store.Update("", "v1", "persistentvolumes", null, name, v => v["status"] = new JsonObject
                {
                    ["phase"] = "Released",
                    ["message"] = $"claim {ns}/{claimName} was deleted",
                });
                Record($"pv released {name} ({ns}/{claimName})");
            }
            else
            {
                store.Delete("", "v1", "persistentvolumes", null, name);
                Record($"pv deleted {name} ({ns}/{claimName})");
            }
        }
    }
}
