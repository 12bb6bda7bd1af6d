using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>CDI: a DataVolume cloned from a VolumeSnapshot becomes a bound claim on a new volume.</summary>
public sealed partial class SimulatedIsolation
{
    private const string SourceVmLabel = "rehearsal.acmdr.io/source-vm";

    private void StepCopies(ObjectStore store, DateTimeOffset now)
    {
        foreach (var dataVolume in List(ApiResource.DataVolumes))
        {
            var phase = Text(dataVolume["status"]?["phase"]);
            if (phase is "Succeeded" or "Failed" || (phase == "PendingPopulation" && WaitsForConsumer(dataVolume)) || dataVolume["spec"]?["source"]?["snapshot"] is not JsonObject source)
            {
                continue;
            }

            var ns = Namespace(dataVolume)!;
            var name = Name(dataVolume);
            var sourceNs = Text(source["namespace"]) ?? ns;
            var sourceName = Text(source["name"]);
            if (phase is null)
            {
                Record($"copy started {ns}/{name}");
            }

            var volumeSnapshot = Find(ApiResource.VolumeSnapshots, sourceNs, sourceName);
            if (volumeSnapshot is null)
            {
                FailCopy(ns, name, $"VolumeSnapshot {sourceNs}/{sourceName} not found", now);
                continue;
            }

            if (WaitsForConsumer(dataVolume))
            {
                if (phase is null)
                {
                    Update(ApiResource.DataVolumes, ns, name, d => d["status"] = new JsonObject
                    {
                        ["phase"] = "PendingPopulation",
                        ["progress"] = "N/A",
                        ["claimName"] = name,
                        ["conditions"] = new JsonArray(
                            Condition("Bound", false, "Pending", "PVC " + name + " Pending", now),
                            Condition("Ready", false, "PendingPopulation", "PVC " + name + " Pending: waiting for first consumer", now),
                            Condition("Running", false, "WaitForFirstConsumer", "", now)),
                    });
                    Record($"copy waits for a consumer {ns}/{name}");
                }

                continue;
            }

            var elapsed = now - CreatedAt(dataVolume, now);
            if (elapsed < CopyDelay)
            {
                var percent = CopyDelay <= TimeSpan.Zero ? 0 : 100 * elapsed.TotalSeconds / CopyDelay.TotalSeconds;
                Update(ApiResource.DataVolumes, ns, name, d => d["status"] = new JsonObject
                {
                    ["phase"] = "CloneInProgress",
                    ["progress"] = string.Create(CultureInfo.InvariantCulture, $"{percent:0.00}%"),
                    ["claimName"] = name,
                    ["conditions"] = new JsonArray(
                        Condition("Bound", false, "Pending", "PVC " + name + " Pending", now),
                        Condition("Ready", false, "CloneInProgress", "", now),
                        Condition("Running", true, "CloneInProgress", "Clone from snapshot in progress", now)),
                });
                continue;
            }

            if (FailCopyOf.Names(name, $"{ns}/{name}", Text(dataVolume["metadata"]?["labels"]?[SourceVmLabel])))
            {
                FailCopy(ns, name, $"Unable to clone from VolumeSnapshot {sourceNs}/{sourceName}: simulated CSI clone error", now);
                continue;
            }

            if (Provision(store, dataVolume, volumeSnapshot) is { } refused)
            {
                var message = $"persistentvolumeclaims \"{name}\" is forbidden: {refused}";
                if (Text(dataVolume["status"]?["conditions"]?[2]?["message"]) != message)
                {
                    Update(ApiResource.DataVolumes, ns, name, d => d["status"] = new JsonObject
                    {
                        ["phase"] = "Pending",
                        ["progress"] = "N/A",
                        ["conditions"] = new JsonArray(
                            Condition("Bound", false, "", "", now),
                            Condition("Ready", false, "", "", now),
                            Condition("Running", false, "ErrExceededQuota", message, now)),
                    });
                    Record($"copy refused {ns}/{name}: {message}");
                }

                continue;
            }

            Update(ApiResource.DataVolumes, ns, name, d => d["status"] = new JsonObject
            {
                ["phase"] = "Succeeded",
                ["progress"] = "100.0%",
                ["claimName"] = name,
                ["conditions"] = new JsonArray(
                    Condition("Bound", true, "Bound", "PVC " + name + " Bound", now),
                    Condition("Ready", true, "", "", now),
                    Condition("Running", false, "Completed", "", now)),
            });
            Record($"copy ready {ns}/{name}");
        }
    }

    /// <summary>
    /// Whether CDI waits for a pod to consume the claim before it populates it: the storage class binds
    /// WaitForFirstConsumer and the DataVolume lacks the bind.immediate annotation (nothing here ever consumes it).
    /// </summary>
    private bool WaitsForConsumer(JsonObject dataVolume)
    {
        var storage = dataVolume["spec"]?["storage"] ?? dataVolume["spec"]?["pvc"];
        var storageClass = Find(ApiResource.StorageClasses, null, Text(storage?["storageClassName"]));
        return Text(storageClass?["volumeBindingMode"]) == "WaitForFirstConsumer"
            && Text(dataVolume["metadata"]?["annotations"]?["cdi.kubevirt.io/storage.bind.immediate.requested"]) != "true";
    }

    /// <summary>The DataVolume's claim (owned by it, named as it) bound to a new volume of the claim's storage class; the quota's refusal instead when it does not fit.</summary>
    private string? Provision(ObjectStore store, JsonObject dataVolume, JsonObject volumeSnapshot)
    {
        var ns = Namespace(dataVolume)!;
        var name = Name(dataVolume);
        var storage = dataVolume["spec"]?["storage"] as JsonObject ?? dataVolume["spec"]?["pvc"] as JsonObject ?? [];
        var storageClass = Text(storage["storageClassName"]) ?? List(ApiResource.StorageClasses).Select(Name).FirstOrDefault();
        var size = Text(storage["resources"]?["requests"]?["storage"]) ?? Text(volumeSnapshot["status"]?["restoreSize"]) ?? "1Gi";
        var accessModes = storage["accessModes"]?.DeepClone() ?? new JsonArray("ReadWriteOnce");
        var volumeMode = Text(storage["volumeMode"]) ?? "Filesystem";
        if (ClaimQuota(ns, Quantity(size) ?? 0) is { } refused)
        {
            return refused;
        }

        var volumeName = "pvc-" + Guid.NewGuid().ToString();
        var claim = store.Put(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = dataVolume["metadata"]?["labels"]?.DeepClone(),
                ["ownerReferences"] = new JsonArray(OwnerReference(dataVolume)),
            },
            ["spec"] = new JsonObject
            {
                ["accessModes"] = accessModes.DeepClone(),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } },
                ["storageClassName"] = storageClass,
                ["volumeMode"] = volumeMode,
                ["volumeName"] = volumeName,
                ["dataSource"] = new JsonObject { ["apiGroup"] = "snapshot.storage.k8s.io", ["kind"] = "VolumeSnapshot", ["name"] = Name(volumeSnapshot) },
            },
            ["status"] = new JsonObject
            {
                ["phase"] = "Bound",
                ["accessModes"] = accessModes.DeepClone(),
                ["capacity"] = new JsonObject { ["storage"] = size },
            },
        });
        var driver = Text(Find(ApiResource.StorageClasses, null, storageClass)?["provisioner"]) ?? "unknown.csi.driver";
        store.Put(IsolationWorld.BoundVolume(volumeName, ns, name, Uid(claim), storageClass, size, accessModes, volumeMode, driver, "Delete"));
        return null;
    }

    private void FailCopy(string ns, string name, string message, DateTimeOffset now)
    {
        Update(ApiResource.DataVolumes, ns, name, d => d["status"] = new JsonObject
        {
            ["phase"] = "Failed",
            ["progress"] = "N/A",
            ["conditions"] = new JsonArray(
                Condition("Bound", false, "", "", now),
                Condition("Ready", false, "", "", now),
                Condition("Running", false, "Error", message, now)),
        });
        Record($"copy failed {ns}/{name}: {message}");
    }
}
