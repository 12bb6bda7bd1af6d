using System.Text.Json.Nodes;
using AcmDr.Core.Isolated;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>The objects a rehearsal creates: the bubble, the production snapshot, the DataVolumes and the VM copy.</summary>
[TestClass]
public sealed class IsolatedObjectsTests
{
    private const string Labels = """{"rehearsal.acmdr.io/id":"1203-1207-k3f","rehearsal.acmdr.io/source-namespace":"payments"}""";

    private const string Metadata = "\"metadata\":{\"name\":\"{0}\",\"namespace\":\"acmdr-test-1203-1207-k3f-payments\",\"labels\":" + Labels + "}";

    private static readonly BubblePlan Plan = new("acmdr-test-1203-1207-k3f-payments", "payments", ["vlan100", "storage"],
        1600, 7 * Quantities.Gi, 2, 60 * Quantities.Gi) { QuotaClaims = 3 };

    private static readonly IsolatedOptions NewIdentity = IsolatedSamples.Options with { NewIdentity = true };

    [TestMethod]
    public void A_bubble_is_its_namespace_primary_network_policy_secondary_networks_limit_range_and_quota_in_that_order() =>
        IsolatedObjects.Bubble(Plan, IsolatedSamples.Options).Select(o => $"{o["kind"]} {o["metadata"]!["name"]}").Should().Equal(
            "Namespace acmdr-test-1203-1207-k3f-payments",
            "UserDefinedNetwork acmdr-isolated",
            "NetworkPolicy acmdr-isolated-default-deny",
            "UserDefinedNetwork vlan100",
            "UserDefinedNetwork storage",
            "LimitRange acmdr-isolated-defaults",
            "ResourceQuota acmdr-isolated");

    [TestMethod]
    public void The_namespace_gets_the_rehearsal_labels_a_primary_network_and_leaves_macs_to_the_copies() =>
        Json(IsolatedObjects.Bubble(Plan, IsolatedSamples.Options)[0]).Should().Be(
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"acmdr-test-1203-1207-k3f-payments","labels":{"rehearsal.acmdr.io/id":"1203-1207-k3f","rehearsal.acmdr.io/source-namespace":"payments","k8s.ovn.org/primary-user-defined-network":"","mutatevirtualmachines.kubemacpool.io":"ignore"}}}""");

    [TestMethod]
    public void With_a_new_identity_the_namespace_lets_kubemacpool_give_new_macs() =>
        Json(IsolatedObjects.Bubble(Plan, NewIdentity)[0]).Should().Be(
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"acmdr-test-1203-1207-k3f-payments","labels":{"rehearsal.acmdr.io/id":"1203-1207-k3f","rehearsal.acmdr.io/source-namespace":"payments","k8s.ovn.org/primary-user-defined-network":""}}}""");

    [TestMethod]
    public void The_primary_network_is_a_layer2_user_defined_network_on_the_chosen_subnet() =>
        Json(IsolatedObjects.Bubble(Plan, IsolatedSamples.Options with { PrimarySubnet = "192.168.250.0/24" })[1]).Should().Be(
            """{"apiVersion":"k8s.ovn.org/v1","kind":"UserDefinedNetwork",""" + Meta("acmdr-isolated")
            + ""","spec":{"topology":"Layer2","layer2":{"role":"Primary","subnets":["192.168.250.0/24"]}}}""");

    [TestMethod]
    public void The_default_subnet_is_10_200_0_0_16()
    {
        IsolatedOptions.DefaultPrimarySubnet.Should().Be("10.200.0.0/16");
        IsolatedObjects.Bubble(Plan, IsolatedSamples.Options)[1]["spec"]!["layer2"]!["subnets"]![0]!.GetValue<string>().Should().Be("10.200.0.0/16");
    }

    [TestMethod]
    public void The_network_policy_lets_traffic_in_and_out_only_between_namespaces_of_the_rehearsal() =>
        Json(IsolatedObjects.Bubble(Plan, IsolatedSamples.Options)[2]).Should().Be(
            """{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy",""" + Meta("acmdr-isolated-default-deny")
            + ""","spec":{"podSelector":{},"policyTypes":["Ingress","Egress"],"""
            + "\"ingress\":[{\"from\":[{\"namespaceSelector\":{\"matchLabels\":{\"rehearsal.acmdr.io/id\":\"1203-1207-k3f\"}}}]}],"
            + "\"egress\":[{\"to\":[{\"namespaceSelector\":{\"matchLabels\":{\"rehearsal.acmdr.io/id\":\"1203-1207-k3f\"}}}]}]}}");

    [TestMethod]
    public void Each_secondary_network_is_an_isolated_layer2_overlay_named_as_productions_attachment() =>
        Json(IsolatedObjects.Bubble(Plan, IsolatedSamples.Options)[3]).Should().Be(
            """{"apiVersion":"k8s.ovn.org/v1","kind":"UserDefinedNetwork",""" + Meta("vlan100")
            + ""","spec":{"topology":"Layer2","layer2":{"role":"Secondary","ipam":{"mode":"Disabled"}}}}""");

    [TestMethod]
    public void The_limit_range_gives_containers_default_requests() =>
        Json(IsolatedObjects.Bubble(Plan, IsolatedSamples.Options)[5]).Should().Be(
            """{"apiVersion":"v1","kind":"LimitRange",""" + Meta("acmdr-isolated-defaults")
            + ""","spec":{"limits":[{"type":"Container","defaultRequest":{"cpu":"100m","memory":"128Mi"}}]}}""");

    [TestMethod]
    public void The_quota_holds_the_plans_requests_and_twice_its_claims_for_cdis_temporary_claims() =>
        Json(IsolatedObjects.Bubble(Plan, IsolatedSamples.Options)[6]).Should().Be(
            """{"apiVersion":"v1","kind":"ResourceQuota",""" + Meta("acmdr-isolated")
            + ""","spec":{"hard":{"requests.cpu":"1600m","requests.memory":"7Gi","requests.storage":"120Gi","persistentvolumeclaims":"6","count/virtualmachines.kubevirt.io":"2"}}}""");

    [TestMethod]
    public void A_quota_of_unknown_size_or_without_claims_leaves_those_out()
    {
        var unsized = Plan with { QuotaMilliCpu = 0, QuotaMemory = 0, QuotaStorage = 0, SecondaryNetworks = [], QuotaClaims = 0, QuotaVms = 1 };

        var objects = IsolatedObjects.Bubble(unsized, IsolatedSamples.Options);

        objects.Should().HaveCount(5);
        Json(objects[4]["spec"]!).Should().Be("""{"hard":{"requests.storage":"0","count/virtualmachines.kubevirt.io":"1"}}""");
    }

    [TestMethod]
    public void A_whole_core_quota_is_written_in_cores() =>
        Json(IsolatedObjects.Bubble(Plan with { QuotaMilliCpu = 3000, QuotaMemory = 1 }, IsolatedSamples.Options)[6]["spec"]!["hard"]!)
            .Should().StartWith("""{"requests.cpu":"3","requests.memory":"1",""");

    [TestMethod]
    public void The_snapshot_is_an_online_snapshot_of_the_production_vm_in_its_namespace() =>
        Json(IsolatedObjects.Snapshot(IsolatedSamples.DbPlan(), IsolatedSamples.Options)).Should().Be(
            """{"apiVersion":"snapshot.kubevirt.io/v1beta1","kind":"VirtualMachineSnapshot","metadata":{"name":"acmdr-test-1203-1207-k3f-db-1","namespace":"payments","""
            + "\"labels\":{\"rehearsal.acmdr.io/id\":\"1203-1207-k3f\",\"rehearsal.acmdr.io/source-vm\":\"db-1\"}},"
            + "\"spec\":{\"source\":{\"apiGroup\":\"kubevirt.io\",\"kind\":\"VirtualMachine\",\"name\":\"db-1\"}}}");

    [TestMethod]
    public void Each_volume_backup_becomes_a_data_volume_named_as_its_claim_cloned_from_its_snapshot()
    {
        var volumes = IsolatedObjects.DataVolumes(IsolatedSamples.DbPlan(), IsolatedSamples.Content(), IsolatedSamples.Options);

        volumes.Select(Json).Should().Equal(
            """{"apiVersion":"cdi.kubevirt.io/v1beta1","kind":"DataVolume","metadata":{"name":"db-1-root","namespace":"acmdr-test-1203-1207-k3f-payments","""
            + "\"labels\":{\"rehearsal.acmdr.io/id\":\"1203-1207-k3f\",\"rehearsal.acmdr.io/source-namespace\":\"payments\",\"rehearsal.acmdr.io/source-vm\":\"db-1\"},"
            + "\"annotations\":{\"cdi.kubevirt.io/storage.bind.immediate.requested\":\"true\"}},"
            + "\"spec\":{\"source\":{\"snapshot\":{\"namespace\":\"payments\",\"name\":\"vmsnapshot-1-volume-rootdisk\"}},"
            + "\"storage\":{\"accessModes\":[\"ReadWriteMany\"],\"resources\":{\"requests\":{\"storage\":\"30Gi\"}},\"storageClassName\":\"ocs-rbd\",\"volumeMode\":\"Block\"}}}",
            """{"apiVersion":"cdi.kubevirt.io/v1beta1","kind":"DataVolume","metadata":{"name":"db-1-data","namespace":"acmdr-test-1203-1207-k3f-payments","""
            + "\"labels\":{\"rehearsal.acmdr.io/id\":\"1203-1207-k3f\",\"rehearsal.acmdr.io/source-namespace\":\"payments\",\"rehearsal.acmdr.io/source-vm\":\"db-1\"},"
            + "\"annotations\":{\"cdi.kubevirt.io/storage.bind.immediate.requested\":\"true\"}},"
            + "\"spec\":{\"source\":{\"snapshot\":{\"namespace\":\"payments\",\"name\":\"vmsnapshot-1-volume-data\"}},\"storage\":{\"resources\":{\"requests\":{\"storage\":\"10Gi\"}}}}}");
    }

    [TestMethod]
    public void Content_without_volume_backups_makes_no_data_volume()
    {
        var content = IsolatedSamples.Content();
        ((JsonObject)content["spec"]!).Remove("volumeBackups");

        IsolatedObjects.DataVolumes(IsolatedSamples.DbPlan(), content, IsolatedSamples.Options).Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("volumeSnapshotName")]
    [DataRow("persistentVolumeClaim")]
    public void A_volume_backup_without_its_snapshot_or_claim_is_an_error_naming_the_vm_and_volume(string missing)
    {
        var content = IsolatedSamples.Content();
        ((JsonObject)content["spec"]!["volumeBackups"]![1]!).Remove(missing);

        FluentActions.Invoking(() => IsolatedObjects.DataVolumes(IsolatedSamples.DbPlan(), content, IsolatedSamples.Options))
            .Should().Throw<AcmDrException>().Where(e => e.ExitCode == 4)
            .WithMessage("the snapshot of VM payments/db-1 has a volume (data) without a claim or volume snapshot name");
    }

    [TestMethod]
    public void A_volume_backup_without_a_volume_name_is_called_unnamed()
    {
        var content = IsolatedSamples.Content();
        var backup = (JsonObject)content["spec"]!["volumeBackups"]![0]!;
        backup.Remove("volumeName");
        backup["volumeSnapshotName"] = "";

        FluentActions.Invoking(() => IsolatedObjects.DataVolumes(IsolatedSamples.DbPlan(), content, IsolatedSamples.Options))
            .Should().Throw<AcmDrException>().WithMessage("the snapshot of VM payments/db-1 has a volume (unnamed) without a claim or volume snapshot name");
    }

    [TestMethod]
    public void The_copy_keeps_only_its_name_the_bubble_the_source_labels_without_acmdrs_and_the_source_annotation() =>
        Json(Copy()["metadata"]!).Should().Be(
            """{"name":"db-1","namespace":"acmdr-test-1203-1207-k3f-payments","""
            + "\"labels\":{\"app\":\"db\",\"rehearsal.acmdr.io/id\":\"1203-1207-k3f\",\"rehearsal.acmdr.io/source-namespace\":\"payments\",\"rehearsal.acmdr.io/source-vm\":\"db-1\"},"
            + "\"annotations\":{\"rehearsal.acmdr.io/source\":\"payments/db-1\"}}");

    [TestMethod]
    public void The_copy_is_a_virtual_machine_without_status_that_always_runs_and_has_no_data_volume_templates()
    {
        var copy = Copy();

        copy.Select(p => p.Key).Should().Equal("apiVersion", "kind", "metadata", "spec");
        Json(copy["apiVersion"]!).Should().Be("\"kubevirt.io/v1\"");
        Json(copy["kind"]!).Should().Be("\"VirtualMachine\"");
        copy["spec"]!.AsObject().Select(p => p.Key).Should().Equal("template", "runStrategy");
        copy["spec"]!["runStrategy"]!.GetValue<string>().Should().Be("Always");
    }

    [TestMethod]
    public void A_halted_source_still_runs_as_a_copy() =>
        Copy(Vm(vm => vm["spec"]!["runStrategy"] = "Halted"))["spec"]!["runStrategy"]!.GetValue<string>().Should().Be("Always");

    [TestMethod]
    public void The_template_loses_acmdrs_labels_and_keeps_its_annotations() =>
        Json(Copy()["spec"]!["template"]!["metadata"]!).Should().Be("""{"labels":{"kubevirt.io/domain":"db-1"},"annotations":{"vm.kubevirt.io/os":"rhel9"}}""");

    [TestMethod]
    public void The_node_selector_sends_the_copy_to_the_dr_site_and_keeps_its_other_keys()
    {
        Json(Copy()["spec"]!["template"]!["spec"]!["nodeSelector"]!).Should().Be("""{"topology.kubernetes.io/site":"DR","kubernetes.io/arch":"amd64"}""");
        Json(Copy(Vm(vm => Spec(vm).Remove("nodeSelector")))["spec"]!["template"]!["spec"]!["nodeSelector"]!).Should().Be("""{"topology.kubernetes.io/site":"DR"}""");
    }

    [TestMethod]
    public void Disks_become_the_bubbles_data_volumes_and_cloud_init_goes_with_its_disk()
    {
        var spec = Copy()["spec"]!["template"]!["spec"]!;

        Json(spec["volumes"]!).Should().Be("""[{"name":"rootdisk","dataVolume":{"name":"db-1-root"}},{"name":"data","dataVolume":{"name":"db-1-data"}}]""");
        Json(spec["domain"]!["devices"]!["disks"]!).Should().Be("""[{"name":"rootdisk","disk":{"bus":"virtio"}},{"name":"data","disk":{"bus":"virtio"}}]""");
    }

    [TestMethod]
    public void Config_drive_cloud_init_is_dropped_too_and_other_volumes_are_kept_as_they_are()
    {
        var copy = Copy(Vm(vm =>
        {
            Spec(vm)["volumes"] = JsonNode.Parse("""
                [{"name": "root", "dataVolume": {"name": "db-1-root", "hotpluggable": false}},
                 {"name": "init", "cloudInitConfigDrive": {"secretRef": {"name": "x"}}},
                 {"name": "tools", "containerDisk": {"image": "quay.io/tools"}},
                 {"name": "scratch", "emptyDisk": {"capacity": "1Gi"}}]
                """);
            Spec(vm)["domain"]!["devices"]!["disks"] = JsonNode.Parse("""[{"name": "root"}, {"name": "init"}, {"name": "tools"}, {"disk": {}}]""");
        }));

        var spec = copy["spec"]!["template"]!["spec"]!;
        Json(spec["volumes"]!).Should().Be(
            """[{"name":"root","dataVolume":{"name":"db-1-root"}},{"name":"tools","containerDisk":{"image":"quay.io/tools"}},{"name":"scratch","emptyDisk":{"capacity":"1Gi"}}]""");
        Json(spec["domain"]!["devices"]!["disks"]!).Should().Be("""[{"name":"root"},{"name":"tools"},{"disk":{}}]""");
    }

    [TestMethod]
    public void Without_cloud_init_the_disks_stay_as_they_are_and_without_volumes_nothing_is_added()
    {
        var noCloudInit = Vm(vm =>
        {
            ((JsonArray)Spec(vm)["volumes"]!).RemoveAt(2);
        });

        Json(Copy(noCloudInit)["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["disks"]!).Should().Be(
            """[{"name":"rootdisk","disk":{"bus":"virtio"}},{"name":"data","disk":{"bus":"virtio"}},{"name":"cloudinitdisk","disk":{"bus":"virtio"}}]""");
        Copy(Vm(vm => Spec(vm).Remove("volumes")))["spec"]!["template"]!["spec"]!.AsObject().ContainsKey("volumes").Should().BeFalse();
    }

    [TestMethod]
    public void Multus_networks_name_the_bubbles_network_and_the_pod_network_joins_the_primary_one_through_l2bridge()
    {
        var spec = Copy()["spec"]!["template"]!["spec"]!;

        Json(spec["networks"]!).Should().Be("""[{"name":"default","pod":{}},{"name":"vlan","multus":{"networkName":"vlan100"}}]""");
        Json(spec["domain"]!["devices"]!["interfaces"]!).Should().Be(
            """[{"name":"default","macAddress":"02:00:00:00:00:01","binding":{"name":"l2bridge"}},{"name":"vlan","bridge":{},"macAddress":"02:00:00:00:00:02"}]""");
    }

    [TestMethod]
    public void A_network_name_without_a_namespace_stays_and_every_binding_of_the_pod_interface_is_replaced()
    {
        var copy = Copy(Vm(vm =>
        {
            Spec(vm)["networks"]![1]!["multus"]!["networkName"] = "vlan100";
            Spec(vm)["domain"]!["devices"]!["interfaces"]![0] = JsonNode.Parse("""{"name": "default", "bridge": {}, "passt": {}, "binding": {"name": "x"}, "model": "virtio"}""");
        }));

        var spec = copy["spec"]!["template"]!["spec"]!;
        Json(spec["networks"]![1]!).Should().Be("""{"name":"vlan","multus":{"networkName":"vlan100"}}""");
        Json(spec["domain"]!["devices"]!["interfaces"]![0]!).Should().Be("""{"name":"default","model":"virtio","binding":{"name":"l2bridge"}}""");
    }

    [TestMethod]
    public void A_vm_on_the_pod_network_without_naming_it_gets_it_named_with_l2bridge()
    {
        var copy = Copy(Vm(vm =>
        {
            Spec(vm).Remove("networks");
            ((JsonObject)Spec(vm)["domain"]!["devices"]!).Remove("interfaces");
        }));

        var spec = copy["spec"]!["template"]!["spec"]!;
        Json(spec["networks"]!).Should().Be("""[{"name":"default","pod":{}}]""");
        Json(spec["domain"]!["devices"]!["interfaces"]!).Should().Be("""[{"name":"default","binding":{"name":"l2bridge"}}]""");
    }

    [TestMethod]
    public void A_vm_without_any_network_stays_without()
    {
        var copy = Copy(Vm(vm =>
        {
            Spec(vm).Remove("networks");
            Spec(vm)["domain"]!["devices"]!["interfaces"] = new JsonArray();
            Spec(vm)["domain"]!["devices"]!["autoattachPodInterface"] = false;
        }));

        var spec = copy["spec"]!["template"]!["spec"]!;
        spec.AsObject().ContainsKey("networks").Should().BeFalse();
        Json(spec["domain"]!["devices"]!["interfaces"]!).Should().Be("[]");
    }

    [TestMethod]
    public void With_a_new_identity_macs_serial_and_firmware_uuid_are_blanked_and_the_rest_kept()
    {
        var spec = Copy(options: NewIdentity)["spec"]!["template"]!["spec"]!;

        Json(spec["domain"]!["devices"]!["interfaces"]!).Should().Be("""[{"name":"default","binding":{"name":"l2bridge"}},{"name":"vlan","bridge":{}}]""");
        Json(spec["domain"]!["firmware"]!).Should().Be("""{"bootloader":{"efi":{}}}""");
    }

    [TestMethod]
    public void By_default_the_serial_and_firmware_uuid_are_kept() =>
        Json(Copy()["spec"]!["template"]!["spec"]!["domain"]!["firmware"]!).Should().Be("""{"serial":"s-1","uuid":"0f1c","bootloader":{"efi":{}}}""");

    [TestMethod]
    public void A_new_identity_without_firmware_adds_none() =>
        Copy(Vm(vm => ((JsonObject)Spec(vm)["domain"]!).Remove("firmware")), NewIdentity)["spec"]!["template"]!["spec"]!["domain"]!.AsObject().ContainsKey("firmware").Should().BeFalse();

    [TestMethod]
    public void Instancetype_and_preference_keep_their_names_and_lose_their_revisions()
    {
        var spec = Copy(Vm(vm =>
        {
            vm["spec"]!["instancetype"] = JsonNode.Parse("""{"name": "u1.large", "revisionName": "db-1-u1.large-v1"}""");
            vm["spec"]!["preference"] = JsonNode.Parse("""{"kind": "VirtualMachineClusterPreference", "name": "rhel.9", "revisionName": "db-1-rhel.9-v1"}""");
        }))["spec"]!;

        Json(spec["instancetype"]!).Should().Be("""{"name":"u1.large"}""");
        Json(spec["preference"]!).Should().Be("""{"kind":"VirtualMachineClusterPreference","name":"rhel.9"}""");
    }

    [TestMethod]
    public void Access_credentials_that_name_production_secrets_are_dropped() =>
        Copy(Vm(vm => Spec(vm)["accessCredentials"] = JsonNode.Parse("""[{"sshPublicKey": {"source": {"secret": {"secretName": "keys"}}}}]""")))["spec"]!["template"]!["spec"]!
            .AsObject().ContainsKey("accessCredentials").Should().BeFalse();

    [TestMethod]
    public void Building_the_copy_leaves_the_snapshot_content_unchanged()
    {
        var content = IsolatedSamples.Content();
        var before = Json(content);

        IsolatedObjects.VirtualMachine(IsolatedSamples.DbPlan(), content, NewIdentity);
        IsolatedObjects.DataVolumes(IsolatedSamples.DbPlan(), content, NewIdentity);

        Json(content).Should().Be(before);
    }

    [TestMethod]
    public void A_content_without_a_vm_spec_is_an_error()
    {
        var content = IsolatedSamples.Content();
        ((JsonObject)content["spec"]!["source"]!).Remove("virtualMachine");

        FluentActions.Invoking(() => IsolatedObjects.VirtualMachine(IsolatedSamples.DbPlan(), content, IsolatedSamples.Options))
            .Should().Throw<AcmDrException>().Where(e => e.ExitCode == 4).WithMessage("the snapshot of VM payments/db-1 holds no VM spec");
    }

    [TestMethod]
    public void A_source_without_labels_or_spec_makes_a_minimal_copy()
    {
        var copy = Copy(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "db-1" } });

        Json(copy["metadata"]!["labels"]!).Should().Be("""{"rehearsal.acmdr.io/id":"1203-1207-k3f","rehearsal.acmdr.io/source-namespace":"payments","rehearsal.acmdr.io/source-vm":"db-1"}""");
        Json(copy["spec"]!).Should().Be(
            """{"runStrategy":"Always","template":{"spec":{"nodeSelector":{"topology.kubernetes.io/site":"DR"},"networks":[{"name":"default","pod":{}}],"domain":{"devices":{"interfaces":[{"name":"default","binding":{"name":"l2bridge"}}]}}}}}""");
    }

    [TestMethod]
    [DataRow("acmdr.io/tier", true)]
    [DataRow("dr.acmdr.io/x", true)]
    [DataRow("rehearsal.acmdr.io/id", true)]
    [DataRow("acmdr.io", false)]
    [DataRow("app", false)]
    [DataRow("notacmdr.io/x", false)]
    [DataRow("acmdr.iox/y", false)]
    [DataRow("example.com/acmdr.io", false)]
    public void Acmdrs_labels_are_those_of_acmdr_io_and_its_subdomains(string key, bool acmdr) =>
        IsolatedObjects.IsAcmdrLabel(key).Should().Be(acmdr);

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        var plan = IsolatedSamples.DbPlan();
        var content = IsolatedSamples.Content();
        var options = IsolatedSamples.Options;
        FluentActions.Invoking(() => IsolatedObjects.Bubble(null!, options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.Bubble(Plan, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.Snapshot(null!, options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.Snapshot(plan, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.DataVolumes(null!, content, options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.DataVolumes(plan, null!, options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.DataVolumes(plan, content, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.VirtualMachine(null!, content, options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.VirtualMachine(plan, null!, options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.VirtualMachine(plan, content, null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedObjects.IsAcmdrLabel(null!)).Should().Throw<ArgumentNullException>();
    }

    private static string Meta(string name) => Metadata.Replace("{0}", name, StringComparison.Ordinal);

    private static string Json(JsonNode node) => node.ToJsonString();

    private static JsonObject Copy(JsonObject? vm = null, IsolatedOptions? options = null) =>
        IsolatedObjects.VirtualMachine(IsolatedSamples.DbPlan(), IsolatedSamples.Content(vm), options ?? IsolatedSamples.Options);

    private static JsonObject Spec(JsonObject vm) => (JsonObject)vm["spec"]!["template"]!["spec"]!;

    private static JsonObject Vm(Action<JsonObject> edit)
    {
        var vm = IsolatedSamples.DbVm();
        edit(vm);
        return vm;
    }
}
