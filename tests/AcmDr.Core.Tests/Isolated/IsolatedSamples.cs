using System.Text.Json.Nodes;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>A production VM, its cluster facts and its snapshot content, as an isolated rehearsal reads them.</summary>
internal static class IsolatedSamples
{
    public const string Site = "topology.kubernetes.io/site";

    public static readonly IsolatedOptions Options = new("1203-1207-k3f", "east", "DR", Site, NewIdentity: false);

    public static readonly ScopedVm Db = new(new VmRef("payments", "db-1"), "payments", 1);

    public static readonly ScopedVm Web = new(new VmRef("payments", "web-1"), "payments", 2);

    /// <summary>db-1: 2 cores, 4Gi guest memory, a DataVolume disk, a claim disk, cloud-init, the pod network and vlan100.</summary>
    public static JsonObject DbVm() => Parse("""
        {"apiVersion": "kubevirt.io/v1", "kind": "VirtualMachine",
         "metadata": {"name": "db-1", "namespace": "payments", "uid": "u-1", "resourceVersion": "42", "generation": 3,
           "labels": {"app": "db", "acmdr.io/app": "payments", "acmdr.io/tier": "1", "dr.acmdr.io/x": "y"},
           "annotations": {"kubevirt.io/latest-observed-api-version": "v1"}},
         "spec": {"running": true,
           "dataVolumeTemplates": [{"metadata": {"name": "db-1-root"}, "spec": {"storage": {"resources": {"requests": {"storage": "30Gi"}}}, "sourceRef": {"kind": "DataSource", "name": "rhel9"}}}],
           "template": {
             "metadata": {"labels": {"kubevirt.io/domain": "db-1", "acmdr.io/app": "payments"}, "annotations": {"vm.kubevirt.io/os": "rhel9"}},
             "spec": {
               "nodeSelector": {"topology.kubernetes.io/site": "Primary", "kubernetes.io/arch": "amd64"},
               "domain": {
                 "cpu": {"cores": 2},
                 "memory": {"guest": "4Gi"},
                 "firmware": {"serial": "s-1", "uuid": "0f1c", "bootloader": {"efi": {}}},
                 "devices": {
                   "disks": [{"name": "rootdisk", "disk": {"bus": "virtio"}}, {"name": "data", "disk": {"bus": "virtio"}}, {"name": "cloudinitdisk", "disk": {"bus": "virtio"}}],
                   "interfaces": [{"name": "default", "masquerade": {}, "macAddress": "02:00:00:00:00:01"}, {"name": "vlan", "bridge": {}, "macAddress": "02:00:00:00:00:02"}]}},
               "networks": [{"name": "default", "pod": {}}, {"name": "vlan", "multus": {"networkName": "payments/vlan100"}}],
               "volumes": [
                 {"name": "rootdisk", "dataVolume": {"name": "db-1-root"}},
                 {"name": "data", "persistentVolumeClaim": {"claimName": "db-1-data"}},
                 {"name": "cloudinitdisk", "cloudInitNoCloud": {"userData": "#cloud-config"}}]}}},
         "status": {"printableStatus": "Running", "ready": true}}
        """);

    /// <summary>web-1: requests 1 CPU and 2Gi, one DataVolume disk, the pod network only.</summary>
    public static JsonObject WebVm() => Parse("""
        {"apiVersion": "kubevirt.io/v1", "kind": "VirtualMachine",
         "metadata": {"name": "web-1", "namespace": "payments", "labels": {"app": "web"}},
         "spec": {"runStrategy": "Always",
           "template": {"spec": {
             "domain": {"resources": {"requests": {"cpu": "1", "memory": "2Gi"}},
               "devices": {"disks": [{"name": "root", "disk": {}}], "interfaces": [{"name": "default", "masquerade": {}}]}},
             "networks": [{"name": "default", "pod": {}}],
             "volumes": [{"name": "root", "dataVolume": {"name": "web-1-root"}}]}}}}
        """);

    public static ClaimFacts Claim(string name, string size = "30Gi", string? storageClass = "ocs-rbd") =>
        new("payments", name, storageClass, size, ["ReadWriteMany"], "Block");

    public static NodeFacts Node(string name, string site, long milliCpu = 16_000, long memory = 64 * Quantities.Gi, bool ready = true, bool unschedulable = false) =>
        new(name, new Dictionary<string, string> { [Site] = site }, ready, unschedulable, milliCpu, memory);

    /// <summary>Facts under which db-1 and web-1 may be copied.</summary>
    public static PreflightFacts Facts(params CopySource[] vms) => new(
        vms.Length > 0 ? vms : [new CopySource(Db, 15, DbVm()), new CopySource(Web, 30, WebVm())],
        [Claim("db-1-root"), Claim("db-1-data", "10Gi"), Claim("web-1-root", "20Gi")],
        new StorageFacts(
            new Dictionary<string, string> { ["ocs-rbd"] = "openshift-storage.rbd.csi.ceph.com" },
            [new SnapshotClassFacts("ocs-rbd-snap", "openshift-storage.rbd.csi.ceph.com")],
            new Dictionary<string, string> { ["ocs-rbd"] = "csi-clone" }),
        [.. IsolatedPreflight.AccessNeeds(["payments"]).Select(n => new AccessResult(n, true))],
        new HashSet<string> { "payments/vlan100" },
        [Node("p-1", "Primary"), Node("d-1", "DR"), Node("d-2", "DR")],
        [new PodRequest("d-1", 1000, Quantities.Gi), new PodRequest("p-1", 8000, 8 * Quantities.Gi)],
        new KubeVirtFacts(true, "Deployed", ["Snapshot", "DataVolumes"], ["l2bridge"]),
        []);

    public static VmCopyPlan DbPlan() =>
        new(Db, 15, "acmdr-test-1203-1207-k3f-payments", "acmdr-test-1203-1207-k3f-db-1", [Claim("db-1-root"), Claim("db-1-data", "10Gi")], 200, 4 * Quantities.Gi);

    /// <summary>The content of db-1's snapshot: its spec and two volume backups.</summary>
    public static JsonObject Content(JsonObject? vm = null) => new()
    {
        ["apiVersion"] = "snapshot.kubevirt.io/v1beta1",
        ["kind"] = "VirtualMachineSnapshotContent",
        ["metadata"] = new JsonObject { ["name"] = "vmsnapshot-content-1", ["namespace"] = "payments" },
        ["spec"] = new JsonObject
        {
            ["source"] = new JsonObject { ["virtualMachine"] = vm ?? DbVm() },
            ["virtualMachineSnapshotName"] = "acmdr-test-1203-1207-k3f-db-1",
            ["volumeBackups"] = Parse("""
                {"b": [
                  {"volumeName": "rootdisk", "persistentVolumeClaim": {"metadata": {"name": "db-1-root", "namespace": "payments", "labels": {"acmdr.io/app": "payments"}},
                    "spec": {"accessModes": ["ReadWriteMany"], "resources": {"requests": {"storage": "30Gi"}}, "storageClassName": "ocs-rbd", "volumeMode": "Block", "dataSource": {"kind": "x"}}},
                   "volumeSnapshotName": "vmsnapshot-1-volume-rootdisk"},
                  {"volumeName": "data", "persistentVolumeClaim": {"metadata": {"name": "db-1-data"}, "spec": {"resources": {"requests": {"storage": "10Gi"}}}},
                   "volumeSnapshotName": "vmsnapshot-1-volume-data"}]}
                """)["b"]!.DeepClone(),
        },
    };

    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
