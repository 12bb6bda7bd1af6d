using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>
/// The DataVolumes and VM copies of an isolated rehearsal, built from snapshot contents as KubeVirt writes them,
/// against the real CRDs: valid, free of acmdr's labels and of production's networks, MACs kept or blanked.
/// </summary>
[TestClass]
public sealed class IsolatedSchemaTests
{
    private const string Bubble = "acmdr-test-1203-1207-k3f-payments";

    /// <summary>A snapshot content of an OpenShift template VM: DataVolume template, cloud-init, ssh key, pod and two multus networks.</summary>
    private const string RhelContent = """
        apiVersion: snapshot.kubevirt.io/v1beta1
        kind: VirtualMachineSnapshotContent
        metadata:
          name: vmsnapshot-content-5b1e0f43
          namespace: payments
          finalizers: [snapshot.kubevirt.io/vmsnapshotcontent-protection]
        spec:
          virtualMachineSnapshotName: acmdr-test-1203-1207-k3f-db-1
          source:
            virtualMachine:
              metadata:
                name: db-1
                namespace: payments
                uid: 8f6c3a8e-2f1b-4c7e-9d2a-1b0c9e1f2a3b
                resourceVersion: "918273"
                generation: 4
                creationTimestamp: "2026-11-02T09:14:00Z"
                finalizers: [kubevirt.io/virtualMachineControllerFinalize]
                labels:
                  app: db-1
                  acmdr.io/app: payments
                  acmdr.io/tier: "1"
                  vm.kubevirt.io/template: rhel9-server-small
                annotations:
                  kubemacpool.io/transaction-timestamp: "2026-11-02T09:14:00.1Z"
                  vm.kubevirt.io/validations: "[]"
              spec:
                running: true
                dataVolumeTemplates:
                - apiVersion: cdi.kubevirt.io/v1beta1
                  kind: DataVolume
                  metadata:
                    name: db-1-root
                  spec:
                    sourceRef: {kind: DataSource, name: rhel9, namespace: openshift-virtualization-os-images}
                    storage:
                      resources: {requests: {storage: 30Gi}}
                template:
                  metadata:
                    creationTimestamp: null
                    labels:
                      kubevirt.io/domain: db-1
                      kubevirt.io/size: small
                      acmdr.io/app: payments
                    annotations:
                      vm.kubevirt.io/flavor: small
                      vm.kubevirt.io/os: rhel9
                  spec:
                    architecture: amd64
                    evictionStrategy: LiveMigrate
                    terminationGracePeriodSeconds: 180
                    nodeSelector:
                      topology.kubernetes.io/site: Primary
                    accessCredentials:
                    - sshPublicKey:
                        propagationMethod: {qemuGuestAgent: {users: [cloud-user]}}
                        source: {secret: {secretName: db-1-ssh}}
                    readinessProbe:
                      guestAgentPing: {}
                      initialDelaySeconds: 30
                      periodSeconds: 10
                    domain:
                      cpu: {cores: 1, sockets: 2, threads: 1}
                      memory: {guest: 4Gi}
                      machine: {type: pc-q35-rhel9.4.0}
                      features:
                        smm: {enabled: true}
                      firmware:
                        serial: 4c4c4544-0047-3010-8052-b4c04f4e3332
                        uuid: 5d307ca9-b3ef-428c-8861-06e72d69f223
                        bootloader: {efi: {secureBoot: true}}
                      resources:
                        requests: {memory: 4Gi}
                      devices:
                        rng: {}
                        disks:
                        - name: rootdisk
                          disk: {bus: virtio}
                          bootOrder: 1
                        - name: data
                          disk: {bus: virtio}
                        - name: cloudinitdisk
                          disk: {bus: virtio}
                        interfaces:
                        - name: default
                          masquerade: {}
                          model: virtio
                          macAddress: "02:d3:6a:00:00:01"
                        - name: vlan
                          bridge: {}
                          model: virtio
                          macAddress: "02:d3:6a:00:00:02"
                        - name: backup
                          bridge: {}
                          macAddress: "02:d3:6a:00:00:03"
                    networks:
                    - name: default
                      pod: {}
                    - name: vlan
                      multus: {networkName: payments/vlan100}
                    - name: backup
                      multus: {networkName: backup-net}
                    volumes:
                    - name: rootdisk
                      dataVolume: {name: db-1-root}
                    - name: data
                      persistentVolumeClaim: {claimName: db-1-data}
                    - name: cloudinitdisk
                      cloudInitNoCloud:
                        userData: |
                          #cloud-config
                          user: cloud-user
                        networkDataSecretRef: {name: db-1-netdata}
              status:
                printableStatus: Running
                ready: true
                volumeSnapshotStatuses:
                - {name: rootdisk, enabled: true}
                - {name: data, enabled: true}
                - {name: cloudinitdisk, enabled: false, reason: "Snapshot is not supported for this volumeSource type [cloudinitdisk]"}
          volumeBackups:
          - volumeName: rootdisk
            persistentVolumeClaim:
              metadata:
                name: db-1-root
                namespace: payments
                labels: {app: containerized-data-importer, acmdr.io/app: payments}
                annotations: {cdi.kubevirt.io/storage.contentType: kubevirt}
              spec:
                accessModes: [ReadWriteMany]
                resources: {requests: {storage: 34144990004}}
                storageClassName: ocs-storagecluster-ceph-rbd-virtualization
                volumeMode: Block
                dataSource: {apiGroup: cdi.kubevirt.io, kind: VolumeImportSource, name: volume-import-source-1}
            volumeSnapshotName: vmsnapshot-5b1e0f43-volume-rootdisk
          - volumeName: data
            persistentVolumeClaim:
              metadata: {name: db-1-data, namespace: payments}
              spec:
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 100Gi}}
                storageClassName: ocs-storagecluster-ceph-rbd
                volumeMode: Filesystem
            volumeSnapshotName: vmsnapshot-5b1e0f43-volume-data
        status:
          readyToUse: true
          creationTime: "2026-12-03T12:07:41Z"
        """;

    /// <summary>A bare VM: no networks named (the implicit pod network), one claim, a cluster instancetype.</summary>
    private const string BareContent = """
        apiVersion: snapshot.kubevirt.io/v1beta1
        kind: VirtualMachineSnapshotContent
        metadata: {name: vmsnapshot-content-77, namespace: payments}
        spec:
          source:
            virtualMachine:
              metadata:
                name: web-1
                namespace: payments
                labels: {acmdr.io/tier: "2"}
              spec:
                runStrategy: RerunOnFailure
                instancetype: {kind: VirtualMachineClusterInstancetype, name: u1.medium, revisionName: web-1-u1.medium-1}
                preference: {kind: VirtualMachineClusterPreference, name: fedora, revisionName: web-1-fedora-1}
                template:
                  spec:
                    domain:
                      devices:
                        disks: [{name: root, disk: {}}]
                    volumes:
                    - name: root
                      persistentVolumeClaim: {claimName: web-1-root}
          volumeBackups:
          - volumeName: root
            persistentVolumeClaim:
              metadata: {name: web-1-root}
              spec:
                resources: {requests: {storage: 20Gi}}
            volumeSnapshotName: vmsnapshot-77-volume-root
        """;

    private static readonly IsolatedOptions Options = new("1203-1207-k3f", "east", "DR", "topology.kubernetes.io/site", NewIdentity: false);

    private static CrdValidator Validator => CrdValidator.Shared;

    public static IEnumerable<object[]> Contents => [["rhel", RhelContent, "db-1"], ["bare", BareContent, "web-1"]];

    [TestMethod]
    public void The_production_vms_the_samples_hold_are_valid_themselves()
    {
        foreach (var (content, _) in new[] { (RhelContent, "db-1"), (BareContent, "web-1") })
        {
            var vm = (JsonObject)Content(content)["spec"]!["source"]!["virtualMachine"]!.DeepClone();
            vm["apiVersion"] = "kubevirt.io/v1";
            vm["kind"] = "VirtualMachine";
            vm.Remove("status");
            Validator.Validate(vm).Should().BeEmpty();
        }
    }

    [TestMethod]
    [DynamicData(nameof(Contents))]
    public void The_data_volumes_are_valid_data_volumes(string sample, string content, string vm)
    {
        var volumes = IsolatedObjects.DataVolumes(Plan(vm), Content(content), Options);

        volumes.Should().NotBeEmpty(sample);
        foreach (var volume in volumes)
        {
            Validator.Validate(volume).Should().BeEmpty(volume.ToJsonString());
        }
    }

    [TestMethod]
    [DynamicData(nameof(Contents))]
    public void The_vm_copy_is_a_valid_virtual_machine_with_or_without_a_new_identity(string sample, string content, string vm)
    {
        foreach (var options in new[] { Options, Options with { NewIdentity = true } })
        {
            var copy = IsolatedObjects.VirtualMachine(Plan(vm), Content(content), options);

            Validator.Validate(copy).Should().BeEmpty($"{sample}: {copy.ToJsonString()}");
        }
    }

    [TestMethod]
    public void The_production_snapshot_carries_valid_metadata() =>
        ObjectMetaRules.Check(IsolatedObjects.Snapshot(Plan("db-1"), Options)["metadata"], requireName: true).Should().BeEmpty();

    [TestMethod]
    public void Every_object_of_a_bubble_carries_valid_metadata_and_the_rehearsal_label()
    {
        var bubble = new BubblePlan(Bubble, "payments", ["vlan100", "backup-net"], 1600, 7L << 30, 2, 130L << 30) { QuotaClaims = 3 };

        foreach (var obj in IsolatedObjects.Bubble(bubble, Options))
        {
            ObjectMetaRules.Check(obj["metadata"], requireName: true).Should().BeEmpty(obj.ToJsonString());
            obj["metadata"]!["labels"]!["rehearsal.acmdr.io/id"]!.GetValue<string>().Should().Be("1203-1207-k3f");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Contents))]
    public void No_copy_carries_an_acmdr_io_label_anywhere(string sample, string content, string vm)
    {
        var objects = IsolatedObjects.DataVolumes(Plan(vm), Content(content), Options).Append(IsolatedObjects.VirtualMachine(Plan(vm), Content(content), Options));

        foreach (var obj in objects)
        {
            LabelKeys(obj).Should().NotContain(k => k.StartsWith("acmdr.io/", StringComparison.Ordinal), sample);
            LabelKeys(obj).Should().Contain(["rehearsal.acmdr.io/id", "rehearsal.acmdr.io/source-namespace", "rehearsal.acmdr.io/source-vm"]);
        }
    }

    [TestMethod]
    public void No_copy_names_a_network_of_the_production_namespace()
    {
        var copy = IsolatedObjects.VirtualMachine(Plan("db-1"), Content(RhelContent), Options);

        var networks = copy["spec"]!["template"]!["spec"]!["networks"]!.AsArray();
        networks.Select(n => n!["multus"]?["networkName"]?.GetValue<string>()).Should().Equal(null, "vlan100", "backup-net");
        copy.ToJsonString().Should().NotContain("payments/vlan100").And.NotContain("payments/backup-net");
        copy["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["interfaces"]![0]!.ToJsonString().Should().Contain("\"binding\":{\"name\":\"l2bridge\"}").And.NotContain("masquerade");
    }

    [TestMethod]
    public void A_copy_keeps_productions_macs_serial_and_uuid_by_default_and_blanks_them_with_a_new_identity()
    {
        var kept = IsolatedObjects.VirtualMachine(Plan("db-1"), Content(RhelContent), Options).ToJsonString();
        var blanked = IsolatedObjects.VirtualMachine(Plan("db-1"), Content(RhelContent), Options with { NewIdentity = true }).ToJsonString();
        string[] identity = ["02:d3:6a:00:00:01", "02:d3:6a:00:00:02", "02:d3:6a:00:00:03", "4c4c4544-0047-3010-8052-b4c04f4e3332", "5d307ca9-b3ef-428c-8861-06e72d69f223"];

        kept.Should().ContainAll(identity);
        blanked.Should().NotContainAny(identity).And.NotContain("macAddress");
        blanked.Should().Contain("\"secureBoot\":true", "the rest of the firmware stays");
    }

    [TestMethod]
    public void A_copy_holds_nothing_that_resolves_only_in_production()
    {
        var copy = IsolatedObjects.VirtualMachine(Plan("db-1"), Content(RhelContent), Options).ToJsonString();

        copy.Should().NotContain("db-1-ssh").And.NotContain("db-1-netdata").And.NotContain("cloudinitdisk").And.NotContain("openshift-virtualization-os-images");
        copy.Should().NotContain("\"uid\"").And.NotContain("resourceVersion").And.NotContain("finalizers").And.NotContain("printableStatus");
        copy.Should().Contain("\"topology.kubernetes.io/site\":\"DR\"").And.NotContain("Primary");
    }

    [TestMethod]
    public void A_bare_copy_names_its_implicit_pod_network_and_sheds_its_revisions()
    {
        var copy = IsolatedObjects.VirtualMachine(Plan("web-1"), Content(BareContent), Options);

        copy["spec"]!["template"]!["spec"]!["networks"]!.ToJsonString().Should().Be("[{\"name\":\"default\",\"pod\":{}}]");
        copy["spec"]!["instancetype"]!.ToJsonString().Should().Be("{\"kind\":\"VirtualMachineClusterInstancetype\",\"name\":\"u1.medium\"}");
        copy["spec"]!["runStrategy"]!.GetValue<string>().Should().Be("Always");
    }

    private static JsonObject Content(string yaml) => (JsonObject)YamlJson.Parse(yaml)!;

    private static VmCopyPlan Plan(string vm) =>
        new(new ScopedVm(new VmRef("payments", vm), "payments", 1), 15, Bubble, IsolatedIds.SnapshotName("1203-1207-k3f", vm), [], 200, 4L << 30);

    private static IEnumerable<string> LabelKeys(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "labels" && p.Value is JsonObject labels
            ? labels.Select(l => l.Key)
            : p.Value is null ? [] : LabelKeys(p.Value)),
        JsonArray array => array.Where(i => i is not null).SelectMany(i => LabelKeys(i!)),
        _ => [],
    };
}
