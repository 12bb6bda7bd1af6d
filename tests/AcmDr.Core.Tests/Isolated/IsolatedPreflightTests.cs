using System.Text.Json.Nodes;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>Each reason the preflight refuses an isolated rehearsal, one line each, and what it lets through.</summary>
[TestClass]
public sealed class IsolatedPreflightTests
{
    private const string Nothing = "cannot be mapped to an isolated network; nothing was created";

    [TestMethod]
    public void The_rights_are_four_per_production_namespace_then_eight_in_any_namespace()
    {
        var needs = IsolatedPreflight.AccessNeeds(["payments", "shop", "payments"]);

        needs.Select(n => n.ToString()).Should().Equal(
            "create virtualmachinesnapshots.snapshot.kubevirt.io in payments",
            "get virtualmachinesnapshotcontents.snapshot.kubevirt.io in payments",
            "create datavolumes/source.cdi.kubevirt.io in payments",
            "delete virtualmachinesnapshots.snapshot.kubevirt.io in payments",
            "create virtualmachinesnapshots.snapshot.kubevirt.io in shop",
            "get virtualmachinesnapshotcontents.snapshot.kubevirt.io in shop",
            "create datavolumes/source.cdi.kubevirt.io in shop",
            "delete virtualmachinesnapshots.snapshot.kubevirt.io in shop",
            "create namespaces in any namespace",
            "delete namespaces in any namespace",
            "create virtualmachines.kubevirt.io in any namespace",
            "create datavolumes.cdi.kubevirt.io in any namespace",
            "create networkpolicies.networking.k8s.io in any namespace",
            "create resourcequotas in any namespace",
            "create limitranges in any namespace",
            "create userdefinednetworks.k8s.ovn.org in any namespace");
        needs[2].Should().Be(new AccessNeed("payments", "create", "cdi.kubevirt.io", "datavolumes", "source"));
        needs[8].Should().Be(new AccessNeed(null, "create", "", "namespaces"));
    }

    [TestMethod]
    public void Without_namespaces_only_the_bubble_rights_are_asked() =>
        IsolatedPreflight.AccessNeeds([]).Should().HaveCount(8).And.OnlyContain(n => n.Namespace == null);

    [TestMethod]
    public void A_cluster_ready_for_the_copies_passes() =>
        Check(IsolatedSamples.Facts()).Should().BeEmpty();

    [TestMethod]
    public void Every_finding_refuses_with_exit_code_4()
    {
        var facts = IsolatedSamples.Facts() with { ExistingBubbles = ["acmdr-test-1203-1207-k3f-payments"], KubeVirt = new KubeVirtFacts(false, null, [], []) };

        IsolatedPreflight.Check(facts, IsolatedSamples.Options).Should().HaveCount(2).And.OnlyContain(f => f.ExitCode == 4);
    }

    [TestMethod]
    public void An_id_in_use_is_refused_with_the_cleanup_command() =>
        Check(IsolatedSamples.Facts() with { ExistingBubbles = ["acmdr-test-1203-1207-k3f-payments", "acmdr-test-1203-1207-k3f-shop"] }).Should().Equal(
            "rehearsal id 1203-1207-k3f is in use on cluster east (namespaces acmdr-test-1203-1207-k3f-payments, acmdr-test-1203-1207-k3f-shop): "
            + "choose another --id, or remove that rehearsal with acmdr rehearse --cleanup --id 1203-1207-k3f");

    [TestMethod]
    public void Missing_kubevirt_is_one_line()
    {
        var facts = IsolatedSamples.Facts() with { KubeVirt = new KubeVirtFacts(false, null, [], []) };

        Check(facts).Should().Equal("KubeVirt is not installed on cluster east: isolated copies need KubeVirt with the Snapshot feature gate");
    }

    [TestMethod]
    public void Kubevirt_not_deployed_without_the_snapshot_gate_or_the_l2bridge_binding_is_refused_for_each()
    {
        var facts = IsolatedSamples.Facts() with { KubeVirt = new KubeVirtFacts(true, "Deploying", ["snapshot", "DataVolumes"], ["passt"]) };

        Check(facts).Should().Equal(
            "KubeVirt on cluster east is not deployed (phase Deploying): wait until it is Deployed",
            "KubeVirt on cluster east lacks the Snapshot feature gate: add it to spec.configuration.developerConfiguration.featureGates",
            "KubeVirt on cluster east has no l2bridge network binding, which joins a copy to its bubble's primary user-defined network: register it under spec.configuration.network.binding");
        Check(IsolatedSamples.Facts() with { KubeVirt = new KubeVirtFacts(true, null, ["Snapshot"], ["l2bridge"]) }).Should().Equal(
            "KubeVirt on cluster east is not deployed (phase unknown): wait until it is Deployed");
    }

    [TestMethod]
    public void The_l2bridge_binding_is_needed_only_when_a_vm_joins_the_pod_network()
    {
        var noBinding = new KubeVirtFacts(true, "Deployed", ["Snapshot"], []);
        var vlanOnly = Edit(IsolatedSamples.DbVm(), vm =>
        {
            Spec(vm)["networks"] = new JsonArray(new JsonObject { ["name"] = "vlan", ["multus"] = new JsonObject { ["networkName"] = "vlan100" } });
            Spec(vm)["domain"]!["devices"]!["interfaces"] = new JsonArray(new JsonObject { ["name"] = "vlan", ["bridge"] = new JsonObject() });
        });

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vlanOnly)) with { KubeVirt = noBinding }).Should().BeEmpty();
    }

    [TestMethod]
    public void A_vm_that_names_no_network_joins_the_pod_network_unless_it_turns_that_off()
    {
        var noBinding = new KubeVirtFacts(true, "Deployed", ["Snapshot"], []);
        var implicitPod = Edit(IsolatedSamples.WebVm(), vm =>
        {
            Spec(vm).Remove("networks");
            ((JsonObject)Spec(vm)["domain"]!["devices"]!).Remove("interfaces");
        });
        var noPod = Edit(implicitPod, vm => Spec(vm)["domain"]!["devices"]!["autoattachPodInterface"] = false);

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, implicitPod)) with { KubeVirt = noBinding }).Should().ContainSingle().Which.Should().Contain("no l2bridge network binding");
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, noPod)) with { KubeVirt = noBinding }).Should().BeEmpty();
        VmReading.ImplicitPodNetwork(Edit(implicitPod, vm => Spec(vm)["domain"]!["devices"]!["autoattachPodInterface"] = true)).Should().BeTrue();
    }

    [TestMethod]
    public void Each_right_denied_is_named_with_what_to_do()
    {
        var facts = IsolatedSamples.Facts();
        var access = facts.Access.Select(a => a.Need.Subresource == "source" || a.Need.Resource == "limitranges" ? a with { Allowed = false } : a).ToList();

        Check(facts with { Access = access }).Should().Equal(
            "no right to create datavolumes/source.cdi.kubevirt.io in payments: grant it to the user of the kubeconfig",
            "no right to create limitranges in any namespace: grant it to the user of the kubeconfig");
    }

    [TestMethod]
    public void A_vm_not_on_the_cluster_is_named_and_nothing_else_is_checked_of_it()
    {
        var facts = IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, null), new CopySource(IsolatedSamples.Web, 30, IsolatedSamples.WebVm()))
            with { Nodes = [IsolatedSamples.Node("d-1", "DR", milliCpu: 1000, memory: 2 * Quantities.Gi)], Pods = [] };

        Check(facts).Should().Equal("VM payments/db-1 is not on cluster east: check that the kubeconfig context is that cluster (--context, --cluster) and the inventory row");
    }

    [TestMethod]
    public void A_claim_not_on_the_cluster_is_named_with_its_volume()
    {
        var facts = IsolatedSamples.Facts() with { Claims = [IsolatedSamples.Claim("db-1-root"), IsolatedSamples.Claim("web-1-root")] };

        Check(facts).Should().Equal("VM payments/db-1: claim payments/db-1-data (volume data) is not on cluster east: the VM cannot start as it is; fix it or leave it out (--app/--tier)");
    }

    [TestMethod]
    public void A_claim_of_another_namespace_does_not_count()
    {
        var facts = IsolatedSamples.Facts() with { Claims = [IsolatedSamples.Claim("db-1-root"), IsolatedSamples.Claim("web-1-root"), IsolatedSamples.Claim("db-1-data") with { Namespace = "shop" }] };

        Check(facts).Should().Equal("VM payments/db-1: claim payments/db-1-data (volume data) is not on cluster east: the VM cannot start as it is; fix it or leave it out (--app/--tier)");
    }

    [TestMethod]
    public void A_claim_without_a_storage_class_or_a_size_is_refused()
    {
        var facts = IsolatedSamples.Facts() with
        {
            Claims = [IsolatedSamples.Claim("db-1-root", storageClass: null), IsolatedSamples.Claim("db-1-data", "ten"), IsolatedSamples.Claim("web-1-root", storageClass: "") with { Size = null }],
        };

        Check(facts).Should().Equal(
            "VM payments/db-1: claim payments/db-1-root has no StorageClass, so acmdr cannot tell how to snapshot it",
            "VM payments/db-1: claim payments/db-1-data requests storage 'ten', which is not a quantity",
            "VM payments/web-1: claim payments/web-1-root requests no storage size, so its copy cannot be sized",
            "VM payments/web-1: claim payments/web-1-root has no StorageClass, so acmdr cannot tell how to snapshot it");
    }

    [TestMethod]
    public void A_storage_class_not_on_the_cluster_without_a_provisioner_or_a_snapshot_class_is_refused_naming_the_claim()
    {
        var facts = IsolatedSamples.Facts() with
        {
            Claims = [IsolatedSamples.Claim("db-1-root", storageClass: "gone"), IsolatedSamples.Claim("db-1-data", storageClass: "manual"), IsolatedSamples.Claim("web-1-root", storageClass: "nfs")],
            Storage = new StorageFacts(
                new Dictionary<string, string> { ["manual"] = "", ["nfs"] = "nfs.csi.k8s.io", ["ocs-rbd"] = "openshift-storage.rbd.csi.ceph.com" },
                [new SnapshotClassFacts("rbd", "openshift-storage.rbd.csi.ceph.com"), new SnapshotClassFacts("nfs", "nfs.example.com")],
                new Dictionary<string, string>()),
        };

        Check(facts).Should().Equal(
            "StorageClass gone (claim payments/db-1-root of VM payments/db-1) is not on cluster east: without it there is no driver to snapshot with; leave the VM out (--app/--tier)",
            "StorageClass manual (claim payments/db-1-data of VM payments/db-1) has no provisioner, so it cannot be snapshotted",
            "StorageClass nfs (claim payments/web-1-root of VM payments/web-1) has no VolumeSnapshotClass: create one with driver nfs.csi.k8s.io");
    }

    [TestMethod]
    public void Any_snapshot_class_with_the_provisioners_driver_will_do()
    {
        var facts = IsolatedSamples.Facts();
        var storage = facts.Storage with { SnapshotClasses = [new SnapshotClassFacts("other", "nfs.csi.k8s.io"), new SnapshotClassFacts("rbd", "openshift-storage.rbd.csi.ceph.com")] };

        Check(facts with { Storage = storage }).Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("secret", """{"secretName": "db-creds"}""")]
    [DataRow("configMap", """{"name": "db-conf"}""")]
    [DataRow("sysprep", """{"secret": {"name": "unattend"}}""")]
    [DataRow("hostDisk", """{"path": "/var/x.img", "type": "Disk"}""")]
    [DataRow("memoryDump", """{"claimName": "dump"}""")]
    [DataRow("serviceAccount", """{"serviceAccountName": "db"}""")]
    public void A_volume_that_is_not_a_disk_refuses_the_vm(string kind, string body)
    {
        var vm = WithVolume(kind, body);

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, vm))).Should().Equal(
            $"VM payments/web-1: volume extra is a {kind} volume, and acmdr copies disks only: remove it from the VM or leave the VM out of the rehearsal (--app/--tier)");
    }

    [TestMethod]
    [DataRow("containerDisk", """{"image": "quay.io/x/tools"}""")]
    [DataRow("emptyDisk", """{"capacity": "2Gi"}""")]
    [DataRow("ephemeral", """{"persistentVolumeClaim": {"claimName": "golden"}}""")]
    [DataRow("downwardAPI", """{"fields": []}""")]
    [DataRow("downwardMetrics", """{}""")]
    [DataRow("cloudInitNoCloud", """{"userData": "#cloud-config"}""")]
    [DataRow("cloudInitConfigDrive", """{"secretRef": {"name": "init"}}""")]
    public void Volumes_kept_or_dropped_by_the_copy_pass(string kind, string body) =>
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, WithVolume(kind, body)))).Should().BeEmpty();

    [TestMethod]
    public void A_volume_of_a_kind_acmdr_does_not_know_or_without_a_claim_name_is_refused()
    {
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, WithVolume("futureDisk", "{}")))).Should().Equal(
            "VM payments/web-1: volume extra is of a kind acmdr does not know (futureDisk): leave the VM out of the rehearsal (--app/--tier)");
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, WithVolume("dataVolume", """{"name": ""}""")))).Should().Equal(
            "VM payments/web-1: volume extra names no claim: fix the VM's spec");
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, WithVolume("persistentVolumeClaim", "{}")))).Should().Equal(
            "VM payments/web-1: volume extra names no claim: fix the VM's spec");
    }

    [TestMethod]
    public void A_volume_with_only_a_name_is_of_no_kind() =>
        VmReading.Volume(new JsonObject { ["name"] = "x" }).Should().Be(new VolumeUse("x", "none", null));

    [TestMethod]
    public void A_secondary_network_whose_attachment_does_not_exist_cannot_be_mapped() =>
        Check(IsolatedSamples.Facts() with { NetworkAttachments = new HashSet<string> { "shop/vlan100" } }).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/vlan100) does not exist, so it {Nothing}");

    [TestMethod]
    public void A_network_name_without_a_namespace_is_the_vms_namespace()
    {
        var vm = Edit(IsolatedSamples.DbVm(), v => Spec(v)["networks"]![1]!["multus"]!["networkName"] = "vlan100");

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vm))).Should().BeEmpty();
        VmReading.SplitNad("vlan100", "payments").Should().Be(("payments", "vlan100"));
        VmReading.SplitNad("infra/vlan100", "payments").Should().Be(("infra", "vlan100"));
    }

    [TestMethod]
    [DataRow("sriov", "sriov")]
    [DataRow("macvtap", "macvtap")]
    [DataRow("passt", "passt")]
    [DataRow("masquerade", "masquerade")]
    [DataRow("slirp", "slirp")]
    public void A_secondary_network_joined_other_than_by_a_bridge_cannot_be_mapped(string key, string named)
    {
        var vm = Edit(IsolatedSamples.DbVm(), v =>
        {
            var iface = (JsonObject)Spec(v)["domain"]!["devices"]!["interfaces"]![1]!;
            iface.Remove("bridge");
            iface[key] = new JsonObject();
        });

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vm))).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/vlan100) is joined by a {named} interface, which {Nothing}");
    }

    [TestMethod]
    public void A_secondary_network_joined_by_a_binding_plugin_cannot_be_mapped()
    {
        var vm = Edit(IsolatedSamples.DbVm(), v =>
        {
            var iface = (JsonObject)Spec(v)["domain"]!["devices"]!["interfaces"]![1]!;
            iface.Remove("bridge");
            iface["binding"] = new JsonObject { ["name"] = "managedtap" };
        });

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vm))).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/vlan100) is joined by a binding plugin managedtap interface, which {Nothing}");
    }

    [TestMethod]
    public void A_secondary_network_without_an_interface_binding_is_a_bridge_and_maps()
    {
        var unset = Edit(IsolatedSamples.DbVm(), v => ((JsonObject)Spec(v)["domain"]!["devices"]!["interfaces"]![1]!).Remove("bridge"));
        var missing = Edit(IsolatedSamples.DbVm(), v => ((JsonArray)Spec(v)["domain"]!["devices"]!["interfaces"]!).RemoveAt(1));

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, unset))).Should().BeEmpty();
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, missing))).Should().BeEmpty();
    }

    [TestMethod]
    public void The_default_multus_network_cannot_be_mapped()
    {
        var vm = Edit(IsolatedSamples.DbVm(), v => Spec(v)["networks"]![1]!["multus"]!["default"] = true);

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vm))).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/vlan100) is the VM's default network (multus default), so it {Nothing}");
    }

    [TestMethod]
    public void An_attachment_named_as_the_bubbles_primary_network_cannot_be_mapped()
    {
        var vm = Edit(IsolatedSamples.DbVm(), v => Spec(v)["networks"]![1]!["multus"]!["networkName"] = "payments/acmdr-isolated");

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vm)) with { NetworkAttachments = new HashSet<string> { "payments/acmdr-isolated" } }).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/acmdr-isolated) has the name of the bubble's primary network (acmdr-isolated), so it {Nothing}");
    }

    [TestMethod]
    public void A_network_neither_pod_nor_multus_or_naming_no_attachment_cannot_be_mapped()
    {
        var other = Edit(IsolatedSamples.DbVm(), v => Spec(v)["networks"]![1] = new JsonObject { ["name"] = "vlan" });
        var unnamed = Edit(IsolatedSamples.DbVm(), v => Spec(v)["networks"]![1]!["multus"] = new JsonObject());

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, other))).Should().Equal(
            $"VM payments/db-1: network vlan is neither the pod network nor a multus network, so it {Nothing}");
        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, unnamed))).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/) names no NetworkAttachmentDefinition, so it {Nothing}");
    }

    [TestMethod]
    public void Two_attachments_of_one_name_from_two_namespaces_in_one_bubble_conflict()
    {
        var infra = Edit(IsolatedSamples.WebVm(), v =>
        {
            Spec(v)["networks"] = new JsonArray(new JsonObject { ["name"] = "lan", ["multus"] = new JsonObject { ["networkName"] = "infra/vlan100" } });
            Spec(v)["domain"]!["devices"]!["interfaces"] = new JsonArray(new JsonObject { ["name"] = "lan", ["bridge"] = new JsonObject() });
        });
        var facts = IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()), new CopySource(IsolatedSamples.Web, 30, infra))
            with { NetworkAttachments = new HashSet<string> { "payments/vlan100", "infra/vlan100" } };

        Check(facts).Should().Equal(
            $"VM payments/db-1: network vlan (NAD payments/vlan100) shares its name with NAD infra/vlan100, used by VMs of namespace payments too, so it {Nothing}",
            $"VM payments/web-1: network lan (NAD infra/vlan100) shares its name with NAD payments/vlan100, used by VMs of namespace payments too, so it {Nothing}");
    }

    [TestMethod]
    public void One_attachment_used_by_two_vms_or_one_name_in_two_bubbles_does_not_conflict()
    {
        var shop = new ScopedVm(new VmRef("shop", "db-2"), "shop", 1);
        var shopVm = Edit(IsolatedSamples.DbVm(), v => v["metadata"]!["namespace"] = "shop");
        var facts = IsolatedSamples.Facts(
                new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()),
                new CopySource(IsolatedSamples.Db with { Vm = new VmRef("payments", "db-3") }, 15, IsolatedSamples.DbVm()),
                new CopySource(shop, 15, Edit(shopVm, v => Spec(v)["networks"]![1]!["multus"]!["networkName"] = "vlan100")))
            with { NetworkAttachments = new HashSet<string> { "payments/vlan100", "shop/vlan100" }, Claims = [.. IsolatedSamples.Facts().Claims, .. IsolatedSamples.Facts().Claims.Select(c => c with { Namespace = "shop" })] };

        Check(facts).Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("instancetype", "VirtualMachineInstancetype", "VM payments/web-1 uses the namespaced instancetype payments/small, which its copy's namespace does not have: use a cluster instancetype (VirtualMachineClusterInstancetype) or leave the VM out of the rehearsal (--app/--tier)")]
    [DataRow("instancetype", "virtualmachineinstancetype", "VM payments/web-1 uses the namespaced instancetype payments/small, which its copy's namespace does not have: use a cluster instancetype (VirtualMachineClusterInstancetype) or leave the VM out of the rehearsal (--app/--tier)")]
    [DataRow("preference", "VirtualMachinePreference", "VM payments/web-1 uses the namespaced preference payments/small, which its copy's namespace does not have: use a cluster preference (VirtualMachineClusterPreference) or leave the VM out of the rehearsal (--app/--tier)")]
    public void A_namespaced_instancetype_or_preference_is_refused(string field, string kind, string line)
    {
        var vm = Edit(IsolatedSamples.WebVm(), v => v["spec"]![field] = new JsonObject { ["kind"] = kind, ["name"] = "small" });

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, vm))).Should().Equal(line);
    }

    [TestMethod]
    public void Cluster_instancetypes_and_preferences_pass()
    {
        var vm = Edit(IsolatedSamples.WebVm(), v =>
        {
            v["spec"]!["instancetype"] = new JsonObject { ["kind"] = "VirtualMachineClusterInstancetype", ["name"] = "u1.small" };
            v["spec"]!["preference"] = new JsonObject { ["name"] = "rhel.9" };
        });

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, vm))).Should().BeEmpty();
    }

    [TestMethod]
    public void A_size_that_is_not_a_quantity_is_refused()
    {
        var vm = Edit(IsolatedSamples.WebVm(), v => Spec(v)["domain"]!["resources"]!["requests"]!["memory"] = "2 GB");

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, vm))).Should().Equal("VM payments/web-1: memory '2 GB' is not a quantity: fix the VM's spec");
    }

    [TestMethod]
    public void Free_capacity_is_allocatable_minus_requests_on_ready_schedulable_nodes_of_the_dr_site()
    {
        NodeFacts[] nodes =
        [
            IsolatedSamples.Node("d-1", "DR", 4000, 8 * Quantities.Gi),
            IsolatedSamples.Node("d-2", "DR", 2000, 4 * Quantities.Gi),
            IsolatedSamples.Node("d-3", "DR", 64_000, 64 * Quantities.Gi, ready: false),
            IsolatedSamples.Node("d-4", "DR", 64_000, 64 * Quantities.Gi, unschedulable: true),
            IsolatedSamples.Node("p-1", "Primary", 64_000, 64 * Quantities.Gi),
            new("x-1", new Dictionary<string, string>(), true, false, 64_000, 64 * Quantities.Gi),
        ];
        PodRequest[] pods = [new("d-1", 500, Quantities.Gi), new("d-2", 250, 0), new("d-3", 1000, Quantities.Gi), new("p-1", 1000, Quantities.Gi), new("gone", 7, 7)];

        IsolatedPreflight.FreeAt(nodes, pods, IsolatedSamples.Options).Should().Be((2, 5250L, 11 * Quantities.Gi));
    }

    [TestMethod]
    public void Copies_that_fit_exactly_pass_and_one_millicore_or_byte_more_is_refused()
    {
        // db-1 200m + 4Gi, web-1 1000m + 2Gi: 1200m and 6Gi.
        var exact = IsolatedSamples.Facts() with { Nodes = [IsolatedSamples.Node("d-1", "DR", 1500, 7 * Quantities.Gi)], Pods = [new PodRequest("d-1", 300, Quantities.Gi)] };
        var over = exact with { Pods = [new PodRequest("d-1", 301, Quantities.Gi + 1)] };

        Check(exact).Should().BeEmpty();
        Check(over).Should().Equal(
            "site DR has 1.199 CPU free on 1 Ready, schedulable node and the copies request 1.2 CPU: free some, or copy fewer VMs (--app/--tier)",
            "site DR has 6Gi memory free on 1 Ready, schedulable node and the copies request 6Gi: free some, or copy fewer VMs (--app/--tier)");
    }

    [TestMethod]
    public void An_overcommitted_site_shows_no_negative_free_capacity()
    {
        var facts = IsolatedSamples.Facts() with
        {
            Nodes = [IsolatedSamples.Node("d-1", "DR", 1000, Quantities.Gi), IsolatedSamples.Node("d-2", "DR", 1000, Quantities.Gi)],
            Pods = [new PodRequest("d-1", 5000, 5 * Quantities.Gi)],
        };

        Check(facts).Should().Equal(
            "site DR has 0 CPU free on 2 Ready, schedulable nodes and the copies request 1.2 CPU: free some, or copy fewer VMs (--app/--tier)",
            "site DR has 0Mi memory free on 2 Ready, schedulable nodes and the copies request 6Gi: free some, or copy fewer VMs (--app/--tier)");
    }

    [TestMethod]
    public void A_site_without_a_ready_schedulable_node_is_refused_once()
    {
        var facts = IsolatedSamples.Facts() with { Nodes = [IsolatedSamples.Node("d-1", "DR", ready: false), IsolatedSamples.Node("p-1", "Primary")] };

        Check(facts).Should().Equal("no Ready, schedulable node of cluster east is labelled topology.kubernetes.io/site=DR: the copies have nowhere to run");
    }

    [TestMethod]
    public void A_line_found_twice_is_said_once()
    {
        var twice = Edit(IsolatedSamples.WebVm(), v => ((JsonArray)Spec(v)["volumes"]!).Add(new JsonObject { ["name"] = "root", ["dataVolume"] = new JsonObject { ["name"] = "web-1-root" } }));

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Web, 30, twice)) with { Claims = [] }).Should().Equal(
            "VM payments/web-1: claim payments/web-1-root (volume root) is not on cluster east: the VM cannot start as it is; fix it or leave it out (--app/--tier)");
    }

    [TestMethod]
    public void The_plan_copies_each_vm_present_in_tier_order_into_its_namespaces_bubble()
    {
        var facts = IsolatedSamples.Facts(
            new CopySource(IsolatedSamples.Web, 30, IsolatedSamples.WebVm()),
            new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()),
            new CopySource(IsolatedSamples.Db with { Vm = new VmRef("payments", "gone") }, 15, null));

        var plan = IsolatedPreflight.Plan(facts, IsolatedSamples.Options);

        plan.Options.Should().Be(IsolatedSamples.Options);
        plan.Vms.Should().HaveCount(2);
        plan.Vms[0].Should().BeEquivalentTo(IsolatedSamples.DbPlan());
        plan.Vms[1].Should().BeEquivalentTo(new VmCopyPlan(IsolatedSamples.Web, 30, "acmdr-test-1203-1207-k3f-payments", "acmdr-test-1203-1207-k3f-web-1",
            [IsolatedSamples.Claim("web-1-root", "20Gi")], 1000, 2 * Quantities.Gi));
        plan.Warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void A_bubble_quota_holds_the_copies_requests_plus_200m_and_512Mi_each_and_their_claims()
    {
        var bubble = IsolatedPreflight.Plan(IsolatedSamples.Facts(), IsolatedSamples.Options).Bubbles.Should().ContainSingle().Subject;

        bubble.Should().BeEquivalentTo(new BubblePlan("acmdr-test-1203-1207-k3f-payments", "payments", ["vlan100"],
            200 + 1000 + 2 * 200, 4 * Quantities.Gi + 2 * Quantities.Gi + 2 * 512 * Quantities.Mi, 2, 60 * Quantities.Gi) { QuotaClaims = 3 });
        bubble.SecondaryNetworks.Should().Equal("vlan100");
    }

    [TestMethod]
    public void Each_production_namespace_has_its_bubble_with_its_networks_each_once_in_order()
    {
        var shop = new ScopedVm(new VmRef("shop", "app-1"), "shop", 2);
        var shopVm = Edit(IsolatedSamples.DbVm(), v =>
        {
            Spec(v)["networks"] = new JsonArray(
                new JsonObject { ["name"] = "b", ["multus"] = new JsonObject { ["networkName"] = "zeta" } },
                new JsonObject { ["name"] = "a", ["multus"] = new JsonObject { ["networkName"] = "shop/alpha" } },
                new JsonObject { ["name"] = "c", ["multus"] = new JsonObject { ["networkName"] = "alpha" } });
            Spec(v)["volumes"] = new JsonArray();
        });
        var facts = IsolatedSamples.Facts(new CopySource(shop, null, shopVm), new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()));

        var plan = IsolatedPreflight.Plan(facts, IsolatedSamples.Options);

        plan.Bubbles.Select(b => (b.Namespace, b.ProductionNamespace, string.Join(",", b.SecondaryNetworks), b.QuotaVms, b.QuotaClaims, b.QuotaStorage)).Should().Equal(
            ("acmdr-test-1203-1207-k3f-payments", "payments", "vlan100", 1, 2, 40 * Quantities.Gi),
            ("acmdr-test-1203-1207-k3f-shop", "shop", "alpha,zeta", 1, 0, 0L));
    }

    [TestMethod]
    public void The_plan_takes_each_vms_claims_from_its_own_namespace_in_volume_order()
    {
        var facts = IsolatedSamples.Facts() with
        {
            Claims = [IsolatedSamples.Claim("db-1-data", "1Gi") with { Namespace = "shop" }, IsolatedSamples.Claim("db-1-data", "10Gi"), IsolatedSamples.Claim("db-1-root"), IsolatedSamples.Claim("web-1-root", "20Gi")],
        };

        var plan = IsolatedPreflight.Plan(facts, IsolatedSamples.Options);

        plan.Vms[0].Claims.Select(c => $"{c.Namespace}/{c.Name} {c.Size}").Should().Equal("payments/db-1-root 30Gi", "payments/db-1-data 10Gi");
        plan.Bubbles[0].QuotaStorage.Should().Be(60 * Quantities.Gi);
    }

    [TestMethod]
    public void One_vm_on_the_pod_network_among_others_needs_the_l2bridge_binding()
    {
        var vlanOnly = Edit(IsolatedSamples.DbVm(), vm =>
        {
            Spec(vm)["networks"] = new JsonArray(new JsonObject { ["name"] = "vlan", ["multus"] = new JsonObject { ["networkName"] = "vlan100" } });
            Spec(vm)["domain"]!["devices"]!["interfaces"] = new JsonArray(new JsonObject { ["name"] = "vlan", ["bridge"] = new JsonObject() });
        });
        var facts = IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vlanOnly), new CopySource(IsolatedSamples.Web, 30, IsolatedSamples.WebVm()))
            with { KubeVirt = new KubeVirtFacts(true, "Deployed", ["Snapshot"], []) };

        Check(facts).Should().ContainSingle().Which.Should().StartWith("KubeVirt on cluster east has no l2bridge network binding");
    }

    [TestMethod]
    public void Networks_that_name_no_attachment_are_refused_each_but_do_not_conflict_with_each_other()
    {
        var vm = Edit(IsolatedSamples.DbVm(), v =>
        {
            Spec(v)["networks"]![1]!["multus"]!["networkName"] = "infra/";
            ((JsonArray)Spec(v)["networks"]!).Add(new JsonObject { ["name"] = "other", ["multus"] = new JsonObject { ["networkName"] = "" } });
        });

        Check(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, vm))).Should().Equal(
            $"VM payments/db-1: network vlan (NAD infra/) names no NetworkAttachmentDefinition, so it {Nothing}",
            $"VM payments/db-1: network other (NAD payments/) names no NetworkAttachmentDefinition, so it {Nothing}");
    }

    [TestMethod]
    public void A_conflict_names_every_other_namespace_of_the_same_name()
    {
        JsonObject On(string nad) => Edit(IsolatedSamples.WebVm(), v =>
        {
            Spec(v)["networks"] = new JsonArray(new JsonObject { ["name"] = "lan", ["multus"] = new JsonObject { ["networkName"] = nad } });
            Spec(v)["domain"]!["devices"]!["interfaces"] = new JsonArray(new JsonObject { ["name"] = "lan" });
        });
        var facts = IsolatedSamples.Facts(
                new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()),
                new CopySource(IsolatedSamples.Web, 30, On("infra/vlan100")),
                new CopySource(IsolatedSamples.Web with { Vm = new VmRef("payments", "web-2") }, 30, On("lab/vlan100")))
            with { NetworkAttachments = new HashSet<string> { "payments/vlan100", "infra/vlan100", "lab/vlan100" } };

        Check(facts)[0].Should().Be(
            $"VM payments/db-1: network vlan (NAD payments/vlan100) shares its name with NAD infra/vlan100, lab/vlan100, used by VMs of namespace payments too, so it {Nothing}");
    }

    [TestMethod]
    public void A_claim_missing_from_the_facts_is_left_out_of_the_plan() =>
        IsolatedPreflight.Plan(IsolatedSamples.Facts() with { Claims = [IsolatedSamples.Claim("db-1-data", "10Gi")] }, IsolatedSamples.Options)
            .Vms[0].Claims.Select(c => c.Name).Should().Equal("db-1-data");

    [TestMethod]
    public void Reading_a_vm_gives_its_volumes_and_networks_with_their_bindings()
    {
        var vm = IsolatedSamples.DbVm();

        VmReading.Volumes(vm).Should().Equal(
            new VolumeUse("rootdisk", "dataVolume", "db-1-root"),
            new VolumeUse("data", "persistentVolumeClaim", "db-1-data"),
            new VolumeUse("cloudinitdisk", "cloudInitNoCloud", null));
        VmReading.Claims(vm).Should().Equal("db-1-root", "db-1-data");
        VmReading.Networks(vm, "payments").Should().Equal(
            new NetworkUse("default", true, null, null, false, "masquerade"),
            new NetworkUse("vlan", false, "payments", "vlan100", false, "bridge"));
        VmReading.Networks(vm, "payments")[1].Nad.Should().Be("payments/vlan100");
    }

    [TestMethod]
    public void Volumes_and_networks_without_names_read_as_empty_names()
    {
        var vm = IsolatedSamples.Parse("""{"spec": {"template": {"spec": {"volumes": [{"emptyDisk": {}}], "networks": [{"pod": {}}]}}}}""");

        VmReading.Volumes(vm).Should().Equal(new VolumeUse("", "emptyDisk", null));
        VmReading.Networks(vm, "payments").Should().Equal(new NetworkUse("", true, null, null, false, null));
    }

    [TestMethod]
    public void The_pod_network_is_implicit_only_without_networks_and_without_interfaces()
    {
        var both = IsolatedSamples.WebVm();
        var onlyInterfaces = Edit(both, v => Spec(v).Remove("networks"));
        var onlyNetworks = Edit(both, v => ((JsonObject)Spec(v)["domain"]!["devices"]!).Remove("interfaces"));
        var neither = Edit(onlyInterfaces, v => ((JsonObject)Spec(v)["domain"]!["devices"]!).Remove("interfaces"));

        VmReading.ImplicitPodNetwork(both).Should().BeFalse();
        VmReading.ImplicitPodNetwork(onlyInterfaces).Should().BeFalse();
        VmReading.ImplicitPodNetwork(onlyNetworks).Should().BeFalse();
        VmReading.ImplicitPodNetwork(neither).Should().BeTrue();
        VmReading.ImplicitPodNetwork(new JsonObject()).Should().BeTrue();
    }

    [TestMethod]
    public void A_network_name_that_starts_with_a_slash_names_the_empty_namespace() =>
        VmReading.SplitNad("/x", "payments").Should().Be(("", "x"));

    [TestMethod]
    public void Volume_kinds_are_kept_dropped_claims_or_refused()
    {
        new[] { "containerDisk", "emptyDisk", "ephemeral", "downwardAPI", "downwardMetrics" }.Should().OnlyContain(k => VmReading.IsKept(k));
        new[] { "cloudInitNoCloud", "cloudInitConfigDrive" }.Should().OnlyContain(k => VmReading.IsDropped(k));
        new[] { "dataVolume", "persistentVolumeClaim" }.Should().OnlyContain(k => VmReading.IsClaim(k));
        new[] { "secret", "configMap", "sysprep", "hostDisk", "memoryDump", "serviceAccount" }.Should().OnlyContain(k => VmReading.IsRefused(k));
        new[] { "ContainerDisk", "", "none" }.Should().NotContain(k => VmReading.IsKept(k) || VmReading.IsDropped(k) || VmReading.IsClaim(k) || VmReading.IsRefused(k));
        VmReading.BindingKeys().Should().Equal("bridge", "masquerade", "sriov", "macvtap", "passt", "slirp", "binding");
    }

    [TestMethod]
    public void Vm_readings_refuse_null_arguments()
    {
        FluentActions.Invoking(() => VmReading.Volumes(null!)).Should().Throw<ArgumentNullException>().WithParameterName("vm");
        FluentActions.Invoking(() => VmReading.Volume(null!)).Should().Throw<ArgumentNullException>().WithParameterName("volume");
        FluentActions.Invoking(() => VmReading.Networks(null!, "p")).Should().Throw<ArgumentNullException>().WithParameterName("vm");
        FluentActions.Invoking(() => VmReading.ImplicitPodNetwork(null!)).Should().Throw<ArgumentNullException>().WithParameterName("vm");
        FluentActions.Invoking(() => VmReading.SplitNad(null!, "p")).Should().Throw<ArgumentNullException>().WithParameterName("networkName");
    }

    [TestMethod]
    public void A_binding_plugin_without_a_name_is_called_unnamed()
    {
        VmReading.BindingOf(new JsonObject { ["name"] = "x", ["binding"] = new JsonObject() }).Should().Be("binding plugin (unnamed)");
        VmReading.BindingOf(new JsonObject { ["name"] = "x", ["model"] = "virtio" }).Should().BeNull();
        VmReading.BindingOf(null).Should().BeNull();
    }

    [TestMethod]
    public void A_claim_two_vms_share_counts_once_in_the_quota()
    {
        var sharing = Edit(IsolatedSamples.WebVm(), v => ((JsonArray)Spec(v)["volumes"]!).Add(new JsonObject { ["name"] = "shared", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = "db-1-data" } }));

        var bubble = IsolatedPreflight.Plan(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()), new CopySource(IsolatedSamples.Web, 30, sharing)), IsolatedSamples.Options).Bubbles[0];

        bubble.QuotaClaims.Should().Be(3);
        bubble.QuotaStorage.Should().Be(60 * Quantities.Gi);
    }

    [TestMethod]
    public void A_host_assisted_clone_strategy_of_a_class_used_is_a_warning()
    {
        var facts = IsolatedSamples.Facts() with
        {
            Storage = IsolatedSamples.Facts().Storage with { CloneStrategies = new Dictionary<string, string> { ["ocs-rbd"] = "copy", ["unused"] = "copy" } },
        };

        IsolatedPreflight.Plan(facts, IsolatedSamples.Options).Warnings.Should().Equal(
            "StorageClass ocs-rbd: CDI's clone strategy is copy (host-assisted): the copies' disks are copied through pods, slowly; set cloneStrategy csi-clone or snapshot in its StorageProfile to copy on write");
        Check(facts).Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("csi-clone")]
    [DataRow("snapshot")]
    public void A_copy_on_write_clone_strategy_is_no_warning(string strategy)
    {
        var facts = IsolatedSamples.Facts() with
        {
            Storage = IsolatedSamples.Facts().Storage with { CloneStrategies = new Dictionary<string, string> { ["ocs-rbd"] = strategy } },
        };

        IsolatedPreflight.Plan(facts, IsolatedSamples.Options).Warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void A_vm_sized_by_a_cluster_instancetype_is_warned_about_and_its_bubble_quota_leaves_cpu_and_memory_unlimited()
    {
        var vm = Edit(IsolatedSamples.WebVm(), v => v["spec"]!["instancetype"] = new JsonObject { ["name"] = "u1.large", ["revisionName"] = "r-1" });

        var plan = IsolatedPreflight.Plan(IsolatedSamples.Facts(new CopySource(IsolatedSamples.Db, 15, IsolatedSamples.DbVm()), new CopySource(IsolatedSamples.Web, 30, vm)), IsolatedSamples.Options);

        plan.Warnings.Should().Equal(
            "VM payments/web-1 takes its CPU and memory from cluster instancetype u1.large, which acmdr does not read: the capacity check leaves it out and its bubble's quota does not limit CPU and memory");
        plan.Vms[1].MilliCpu.Should().Be(0);
        plan.Vms[1].Memory.Should().Be(0);
        plan.Bubbles[0].QuotaMilliCpu.Should().Be(0);
        plan.Bubbles[0].QuotaMemory.Should().Be(0);
    }

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => IsolatedPreflight.AccessNeeds(null!)).Should().Throw<ArgumentNullException>().WithParameterName("productionNamespaces");
        FluentActions.Invoking(() => IsolatedPreflight.Check(null!, IsolatedSamples.Options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedPreflight.Check(IsolatedSamples.Facts(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedPreflight.Plan(null!, IsolatedSamples.Options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedPreflight.Plan(IsolatedSamples.Facts(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedPreflight.FreeAt(null!, [], IsolatedSamples.Options)).Should().Throw<ArgumentNullException>().WithParameterName("nodes");
        FluentActions.Invoking(() => IsolatedPreflight.FreeAt([], null!, IsolatedSamples.Options)).Should().Throw<ArgumentNullException>().WithParameterName("pods");
        FluentActions.Invoking(() => IsolatedPreflight.FreeAt([], [], null!)).Should().Throw<ArgumentNullException>();
    }

    private static IReadOnlyList<string> Check(PreflightFacts facts) =>
        [.. IsolatedPreflight.Check(facts, IsolatedSamples.Options).Select(f => f.Line)];

    private static JsonObject Spec(JsonObject vm) => (JsonObject)vm["spec"]!["template"]!["spec"]!;

    private static JsonObject Edit(JsonObject vm, Action<JsonObject> edit)
    {
        var copy = (JsonObject)vm.DeepClone();
        edit(copy);
        return copy;
    }

    private static JsonObject WithVolume(string kind, string body) =>
        Edit(IsolatedSamples.WebVm(), v => ((JsonArray)Spec(v)["volumes"]!).Add(new JsonObject { ["name"] = "extra", [kind] = JsonNode.Parse(body) }));
}
