using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>The snapshot controller: VirtualMachineSnapshot to content and VolumeSnapshots.</summary>
public sealed partial class SimulatedIsolation
{
    /// <summary>The content's name, as KubeVirt names it after the snapshot's uid.</summary>
    public static string ContentName(JsonObject snapshot) => "vmsnapshot-content-" + Uid(snapshot);

    /// <summary>A volume's VolumeSnapshot name, as KubeVirt names it after the snapshot's uid and the VM's volume.</summary>
    public static string VolumeSnapshotName(JsonObject snapshot, string volumeName) => $"vmsnapshot-{Uid(snapshot)}-volume-{volumeName}";

    private void StepSnapshots(ObjectStore store, DateTimeOffset now)
    {
        foreach (var snapshot in List(ApiResource.VmSnapshots))
        {
            var phase = Text(snapshot["status"]?["phase"]);
            if (phase is "Succeeded" or "Failed")
            {
                continue;
            }

            var ns = Namespace(snapshot)!;
            var name = Name(snapshot);
            var vmName = Text(snapshot["spec"]?["source"]?["name"]);
            var vm = Find(ApiResource.VirtualMachines, ns, vmName);
            if (phase is null)
            {
                Record($"snapshot started {ns}/{name}");
                Update(ApiResource.VmSnapshots, ns, name, s => s["status"] = new JsonObject
                {
                    ["phase"] = "InProgress",
                    ["readyToUse"] = false,
                    ["sourceUID"] = vm is null ? null : Uid(vm),
                    ["conditions"] = new JsonArray(Condition("Progressing", true, "InProgress", "Source locked and operation in progress", now), Condition("Ready", false, "NotReady", "Not ready", now)),
                });
            }

            if (vm is null || Text(snapshot["spec"]?["source"]?["kind"]) is not "VirtualMachine")
            {
                FailSnapshot(ns, name, $"VirtualMachine {ns}/{vmName} does not exist", now);
                continue;
            }

            if (now - CreatedAt(snapshot, now) < SnapshotDelay)
            {
                continue;
            }

            if (FailSnapshotOf.Names(vmName, $"{ns}/{vmName}"))
            {
                FailSnapshot(ns, name, $"Failed to create snapshot of {ns}/{vmName}: simulated CSI snapshot error", now);
                continue;
            }

            var problem = TakeSnapshot(store, snapshot, vm, now, out var indications);
            if (problem is not null)
            {
                FailSnapshot(ns, name, problem, now);
                continue;
            }

            Update(ApiResource.VmSnapshots, ns, name, s =>
            {
                s["status"] = new JsonObject
                {
                    ["phase"] = "Succeeded",
                    ["readyToUse"] = true,
                    ["sourceUID"] = Uid(vm),
                    ["creationTime"] = Timestamp(now),
                    ["virtualMachineSnapshotContentName"] = ContentName(snapshot),
                    ["indications"] = new JsonArray([.. indications.Select(i => JsonValue.Create(i))]),
                    ["sourceIndications"] = new JsonArray([.. indications.Select(i => new JsonObject { ["indication"] = i, ["message"] = IndicationMessage(i) })]),
                    ["conditions"] = new JsonArray(Condition("Progressing", false, "Operation complete", "Operation complete", now), Condition("Ready", true, "Operation complete", "Operation complete", now)),
                };
            });
            Record($"snapshot ready {ns}/{name} ({string.Join(", ", indications)})");
        }
    }

    private static string IndicationMessage(string indication) => indication switch
    {
        "Online" => "Snapshot was taken while the VM was running",
        "GuestAgent" => "The guest agent froze the filesystems for the snapshot",
        "NoGuestAgent" => "No guest agent: the snapshot is crash-consistent",
        _ => indication,
    };

    /// <summary>Writes the content and one ready VolumeSnapshot per claim; a problem's message when it cannot.</summary>
    private string? TakeSnapshot(ObjectStore store, JsonObject snapshot, JsonObject vm, DateTimeOffset now, out List<string> indications)
    {
        var ns = Namespace(snapshot)!;
        var vmName = Name(vm);
        indications = [];
        var instance = Find(ApiResource.Instances, ns, vmName);
        var online = Text(instance?["status"]?["phase"]) == "Running";
        if (online)
        {
            indications.Add("Online");
            var agent = instance!["status"]?["conditions"]?.AsArray().Any(c => Text(c?["type"]) == "AgentConnected" && Text(c?["status"]) == "True") ?? false;
            indications.Add(agent && !NoGuestAgent.Names(vmName, $"{ns}/{vmName}") ? "GuestAgent" : "NoGuestAgent");
        }

        var backups = new JsonArray();
        var volumeSnapshots = new List<JsonObject>();
        foreach (var volume in vm["spec"]?["template"]?["spec"]?["volumes"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var claimName = Text(volume["dataVolume"]?["name"]) ?? Text(volume["persistentVolumeClaim"]?["claimName"]);
            if (claimName is null)
            {
                continue;
            }

            var volumeName = Text(volume["name"]) ?? claimName;
            if (Find(ApiResource.Claims, ns, claimName) is not { } claim)
            {
                return $"PersistentVolumeClaim {ns}/{claimName} of volume {volumeName} does not exist";
            }

            var storageClass = Text(claim["spec"]?["storageClassName"]);
            var driver = Text(Find(ApiResource.StorageClasses, null, storageClass)?["provisioner"]);
            var snapshotClass = List(ApiResource.SnapshotClasses).FirstOrDefault(c => driver is not null && Text(c["driver"]) == driver);
            if (snapshotClass is null)
            {
                return $"no VolumeSnapshotClass for the driver of StorageClass {storageClass ?? "(none)"} of claim {ns}/{claimName}";
            }

            var volumeSnapshotName = VolumeSnapshotName(snapshot, volumeName);
            var size = Text(claim["status"]?["capacity"]?["storage"]) ?? Text(claim["spec"]?["resources"]?["requests"]?["storage"]);
            volumeSnapshots.Add(new JsonObject
            {
                ["apiVersion"] = "snapshot.storage.k8s.io/v1",
                ["kind"] = "VolumeSnapshot",
                ["metadata"] = new JsonObject { ["name"] = volumeSnapshotName, ["namespace"] = ns },
                ["spec"] = new JsonObject
                {
                    ["source"] = new JsonObject { ["persistentVolumeClaimName"] = claimName },
                    ["volumeSnapshotClassName"] = Name(snapshotClass),
                },
                ["status"] = new JsonObject
                {
                    ["readyToUse"] = true,
                    ["restoreSize"] = size,
                    ["creationTime"] = Timestamp(now),
                    ["boundVolumeSnapshotContentName"] = "snapcontent-" + Guid.NewGuid().ToString("N")[..12],
                },
            });
            backups.Add(new JsonObject
            {
                ["volumeName"] = volumeName,
                ["persistentVolumeClaim"] = new JsonObject
                {
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = claimName,
                        ["namespace"] = ns,
                        ["labels"] = claim["metadata"]?["labels"]?.DeepClone(),
                    },
                    ["spec"] = claim["spec"]?.DeepClone(),
                },
                ["volumeSnapshotName"] = volumeSnapshotName,
            });
        }

        var sourceMetadata = new JsonObject
        {
            ["name"] = vmName,
            ["namespace"] = ns,
            ["labels"] = vm["metadata"]?["labels"]?.DeepClone(),
            ["annotations"] = vm["metadata"]?["annotations"]?.DeepClone(),
        };
        var content = store.Put(new JsonObject
        {
            ["apiVersion"] = "snapshot.kubevirt.io/v1beta1",
            ["kind"] = "VirtualMachineSnapshotContent",
            ["metadata"] = new JsonObject
            {
                ["name"] = ContentName(snapshot),
                ["namespace"] = ns,
                ["ownerReferences"] = new JsonArray(OwnerReference(snapshot)),
            },
            ["spec"] = new JsonObject
            {
                ["virtualMachineSnapshotName"] = Name(snapshot),
                ["source"] = new JsonObject
                {
                    ["virtualMachine"] = new JsonObject { ["metadata"] = sourceMetadata, ["spec"] = vm["spec"]?.DeepClone() },
                },
                ["volumeBackups"] = backups,
            },
            ["status"] = new JsonObject
            {
                ["readyToUse"] = true,
                ["creationTime"] = Timestamp(now),
                ["volumeSnapshotStatus"] = new JsonArray([.. volumeSnapshots.Select(v => new JsonObject
                {
                    ["volumeSnapshotName"] = Name(v),
                    ["readyToUse"] = true,
                    ["creationTime"] = Timestamp(now),
                })]),
            },
        });
        foreach (var volumeSnapshot in volumeSnapshots)
        {
            ((JsonObject)volumeSnapshot["metadata"]!)["ownerReferences"] = new JsonArray(OwnerReference(content));
            store.Put(volumeSnapshot);
        }

        return null;
    }

    private void FailSnapshot(string ns, string name, string message, DateTimeOffset now)
    {
        Update(ApiResource.VmSnapshots, ns, name, s =>
        {
            var status = s["status"] as JsonObject ?? [];
            s["status"] = new JsonObject
            {
                ["phase"] = "Failed",
                ["readyToUse"] = false,
                ["sourceUID"] = status["sourceUID"]?.DeepClone(),
                ["error"] = new JsonObject { ["message"] = message, ["time"] = Timestamp(now) },
                ["conditions"] = new JsonArray(Condition("Progressing", false, "Failed", message, now), Condition("Ready", false, "Failed", message, now), Condition("Failure", true, "Failed", message, now)),
            };
        });
        Record($"snapshot failed {ns}/{name}: {message}");
    }
}
