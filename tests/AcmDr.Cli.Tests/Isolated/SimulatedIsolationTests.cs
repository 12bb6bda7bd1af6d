using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>The simulated cluster itself, driven through plain HTTP as any client would.</summary>
[TestClass]
public sealed class SimulatedIsolationTests
{
    private const string Snapshots = "/apis/snapshot.kubevirt.io/v1beta1/namespaces/payments/virtualmachinesnapshots";
    private const string Bubble = "acmdr-test-r1-payments";

    [TestMethod]
    public async Task Every_type_acmdr_names_is_served_and_listable()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);

        foreach (var type in IsolationWorld.AllApiResources())
        {
            var path = (type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}") + "/" + type.Plural;
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{type} is registered");
        }
    }

    [TestMethod]
    public async Task The_world_holds_production_running_at_Primary_with_bound_claims_and_a_ready_KubeVirt()
    {
        await using var world = await IsolationWorld.StartAsync();

        world.ProductionVms.Should().Equal("payments/db-1", "payments/db-2", "shop/web-1");
        foreach (var (ns, name) in new[] { ("payments", "db-1"), ("payments", "db-2"), ("shop", "web-1") })
        {
            var vm = world.Vm(ns, name)!;
            vm["spec"]!["template"]!["spec"]!["nodeSelector"]![IsolationWorld.SiteLabel]!.GetValue<string>().Should().Be("Primary");
            vm["metadata"]!["labels"]!["acmdr.io/app"].Should().NotBeNull();
            world.Instance(ns, name)!["status"]!["nodeName"]!.GetValue<string>().Should().StartWith("p-");
            world.Get(ApiResource.Claims, ns, name + "-root")!["status"]!["phase"]!.GetValue<string>().Should().Be("Bound");
            world.Get(ApiResource.Volumes, null, $"pv-{ns}-{name}-root")!["spec"]!["claimRef"]!["name"]!.GetValue<string>().Should().Be(name + "-root");
        }

        world.Vm("shop", "web-1")!["spec"]!["template"]!["spec"]!["networks"]!.AsArray().Should().Contain(n => n!["multus"] != null);
        world.Get(ApiResource.NetworkAttachments, "shop", IsolationWorld.Nad).Should().NotBeNull();
        world.Get(ApiResource.Claims, "payments", "db-1-data").Should().NotBeNull();
        var kubevirt = world.Get(ApiResource.KubeVirts, IsolationWorld.KubeVirtNamespace, IsolationWorld.KubeVirtName)!;
        kubevirt["status"]!["phase"]!.GetValue<string>().Should().Be("Deployed");
        kubevirt["spec"]!["configuration"]!["developerConfiguration"]!["featureGates"]!.AsArray().Select(g => g!.GetValue<string>()).Should().Contain("Snapshot");
        world.Get(ApiResource.StorageProfiles, null, IsolationWorld.StorageClass)!["status"]!["cloneStrategy"]!.GetValue<string>().Should().Be("csi-clone");
        world.List(ApiResource.Nodes, labelSelector: $"{IsolationWorld.SiteLabel}=DR").Should().HaveCount(2);
        File.ReadAllText(world.InventoryPath).Should().Contain("db-1");
    }

    [TestMethod]
    public async Task A_snapshot_is_ready_after_the_delay_with_the_VM_as_it_was_and_a_VolumeSnapshot_per_claim()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await PostAsync(http, Snapshots, SnapshotOf("snap-1", "db-1"));

        world.Clock.Advance(TimeSpan.FromSeconds(10));
        var early = await GetAsync(http, Snapshots + "/snap-1");
        world.Clock.Advance(TimeSpan.FromSeconds(5));
        var ready = await GetAsync(http, Snapshots + "/snap-1");

        early["status"]!["phase"]!.GetValue<string>().Should().Be("InProgress");
        early["status"]!["readyToUse"]!.GetValue<bool>().Should().BeFalse();
        ready["status"]!["phase"]!.GetValue<string>().Should().Be("Succeeded");
        ready["status"]!["readyToUse"]!.GetValue<bool>().Should().BeTrue();
        ready["status"]!["indications"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal("Online", "GuestAgent");
        var contentName = ready["status"]!["virtualMachineSnapshotContentName"]!.GetValue<string>();
        var content = await GetAsync(http, "/apis/snapshot.kubevirt.io/v1beta1/namespaces/payments/virtualmachinesnapshotcontents/" + contentName);
        var source = content["spec"]!["source"]!["virtualMachine"]!;
        source["metadata"]!["name"]!.GetValue<string>().Should().Be("db-1");
        source["metadata"]!["labels"]!["acmdr.io/app"]!.GetValue<string>().Should().Be("payments-db");
        JsonNode.DeepEquals(source["spec"], world.Vm("payments", "db-1")!["spec"]).Should().BeTrue();
        var backups = content["spec"]!["volumeBackups"]!.AsArray();
        backups.Select(b => b!["persistentVolumeClaim"]!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("db-1-root", "db-1-data");
        backups[0]!["persistentVolumeClaim"]!["spec"]!["storageClassName"]!.GetValue<string>().Should().Be(IsolationWorld.StorageClass);
        foreach (var backup in backups)
        {
            var volumeSnapshot = await GetAsync(http, "/apis/snapshot.storage.k8s.io/v1/namespaces/payments/volumesnapshots/" + backup!["volumeSnapshotName"]!.GetValue<string>());
            volumeSnapshot["status"]!["readyToUse"]!.GetValue<bool>().Should().BeTrue();
        }

        world.Sim.Events.Should().ContainInOrder("snapshot started payments/snap-1", "snapshot ready payments/snap-1 (Online, GuestAgent)");
        world.Sim.TimedEvents.Single(e => e.Event.StartsWith("snapshot ready", StringComparison.Ordinal)).At.Should().Be(SimulatedIsolationClock.Origin + TimeSpan.FromSeconds(15));
    }

    [TestMethod]
    public async Task A_VM_without_guest_agent_gets_a_crash_consistent_snapshot()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        world.Sim.NoGuestAgent.Add("db-2");
        await PostAsync(http, Snapshots, SnapshotOf("snap-2", "db-2"));

        world.Clock.Advance(world.Sim.SnapshotDelay);
        var snapshot = await GetAsync(http, Snapshots + "/snap-2");

        snapshot["status"]!["indications"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal("Online", "NoGuestAgent");
    }

    [TestMethod]
    public async Task A_snapshot_named_to_fail_reads_Failed_with_an_error_message_and_has_no_content()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        world.Sim.FailSnapshotOf.Add("db-1");
        await PostAsync(http, Snapshots, SnapshotOf("snap-1", "db-1"));

        world.Clock.Advance(world.Sim.SnapshotDelay);
        var snapshot = await GetAsync(http, Snapshots + "/snap-1");

        snapshot["status"]!["phase"]!.GetValue<string>().Should().Be("Failed");
        snapshot["status"]!["error"]!["message"]!.GetValue<string>().Should().Contain("payments/db-1");
        world.List(ApiResource.VmSnapshotContents).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_snapshot_of_a_claim_without_snapshot_class_fails()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        world.RemoveSnapshotClass();
        await PostAsync(http, Snapshots, SnapshotOf("snap-1", "db-1"));

        world.Clock.Advance(world.Sim.SnapshotDelay);
        var snapshot = await GetAsync(http, Snapshots + "/snap-1");

        snapshot["status"]!["error"]!["message"]!.GetValue<string>().Should().Contain("no VolumeSnapshotClass");
    }

    [TestMethod]
    public async Task A_DataVolume_from_a_snapshot_clones_then_succeeds_with_a_bound_claim_of_its_name()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        var volumeSnapshot = await ReadySnapshotAsync(world, http);
        await BubbleAsync(http);
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-root", volumeSnapshot));

        world.Clock.Advance(TimeSpan.FromSeconds(15));
        var cloning = await GetAsync(http, DataVolumes(Bubble) + "/db-1-root");
        world.Clock.Advance(world.Sim.CopyDelay);
        var done = await GetAsync(http, DataVolumes(Bubble) + "/db-1-root");

        cloning["status"]!["phase"]!.GetValue<string>().Should().Be("CloneInProgress");
        cloning["status"]!["progress"]!.GetValue<string>().Should().Be("33.33%");
        done["status"]!["phase"]!.GetValue<string>().Should().Be("Succeeded");
        var claim = await GetAsync(http, $"/api/v1/namespaces/{Bubble}/persistentvolumeclaims/db-1-root");
        claim["status"]!["phase"]!.GetValue<string>().Should().Be("Bound");
        claim["spec"]!["resources"]!["requests"]!["storage"]!.GetValue<string>().Should().Be("30Gi");
        var volume = world.Get(ApiResource.Volumes, null, claim["spec"]!["volumeName"]!.GetValue<string>())!;
        volume["spec"]!["claimRef"]!["namespace"]!.GetValue<string>().Should().Be(Bubble);
        volume["status"]!["phase"]!.GetValue<string>().Should().Be("Bound");
    }

    [TestMethod]
    public async Task A_DataVolume_named_to_fail_or_from_a_missing_snapshot_reads_Failed_with_the_Running_message()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await BubbleAsync(http);
        var volumeSnapshot = await ReadySnapshotAsync(world, http);
        world.Sim.FailCopyOf.Add("db-1-root");
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-root", volumeSnapshot));
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-data", "no-such-snapshot"));

        world.Clock.Advance(world.Sim.CopyDelay);
        var failed = await GetAsync(http, DataVolumes(Bubble) + "/db-1-root");
        var missing = await GetAsync(http, DataVolumes(Bubble) + "/db-1-data");

        failed["status"]!["phase"]!.GetValue<string>().Should().Be("Failed");
        Running(failed).Should().Contain("simulated CSI clone error");
        missing["status"]!["phase"]!.GetValue<string>().Should().Be("Failed");
        Running(missing).Should().Be("VolumeSnapshot payments/no-such-snapshot not found");
        world.List(ApiResource.Claims, Bubble).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_copy_boots_at_the_DR_site_once_its_volumes_succeed_and_the_boot_delay_passed()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await BubbleAsync(http);
        var volumeSnapshot = await ReadySnapshotAsync(world, http);
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-root", volumeSnapshot));
        await PostAsync(http, VirtualMachines(Bubble), CopyOf("db-1", "db-1-root"));

        world.Clock.Advance(world.Sim.CopyDelay);
        (await GetAsync(http, VirtualMachines(Bubble) + "/db-1"))["status"]!["printableStatus"]!.GetValue<string>().Should().Be("Starting");
        world.Clock.Advance(world.Sim.BootDelay - TimeSpan.FromSeconds(1));
        await GetStatusAsync(http, Instances(Bubble) + "/db-1", HttpStatusCode.NotFound);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var instance = await GetAsync(http, Instances(Bubble) + "/db-1");

        instance["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        instance["status"]!["nodeName"]!.GetValue<string>().Should().StartWith("d-");
        Conditions(instance).Should().Contain(("AgentConnected", "True")).And.Contain(("Ready", "True"));
        world.Sim.Events.Should().Contain(e => e.StartsWith($"boot {Bubble}/db-1 on d-", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task A_copy_that_never_boots_stays_Scheduling_and_one_without_agent_never_connects()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await BubbleAsync(http);
        world.Sim.NeverBoots.Add("db-1");
        world.Sim.NoGuestAgent.Add("db-2");
        await PostAsync(http, VirtualMachines(Bubble), CopyOf("db-1", null));
        await PostAsync(http, VirtualMachines(Bubble), CopyOf("db-2", null));

        world.Clock.Advance(TimeSpan.FromHours(1));
        var never = await GetAsync(http, Instances(Bubble) + "/db-1");
        var agentless = await GetAsync(http, Instances(Bubble) + "/db-2");

        never["status"]!["phase"]!.GetValue<string>().Should().Be("Scheduling");
        agentless["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        Conditions(agentless).Select(c => c.Type).Should().NotContain("AgentConnected");
    }

    [TestMethod]
    public async Task A_copy_whose_site_has_no_ready_node_waits_Scheduling_until_one_is_ready()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await BubbleAsync(http);
        world.NodeNotReady("d-1");
        world.NodeNotReady("d-2");
        await PostAsync(http, VirtualMachines(Bubble), CopyOf("db-1", null));

        world.Clock.Advance(world.Sim.BootDelay);
        var waiting = await GetAsync(http, Instances(Bubble) + "/db-1");
        world.Put(IsolationWorld.Node("d-2", "DR"));
        var running = await GetAsync(http, Instances(Bubble) + "/db-1");

        waiting["status"]!["phase"]!.GetValue<string>().Should().Be("Scheduling");
        running["status"]!["nodeName"]!.GetValue<string>().Should().Be("d-2");
    }

    [TestMethod]
    public async Task Deleting_a_bubble_reads_Terminating_then_removes_all_in_it_and_releases_a_retained_PV()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        var volumeSnapshot = await ReadySnapshotAsync(world, http);
        await BubbleAsync(http);
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-root", volumeSnapshot));
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-data", volumeSnapshot));
        await PostAsync(http, VirtualMachines(Bubble), CopyOf("db-1", "db-1-root"));
        world.Clock.Advance(world.Sim.CopyDelay);
        world.Sim.Step();
        world.Clock.Advance(world.Sim.BootDelay);
        world.Sim.Step();
        world.Instance(Bubble, "db-1").Should().NotBeNull();
        var volumes = world.List(ApiResource.Claims, Bubble).ToDictionary(SimulatedIsolation.Name, c => c["spec"]!["volumeName"]!.GetValue<string>());
        world.Sim.RetainPvOf.Add("db-1-data");

        using var delete = await http.DeleteAsync(new Uri($"/api/v1/namespaces/{Bubble}", UriKind.Relative));
        var terminating = JsonNode.Parse(await delete.Content.ReadAsStringAsync())!;
        world.Sim.Step();
        var during = await GetAsync(http, $"/api/v1/namespaces/{Bubble}");
        world.Clock.Advance(world.Sim.TerminationDelay);
        world.Sim.Step();

        delete.StatusCode.Should().Be(HttpStatusCode.OK);
        terminating["status"]!["phase"]!.GetValue<string>().Should().Be("Terminating");
        during["status"]!["phase"]!.GetValue<string>().Should().Be("Terminating");
        during["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        world.Get(ApiResource.Namespaces, null, Bubble).Should().BeNull();
        foreach (var type in new[] { ApiResource.VirtualMachines, ApiResource.Instances, ApiResource.DataVolumes, ApiResource.Claims })
        {
            world.List(type, Bubble).Should().BeEmpty($"{type} goes with the namespace");
        }

        world.Get(ApiResource.Volumes, null, volumes["db-1-root"]).Should().BeNull();
        world.Get(ApiResource.Volumes, null, volumes["db-1-data"])!["status"]!["phase"]!.GetValue<string>().Should().Be("Released");
        world.Vm("payments", "db-1").Should().NotBeNull("production is another namespace");
        world.Sim.Events.Should().ContainInOrder($"namespace terminating {Bubble}", $"namespace deleted {Bubble}");
        await GetStatusAsync(http, $"/api/v1/namespaces/{Bubble}", HttpStatusCode.NotFound);
        using var again = await http.DeleteAsync(new Uri($"/api/v1/namespaces/{Bubble}", UriKind.Relative));
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task A_create_in_a_missing_namespace_is_404_and_in_a_terminating_one_403()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);

        using var missing = await http.PostAsJsonAsync(new Uri(VirtualMachines(Bubble), UriKind.Relative), CopyOf("db-1", null));
        await BubbleAsync(http);
        using var delete = await http.DeleteAsync(new Uri($"/api/v1/namespaces/{Bubble}", UriKind.Relative));
        world.Get(ApiResource.Namespaces, null, Bubble).Should().NotBeNull("it terminates for a while");
        using var terminating = await http.PostAsJsonAsync(new Uri(VirtualMachines(Bubble), UriKind.Relative), CopyOf("db-1", null));

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        terminating.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await terminating.Content.ReadAsStringAsync()).Should().Contain("because it is being terminated");
        world.List(ApiResource.VirtualMachines, Bubble).Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_DataVolume_without_bind_immediate_on_a_WaitForFirstConsumer_class_never_fills()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        var volumeSnapshot = await ReadySnapshotAsync(world, http);
        world.SetBindingMode("WaitForFirstConsumer");
        await BubbleAsync(http);
        var lazy = DataVolumeFrom("db-1-root", volumeSnapshot);
        ((JsonObject)lazy["metadata"]!).Remove("annotations");
        await PostAsync(http, DataVolumes(Bubble), lazy);
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-data", volumeSnapshot));

        world.Clock.Advance(TimeSpan.FromHours(1));
        var waiting = await GetAsync(http, DataVolumes(Bubble) + "/db-1-root");
        var immediate = await GetAsync(http, DataVolumes(Bubble) + "/db-1-data");

        waiting["status"]!["phase"]!.GetValue<string>().Should().Be("PendingPopulation");
        immediate["status"]!["phase"]!.GetValue<string>().Should().Be("Succeeded");
    }

    [TestMethod]
    public async Task A_bubble_quota_refuses_a_VM_too_many_holds_a_claim_too_big_and_a_launcher_too_large()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        var volumeSnapshot = await ReadySnapshotAsync(world, http);
        await BubbleAsync(http);
        await PostAsync(http, $"/api/v1/namespaces/{Bubble}/resourcequotas", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ResourceQuota",
            ["metadata"] = new JsonObject { ["name"] = "acmdr-isolated" },
            ["spec"] = new JsonObject
            {
                ["hard"] = new JsonObject
                {
                    ["count/virtualmachines.kubevirt.io"] = "1",
                    ["requests.storage"] = "20Gi",
                    ["persistentvolumeclaims"] = "2",
                    ["requests.cpu"] = "300m",
                    ["requests.memory"] = "1Gi",
                },
            },
        });
        await PostAsync(http, DataVolumes(Bubble), DataVolumeFrom("db-1-root", volumeSnapshot));
        var copy = CopyOf("db-1", null);
        copy["spec"]!["template"]!["spec"]!["domain"]!["memory"] = new JsonObject { ["guest"] = "4Gi" };
        await PostAsync(http, VirtualMachines(Bubble), copy);
        using var second = await http.PostAsJsonAsync(new Uri(VirtualMachines(Bubble), UriKind.Relative), CopyOf("db-2", null));

        world.Clock.Advance(world.Sim.CopyDelay + world.Sim.BootDelay);
        var dataVolume = await GetAsync(http, DataVolumes(Bubble) + "/db-1-root");
        var instance = await GetAsync(http, Instances(Bubble) + "/db-1");

        second.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await second.Content.ReadAsStringAsync()).Should().Contain("exceeded quota: acmdr-isolated, requested: count/virtualmachines.kubevirt.io=1");
        dataVolume["status"]!["phase"]!.GetValue<string>().Should().Be("Pending");
        Running(dataVolume).Should().Contain("exceeded quota: acmdr-isolated, requested: requests.storage=");
        instance["status"]!["phase"]!.GetValue<string>().Should().Be("Pending");
        instance["status"]!["conditions"]![0]!["message"]!.GetValue<string>().Should().Contain("exceeded quota").And.Contain("requests.memory");
    }

    [TestMethod]
    [DataRow("100m", 1000L, 100L)]
    [DataRow("2", 1000L, 2000L)]
    [DataRow("1.5", 1000L, 1500L)]
    [DataRow("4Gi", 1L, 4294967296L)]
    [DataRow("512Mi", 1L, 536870912L)]
    [DataRow("1G", 1L, 1000000000L)]
    [DataRow("1e3", 1L, 1000L)]
    public void Quantities_read_as_Kubernetes_writes_them(string text, long scale, long expected) =>
        SimulatedIsolation.Quantity(text, scale).Should().Be(expected);

    [TestMethod]
    public async Task Each_knob_breaks_the_fact_it_names()
    {
        await using var world = await IsolationWorld.StartAsync();

        world.RemoveSnapshotClass();
        world.DropSnapshotGate();
        world.DropL2Bridge();
        world.SetCloneStrategy("copy");
        world.ShrinkDr("1", "2Gi");
        world.AddSriovNetwork("payments", "db-2");
        world.AddMissingNadNetwork("payments", "db-1");
        world.AddVolume("shop", "web-1", new JsonObject { ["name"] = "cfg", ["secret"] = new JsonObject { ["secretName"] = "web-cfg" } });

        world.Get(ApiResource.SnapshotClasses, null, IsolationWorld.SnapshotClass).Should().BeNull();
        var kubevirt = world.Get(ApiResource.KubeVirts, IsolationWorld.KubeVirtNamespace, IsolationWorld.KubeVirtName)!;
        kubevirt["spec"]!["configuration"]!["developerConfiguration"]!["featureGates"]!.AsArray().Select(g => g!.GetValue<string>()).Should().NotContain("Snapshot");
        kubevirt["spec"]!["configuration"]!["network"]!["binding"]!.AsObject().Should().NotContainKey("l2bridge");
        world.Get(ApiResource.StorageProfiles, null, IsolationWorld.StorageClass)!["status"]!["cloneStrategy"]!.GetValue<string>().Should().Be("copy");
        world.List(ApiResource.Nodes, labelSelector: $"{IsolationWorld.SiteLabel}=DR").Should().OnlyContain(n => n["status"]!["allocatable"]!["cpu"]!.GetValue<string>() == "1");
        world.Vm("payments", "db-2")!["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["interfaces"]!.AsArray().Should().Contain(i => i!["sriov"] != null);
        world.Get(ApiResource.NetworkAttachments, "payments", "sriov-net").Should().NotBeNull();
        world.Vm("payments", "db-1")!["spec"]!["template"]!["spec"]!["networks"]!.AsArray().Should().Contain(n => n!["multus"] != null && n["multus"]!["networkName"]!.GetValue<string>() == "vlan200");
        world.Get(ApiResource.NetworkAttachments, "payments", "vlan200").Should().BeNull();
        world.Vm("shop", "web-1")!["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().Should().Contain(v => v!["secret"] != null);
    }

    [TestMethod]
    public async Task A_copy_boots_on_its_bubbles_isolated_networks_and_one_attached_beyond_it_is_a_breach()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await BubbleAsync(http);
        await PostAsync(http, $"/apis/k8s.ovn.org/v1/namespaces/{Bubble}/userdefinednetworks", Udn("vlan100", "Secondary"));
        await PostAsync(http, VirtualMachines(Bubble), OnNetwork(CopyOf("db-1", null), "vlan100"));
        await PostAsync(http, VirtualMachines(Bubble), OnNetwork(CopyOf("db-2", null), "shop/vlan100"));
        await PostAsync(http, VirtualMachines(Bubble), OnNetwork(CopyOf("web-1", null), "vlan300"));

        world.Clock.Advance(world.Sim.BootDelay);
        var isolated = await GetAsync(http, Instances(Bubble) + "/db-1");
        var breach = await GetAsync(http, Instances(Bubble) + "/db-2");
        var missing = await GetAsync(http, Instances(Bubble) + "/web-1");

        isolated["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        breach["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        world.Sim.Breaches.Should().ContainSingle().Which.Should().Be($"{Bubble}/db-2: network net1 attaches shop/vlan100 of another namespace");
        missing["status"]!["phase"]!.GetValue<string>().Should().Be("Scheduling");
        missing["status"]!["conditions"]![0]!["message"]!.GetValue<string>().Should().Contain("\"vlan300\" not found");
    }

    [TestMethod]
    public async Task Without_a_primary_UDN_an_l2bridge_copy_never_starts_and_a_masquerade_one_runs_on_the_default_network_as_a_breach()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await PostAsync(http, "/api/v1/namespaces", IsolationWorld.NamespaceObject(Bubble));
        await PostAsync(http, VirtualMachines(Bubble), CopyOf("db-1", null));
        var masquerade = CopyOf("db-2", null);
        masquerade["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["interfaces"]![0] = new JsonObject { ["name"] = "default", ["masquerade"] = new JsonObject() };
        await PostAsync(http, VirtualMachines(Bubble), masquerade);

        world.Clock.Advance(world.Sim.BootDelay);
        var l2bridge = await GetAsync(http, Instances(Bubble) + "/db-1");
        var running = await GetAsync(http, Instances(Bubble) + "/db-2");

        l2bridge["status"]!["phase"]!.GetValue<string>().Should().Be("Scheduling");
        l2bridge["status"]!["conditions"]![0]!["message"]!.GetValue<string>().Should().Contain("no primary user-defined network");
        running["status"]!["phase"]!.GetValue<string>().Should().Be("Running");
        world.Sim.Breaches.Should().ContainSingle().Which.Should().Contain("cluster default pod network");
    }

    [TestMethod]
    public async Task Deleting_a_snapshot_takes_its_content_and_VolumeSnapshots_with_it()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await ReadySnapshotAsync(world, http);
        world.List(ApiResource.VolumeSnapshots, "payments").Should().NotBeEmpty();

        using var delete = await http.DeleteAsync(new Uri(Snapshots + "/snap-1", UriKind.Relative));
        world.Sim.Step();

        delete.StatusCode.Should().Be(HttpStatusCode.OK);
        world.List(ApiResource.VmSnapshotContents, "payments").Should().BeEmpty();
        world.List(ApiResource.VolumeSnapshots, "payments").Should().BeEmpty();
    }

    [TestMethod]
    public async Task Access_reviews_are_allowed_unless_denied_in_that_namespace_or_everywhere()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        world.Deny("create", "datavolumes/source", "payments");
        world.Deny("create", "namespaces", null);

        var denied = await ReviewAsync(http, "create", "cdi.kubevirt.io", "datavolumes", "source", "payments");
        var elsewhere = await ReviewAsync(http, "create", "cdi.kubevirt.io", "datavolumes", "source", "shop");
        var everywhere = await ReviewAsync(http, "create", "cdi.kubevirt.io", "datavolumes", "source", null);
        var namespaces = await ReviewAsync(http, "create", "", "namespaces", null, null);
        var other = await ReviewAsync(http, "delete", "", "namespaces", null, null);

        (denied, elsewhere, everywhere, namespaces, other).Should().Be((false, true, false, false, true));
        world.Sim.Reviews.Should().HaveCount(5);
        world.Writes().Should().BeEmpty("reviews change nothing");
    }

    [TestMethod]
    public async Task The_clock_moves_once_for_waits_started_together_and_never_past_the_earliest()
    {
        await using var world = await IsolationWorld.StartAsync();
        var clock = world.Clock;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(30), clock);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Delay(TimeSpan.FromSeconds(2), clock)));

        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(2));
        deadline.IsCancellationRequested.Should().BeFalse();
    }

    [TestMethod]
    public async Task Acmdr_runs_in_process_against_the_world_and_the_log_shows_its_requests()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("relocate", "--to", "Primary", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("payments/db-1");
        world.Requests.Entries.Should().Contain(r => r.Path.Contains("/virtualmachines", StringComparison.Ordinal));
        world.Writes().Should().BeEmpty();
    }

    [TestMethod]
    public async Task Three_pipelines_polling_in_parallel_each_take_about_the_sum_of_the_delays_on_the_shared_clock()
    {
        await using var world = await IsolationWorld.StartAsync();
        using var http = Http(world);
        await BubbleAsync(http);

        var took = await Task.WhenAll(new[] { "db-1", "db-2", "web-1" }.Select(vm => PipelineAsync(world, http, vm)));

        var least = world.Sim.SnapshotDelay + world.Sim.CopyDelay + world.Sim.BootDelay;
        took.Should().OnlyContain(t => t >= least && t <= least + TimeSpan.FromSeconds(10), $"each waits its delays plus about a poll per step: {string.Join(", ", took)}");
        world.Clock.Elapsed.Should().BeLessThan(least + TimeSpan.FromSeconds(30), "the three ran side by side, not one after another");
        world.List(ApiResource.Instances, Bubble).Should().HaveCount(3).And.OnlyContain(i => i["status"]!["nodeName"]!.GetValue<string>().StartsWith('d'));
    }

    /// <summary>What a VM's pipeline does, polling every 2 s on the world's clock: snapshot, copy its disks, boot the copy; returns how long it took.</summary>
    private static async Task<TimeSpan> PipelineAsync(IsolationWorld world, HttpClient http, string vm)
    {
        var ns = vm.StartsWith("web", StringComparison.Ordinal) ? "shop" : "payments";
        var poll = TimeSpan.FromSeconds(2);
        var start = world.Clock.GetUtcNow();
        var snapshots = $"/apis/snapshot.kubevirt.io/v1beta1/namespaces/{ns}/virtualmachinesnapshots";
        await PostAsync(http, snapshots, SnapshotOf("snap-" + vm, vm));
        JsonObject snapshot;
        while ((snapshot = await GetAsync(http, $"{snapshots}/snap-{vm}"))["status"]?["readyToUse"]?.GetValue<bool>() != true)
        {
            await Task.Delay(poll, world.Clock);
        }

        var content = await GetAsync(http, $"/apis/snapshot.kubevirt.io/v1beta1/namespaces/{ns}/virtualmachinesnapshotcontents/{snapshot["status"]!["virtualMachineSnapshotContentName"]}");
        var claims = new List<string>();
        foreach (var backup in content["spec"]!["volumeBackups"]!.AsArray())
        {
            var claim = backup!["persistentVolumeClaim"]!["metadata"]!["name"]!.GetValue<string>();
            var dataVolume = DataVolumeFrom(claim, backup["volumeSnapshotName"]!.GetValue<string>());
            dataVolume["spec"]!["source"]!["snapshot"]!["namespace"] = ns;
            await PostAsync(http, DataVolumes(Bubble), dataVolume);
            claims.Add(claim);
        }

        foreach (var claim in claims)
        {
            while ((await GetAsync(http, $"{DataVolumes(Bubble)}/{claim}"))["status"]?["phase"]?.GetValue<string>() != "Succeeded")
            {
                await Task.Delay(poll, world.Clock);
            }
        }

        await PostAsync(http, VirtualMachines(Bubble), CopyOf(vm, claims[0]));
        while (true)
        {
            using var response = await http.GetAsync(new Uri($"{Instances(Bubble)}/{vm}", UriKind.Relative));
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!["phase"]!.GetValue<string>() == "Running")
            {
                return world.Clock.GetUtcNow() - start;
            }

            await Task.Delay(poll, world.Clock);
        }
    }

    /// <summary>Creates the bubble namespace with its primary user-defined network, as acmdr would.</summary>
    private static async Task BubbleAsync(HttpClient http)
    {
        await PostAsync(http, "/api/v1/namespaces", IsolationWorld.NamespaceObject(Bubble, new JsonObject { ["k8s.ovn.org/primary-user-defined-network"] = "" }));
        await PostAsync(http, $"/apis/k8s.ovn.org/v1/namespaces/{Bubble}/userdefinednetworks", Udn("acmdr-isolated", "Primary"));
    }

    private static JsonObject Udn(string name, string role) => new()
    {
        ["apiVersion"] = "k8s.ovn.org/v1",
        ["kind"] = "UserDefinedNetwork",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["topology"] = "Layer2", ["layer2"] = new JsonObject { ["role"] = role } },
    };

    private static JsonObject OnNetwork(JsonObject copy, string networkName)
    {
        var spec = copy["spec"]!["template"]!["spec"]!;
        spec["domain"]!["devices"]!["interfaces"]!.AsArray().Add(new JsonObject { ["name"] = "net1", ["bridge"] = new JsonObject() });
        spec["networks"]!.AsArray().Add(new JsonObject { ["name"] = "net1", ["multus"] = new JsonObject { ["networkName"] = networkName } });
        return copy;
    }

    [TestMethod]
    public async Task A_frozen_clock_holds_a_wait_until_the_test_moves_it()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Clock.Frozen = true;
        var wait = Task.Delay(TimeSpan.FromSeconds(2), world.Clock);

        await IsolationWorld.UntilAsync(() => world.Clock.PendingTimers == 1);
        await Task.Delay(50);
        var heldWhileFrozen = !wait.IsCompleted && world.Clock.Elapsed == TimeSpan.Zero;
        world.Clock.Frozen = false;
        await wait;

        heldWhileFrozen.Should().BeTrue();
        world.Clock.Elapsed.Should().Be(TimeSpan.FromSeconds(2));
    }

    private static HttpClient Http(IsolationWorld world) => new() { BaseAddress = world.Server.BaseUri };

    private static string DataVolumes(string ns) => $"/apis/cdi.kubevirt.io/v1beta1/namespaces/{ns}/datavolumes";

    private static string VirtualMachines(string ns) => $"/apis/kubevirt.io/v1/namespaces/{ns}/virtualmachines";

    private static string Instances(string ns) => $"/apis/kubevirt.io/v1/namespaces/{ns}/virtualmachineinstances";

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task GetStatusAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(expected);
    }

    private static async Task<bool> ReviewAsync(HttpClient http, string verb, string group, string resource, string? sub, string? ns)
    {
        var attributes = new JsonObject { ["verb"] = verb, ["group"] = group, ["resource"] = resource };
        if (sub is not null)
        {
            attributes["subresource"] = sub;
        }

        if (ns is not null)
        {
            attributes["namespace"] = ns;
        }

        var answer = await PostAsync(http, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject { ["resourceAttributes"] = attributes },
        });
        return answer["status"]!["allowed"]!.GetValue<bool>();
    }

    /// <summary>Takes snap-1 of payments/db-1 and waits it ready; returns its root disk's VolumeSnapshot name.</summary>
    private static async Task<string> ReadySnapshotAsync(IsolationWorld world, HttpClient http)
    {
        await PostAsync(http, Snapshots, SnapshotOf("snap-1", "db-1"));
        world.Clock.Advance(world.Sim.SnapshotDelay);
        var snapshot = await GetAsync(http, Snapshots + "/snap-1");
        var content = world.Get(ApiResource.VmSnapshotContents, "payments", snapshot["status"]!["virtualMachineSnapshotContentName"]!.GetValue<string>())!;
        return content["spec"]!["volumeBackups"]![0]!["volumeSnapshotName"]!.GetValue<string>();
    }

    private static JsonObject SnapshotOf(string name, string vm) => new()
    {
        ["apiVersion"] = "snapshot.kubevirt.io/v1beta1",
        ["kind"] = "VirtualMachineSnapshot",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["rehearsal.acmdr.io/id"] = "r1" } },
        ["spec"] = new JsonObject { ["source"] = new JsonObject { ["apiGroup"] = "kubevirt.io", ["kind"] = "VirtualMachine", ["name"] = vm } },
    };

    private static JsonObject DataVolumeFrom(string name, string volumeSnapshot) => new()
    {
        ["apiVersion"] = "cdi.kubevirt.io/v1beta1",
        ["kind"] = "DataVolume",
        ["metadata"] = new JsonObject { ["name"] = name, ["annotations"] = new JsonObject { ["cdi.kubevirt.io/storage.bind.immediate.requested"] = "true" } },
        ["spec"] = new JsonObject
        {
            ["source"] = new JsonObject { ["snapshot"] = new JsonObject { ["namespace"] = "payments", ["name"] = volumeSnapshot } },
            ["storage"] = new JsonObject
            {
                ["accessModes"] = new JsonArray("ReadWriteMany"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = "30Gi" } },
                ["storageClassName"] = IsolationWorld.StorageClass,
                ["volumeMode"] = "Block",
            },
        },
    };

    /// <summary>A copy of payments/<paramref name="vm"/> for the bubble at DR, on <paramref name="dataVolume"/> (none: no disk).</summary>
    private static JsonObject CopyOf(string vm, string? dataVolume)
    {
        var volumes = dataVolume is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["name"] = "rootdisk", ["dataVolume"] = new JsonObject { ["name"] = dataVolume } });
        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new JsonObject { ["name"] = vm, ["labels"] = new JsonObject { ["rehearsal.acmdr.io/source-vm"] = vm } },
            ["spec"] = new JsonObject
            {
                ["runStrategy"] = "Always",
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["nodeSelector"] = new JsonObject { [IsolationWorld.SiteLabel] = "DR" },
                        ["domain"] = new JsonObject { ["devices"] = new JsonObject { ["interfaces"] = new JsonArray(new JsonObject { ["name"] = "default", ["binding"] = new JsonObject { ["name"] = "l2bridge" } }) } },
                        ["networks"] = new JsonArray(new JsonObject { ["name"] = "default", ["pod"] = new JsonObject() }),
                        ["volumes"] = volumes,
                    },
                },
            },
        };
    }

    private static string Running(JsonObject dataVolume) =>
        dataVolume["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Running")!["message"]!.GetValue<string>();

    private static IEnumerable<(string Type, string Status)> Conditions(JsonObject instance) =>
        instance["status"]!["conditions"]!.AsArray().Select(c => (c!["type"]!.GetValue<string>(), c["status"]!.GetValue<string>()));
}
