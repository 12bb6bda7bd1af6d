using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using FluentAssertions;
using static AcmDr.Cli.Tests.Isolated.IsolatedRuns;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>acmdr rehearse --isolated end to end, through the real command, on the simulated cluster.</summary>
[TestClass]
public sealed class IsolatedRunTests
{
    [TestMethod]
    public async Task The_whole_flow_copies_verifies_times_reports_and_cleans_up_with_exit_0()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "t1", "-o", "json");

        result.ExitCode.Should().Be(0, result.ToString());
        var report = ReportOf(result);
        Text(report["marker"]).Should().Be("isolated test, production not moved");
        Text(report["id"]).Should().Be("t1");
        Text(report["drSite"]).Should().Be("DR");
        report["allRecovered"]!.GetValue<bool>().Should().BeTrue();
        report["interrupted"]!.GetValue<bool>().Should().BeFalse();
        report["leftovers"]!.AsArray().Should().BeEmpty();
        foreach (var (ns, name) in new[] { ("payments", "db-1"), ("payments", "db-2"), ("shop", "web-1") })
        {
            var vm = VmOf(report, ns, name);
            Text(vm["verdict"]).Should().Be("recovered");
            Text(vm["consistency"]).Should().Be("guest agent freeze");
            vm["snapshotSeconds"]!.GetValue<long>().Should().BeInRange(15, 17, "the snapshot is ready 15s after it is created, seen at the next 2s poll");
            vm["copySeconds"]!.GetValue<long>().Should().BeInRange(45, 47);
            vm["bootSeconds"]!.GetValue<long>().Should().BeInRange(30, 32);
            Text(vm["node"]).Should().StartWith("d-", "copies run at the DR site");
        }

        report["tiers"]!.AsArray().Select(t => t!["rto"]!.GetValue<string>()).Should().Equal("met", "noTarget");
        result.Err.Should().Contain("tier 1: payments/db-1 snapshot ready (guest agent freeze) in 16s")
            .And.Contain("tier 2: shop/web-1 verified on node d-");
        world.Bubbles().Should().BeEmpty("cleanup removed the bubbles");
        Labelled(world, "t1").Should().BeEmpty("nothing of the rehearsal is left");
        InBubbles(world).Should().BeEmpty();
        world.List(ApiResource.VmSnapshotContents).Should().BeEmpty("the snapshots' contents went with them");
        world.List(ApiResource.Volumes).Select(v => v["spec"]!["claimRef"]!["namespace"]!.GetValue<string>())
            .Should().OnlyContain(ns => !ns.StartsWith("acmdr-test-", StringComparison.Ordinal), "the copies' volumes went with their claims");
    }

    [TestMethod]
    public async Task Production_sees_no_write_but_the_POST_and_DELETE_of_its_snapshots()
    {
        await using var world = await IsolationWorld.StartAsync();
        var before = world.List(ApiResource.VirtualMachines).Select(v => v.ToJsonString()).ToList();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "t2");

        result.ExitCode.Should().Be(0, result.ToString());
        world.Writes().Count(r => r.Method == "POST" && r.Path == "/api/v1/namespaces").Should().Be(2, "the two bubble namespaces are created by POST to the cluster-scoped collection");
        world.CreatedNamespaces().Should().Equal("acmdr-test-t2-payments", "acmdr-test-t2-shop");
        var production = world.ProductionWrites().ToList();
        production.Should().OnlyContain(r =>
            (r.Method == "POST" && r.Path.EndsWith("/virtualmachinesnapshots", StringComparison.Ordinal))
            || (r.Method == "DELETE" && r.Path.Contains("/virtualmachinesnapshots/acmdr-test-t2-", StringComparison.Ordinal)),
            string.Join("\n", production.Select(r => $"{r.Method} {r.Path}")));
        production.Should().HaveCount(6, "three snapshots created and deleted");
        world.Requests.Entries.Where(r => r.Method == "POST" && r.Path.StartsWith("/apis/authorization.k8s.io/", StringComparison.Ordinal))
            .Should().OnlyContain(r => r.Path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
        world.List(ApiResource.VirtualMachines).Select(v => v.ToJsonString()).Should().Equal(before, "the production VMs are exactly as they were");
    }

    [TestMethod]
    public async Task Copies_run_at_DR_on_isolated_networks_only_and_keep_production_MACs_by_default()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "n1", "--keep");

        result.ExitCode.Should().Be(0, result.ToString());
        var copy = world.Vm("acmdr-test-n1-shop", "web-1")!;
        var production = world.Vm("shop", "web-1")!;
        var spec = copy["spec"]!["template"]!["spec"]!;
        spec["nodeSelector"]![IsolationWorld.SiteLabel]!.GetValue<string>().Should().Be("DR");
        var networks = spec["networks"]!.AsArray().OfType<JsonObject>().ToList();
        var multus = networks.Where(n => n["multus"] is not null).Select(n => Text(n["multus"]!["networkName"])).ToList();
        multus.Should().Equal("vlan100");
        world.Get(ApiResource.UserDefinedNetworks, "acmdr-test-n1-shop", "vlan100").Should().NotBeNull("the name resolves to the bubble's isolated network");
        world.Get(ApiResource.NetworkAttachments, "acmdr-test-n1-shop", "vlan100").Should().BeNull("no production attachment is in the bubble");
        copy.ToJsonString().Should().NotContain("shop/vlan100", "no reference reaches the production network");
        var pod = spec["domain"]!["devices"]!["interfaces"]!.AsArray().OfType<JsonObject>()
            .Single(i => networks.Any(n => n["pod"] is not null && Text(n["name"]) == Text(i["name"])));
        pod["binding"]!["name"]!.GetValue<string>().Should().Be("l2bridge", "the pod network is the bubble's primary user-defined network");
        pod.ContainsKey("masquerade").Should().BeFalse();
        Macs(copy).Should().Equal(Macs(production)).And.NotBeEmpty();
        world.Get(ApiResource.Namespaces, null, "acmdr-test-n1-shop")!["metadata"]!["labels"]!["mutatevirtualmachines.kubemacpool.io"]!.GetValue<string>().Should().Be("ignore");
        copy["metadata"]!["labels"]!.AsObject().Select(l => l.Key).Should().NotContain(k => k.StartsWith("acmdr.io/", StringComparison.Ordinal));
        world.Instance("acmdr-test-n1-shop", "web-1")!["status"]!["nodeName"]!.GetValue<string>().Should().StartWith("d-");
    }

    [TestMethod]
    public async Task A_shared_network_of_another_namespace_maps_to_an_isolated_one_of_the_same_name_in_the_bubble()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Put(IsolationWorld.NadObject("infra", "backup-net", "bridge"));
        world.AddNetwork("payments", "db-1", new JsonObject { ["name"] = "backup", ["bridge"] = new JsonObject() },
            new JsonObject { ["name"] = "backup", ["multus"] = new JsonObject { ["networkName"] = "infra/backup-net" } });

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "x1", "--keep");

        result.ExitCode.Should().Be(0, result.ToString());
        var copy = world.Vm("acmdr-test-x1-payments", "db-1")!;
        copy["spec"]!["template"]!["spec"]!["networks"]!.AsArray().OfType<JsonObject>()
            .Where(n => n["multus"] is not null).Select(n => Text(n["multus"]!["networkName"])).Should().Equal("backup-net");
        world.Get(ApiResource.UserDefinedNetworks, "acmdr-test-x1-payments", "backup-net").Should().NotBeNull();
        copy.ToJsonString().Should().NotContain("infra/", "no reference reaches the shared production network");
        world.Requests.Entries.Should().Contain(r => r.Method == "GET" && r.Path.EndsWith("/namespaces/infra/network-attachment-definitions/backup-net", StringComparison.Ordinal),
            "an attachment outside the scope's namespaces is read by name");
    }

    [TestMethod]
    public async Task New_identity_blanks_the_MACs_serial_and_firmware_UUID_of_the_copies()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "n2", "--keep", "--new-identity", "--tier", "1");

        result.ExitCode.Should().Be(0, result.ToString());
        var copy = world.Vm("acmdr-test-n2-payments", "db-1")!;
        Macs(world.Vm("payments", "db-1")!).Should().NotBeEmpty();
        Macs(copy).Should().BeEmpty();
        var firmware = copy["spec"]!["template"]!["spec"]!["domain"]!["firmware"] as JsonObject;
        (firmware?.ContainsKey("serial") ?? false).Should().BeFalse();
        (firmware?.ContainsKey("uuid") ?? false).Should().BeFalse();
        world.Get(ApiResource.Namespaces, null, "acmdr-test-n2-payments")!["metadata"]!["labels"]!.AsObject()
            .ContainsKey("mutatevirtualmachines.kubemacpool.io").Should().BeFalse("KubeMacPool hands out new MACs");
    }

    [TestMethod]
    public async Task A_copy_that_never_boots_fails_at_its_timeout_and_is_reported_with_exit_1()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Sim.NeverBoots.Add("db-2");

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "b1", "--timeout", "5m", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var report = ReportOf(result);
        var vm = VmOf(report, "payments", "db-2");
        Text(vm["verdict"]).Should().Be("failed");
        Text(vm["reason"]).Should().StartWith("boot: not verified within 5m: ");
        vm["bootSeconds"].Should().BeNull("it never booted");
        Text(VmOf(report, "payments", "db-1")["verdict"]).Should().Be("recovered");
        Text(VmOf(report, "shop", "web-1")["verdict"]).Should().Be("recovered", "a failed tier does not stop the next");
        world.Clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMinutes(5));
        world.Bubbles().Should().BeEmpty("the run still cleans up");
    }

    [TestMethod]
    public async Task A_failed_DataVolume_fails_its_VM_at_the_copy_step_and_the_others_go_on()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Sim.FailCopyOf.Add("db-1-data");

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "c1", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var report = ReportOf(result);
        var vm = VmOf(report, "payments", "db-1");
        Text(vm["verdict"]).Should().Be("failed");
        Text(vm["reason"]).Should().StartWith("copy: DataVolume db-1-data: ");
        Text(VmOf(report, "payments", "db-2")["verdict"]).Should().Be("recovered");
        world.Get(ApiResource.VirtualMachines, "acmdr-test-c1-payments", "db-1").Should().BeNull();
        result.Err.Should().Contain("tier 1: payments/db-1 failed at copy: DataVolume db-1-data: ");
    }

    [TestMethod]
    public async Task A_failed_snapshot_fails_its_VM_at_the_snapshot_step()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Sim.FailSnapshotOf.Add("web-1");

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "s1", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var vm = VmOf(ReportOf(result), "shop", "web-1");
        Text(vm["verdict"]).Should().Be("failed");
        Text(vm["reason"]).Should().StartWith("snapshot: ");
        world.List(ApiResource.DataVolumes, "acmdr-test-s1-shop").Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_snapshot_content_without_the_VM_spec_fails_that_VM_and_the_run_goes_on()
    {
        await using var world = await IsolationWorld.StartAsync();
        // What the snapshot controller wrote for db-1 loses the VM spec before acmdr reads it.
        world.Server.Faults.Add(AcmDr.FakeKube.FaultRule.Before("GET", "virtualmachinesnapshotcontents/", store =>
        {
            foreach (var content in store.List("snapshot.kubevirt.io", "v1beta1", "virtualmachinesnapshotcontents", "payments"))
            {
                if (content["spec"]?["source"]?["virtualMachine"]?["metadata"]?["name"]?.GetValue<string>() == "db-1")
                {
                    store.Update("snapshot.kubevirt.io", "v1beta1", "virtualmachinesnapshotcontents", "payments", content["metadata"]!["name"]!.GetValue<string>(),
                        c => ((JsonObject)c["spec"]!["source"]!).Remove("virtualMachine"));
                }
            }
        }, times: null));

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "u1", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        var report = ReportOf(result);
        var failed = VmOf(report, "payments", "db-1");
        Text(failed["verdict"]).Should().Be("failed");
        Text(failed["reason"]).Should().Contain("holds no VM spec");
        Text(VmOf(report, "payments", "db-2")["verdict"]).Should().Be("recovered", "one unusable snapshot fails its VM only");
        Text(VmOf(report, "shop", "web-1")["verdict"]).Should().Be("recovered", "the next tier still runs");
        report["interrupted"]!.GetValue<bool>().Should().BeFalse();
    }

    [TestMethod]
    public async Task A_VM_without_guest_agent_is_reported_crash_consistent()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Sim.NoGuestAgent.Add("web-1");

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "g1", "--timeout", "5m", "-o", "json");

        var vm = VmOf(ReportOf(result), "shop", "web-1");
        Text(vm["consistency"]).Should().Be("crash-consistent");
        Text(vm["verdict"]).Should().Be("failed", "without a guest agent the copy is never verified");
        Text(vm["reason"]).Should().Contain("not verified within 5m");
        Text(VmOf(ReportOf(result), "payments", "db-1")["consistency"]).Should().Be("guest agent freeze");
        result.Err.Should().Contain("tier 2: shop/web-1 snapshot ready (crash-consistent)");
        result.ExitCode.Should().Be(1, result.ToString());
    }

    [TestMethod]
    public async Task Tiers_run_in_order_no_tier_2_snapshot_before_tier_1_is_verified()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "o1");

        result.ExitCode.Should().Be(0, result.ToString());
        var progress = Progress(result).ToList();
        var firstTier2 = progress.FindIndex(l => l.StartsWith("tier 2: shop/web-1 snapshot", StringComparison.Ordinal));
        var lastTier1 = progress.FindLastIndex(l => l.StartsWith("tier 1: ", StringComparison.Ordinal) && l.Contains(" verified on node ", StringComparison.Ordinal));
        firstTier2.Should().BeGreaterThan(lastTier1, string.Join("\n", progress));
        var requests = world.Requests.Entries.ToList();
        var tier2Snapshot = requests.FindIndex(r => r.Method == "POST" && r.Path == "/apis/snapshot.kubevirt.io/v1beta1/namespaces/shop/virtualmachinesnapshots");
        var tier1Checks = requests.FindLastIndex(r => r.Method == "GET" && r.Path.StartsWith("/apis/kubevirt.io/v1/namespaces/acmdr-test-o1-payments/virtualmachineinstances/", StringComparison.Ordinal));
        tier2Snapshot.Should().BeGreaterThan(tier1Checks, "tier 2's snapshot is created after tier 1's copies were last read (verified)");
    }

    [TestMethod]
    public async Task At_most_max_parallel_copies_are_in_flight_and_a_finished_one_makes_room_for_the_next()
    {
        const string Batch = Infrastructure.Inventories.Header + "\n"
            + "batch,1,batch,vm-1,stretch-1,,\n" + "batch,1,batch,vm-2,stretch-1,,\n" + "batch,1,batch,vm-3,stretch-1,,\n"
            + "batch,1,batch,vm-4,stretch-1,,\n" + "batch,1,batch,vm-5,stretch-1,,\n";
        await using var world = await IsolationWorld.StartAsync(Batch);
        world.Sim.NeverBoots.Add("vm-1");

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "p1", "--max-parallel", "2", "--timeout", "10m");

        result.ExitCode.Should().Be(1, result.ToString());
        var inFlight = 0;
        var most = 0;
        foreach (var line in Progress(result))
        {
            inFlight += line.Contains(" snapshot acmdr-test-", StringComparison.Ordinal) ? 1 : 0;
            inFlight -= line.Contains(" verified on node ", StringComparison.Ordinal) || line.Contains(" failed at ", StringComparison.Ordinal) ? 1 : 0;
            most = Math.Max(most, inFlight);
        }

        most.Should().Be(2, string.Join("\n", Progress(result)));
        var progress = Progress(result).ToList();
        progress.FindIndex(l => l.StartsWith("tier 1: batch/vm-5 snapshot", StringComparison.Ordinal))
            .Should().BeLessThan(progress.FindIndex(l => l.StartsWith("tier 1: batch/vm-1 failed", StringComparison.Ordinal)),
                "vm-1 never boots, yet the other slot goes on through vm-2 to vm-5 (a sliding window, not waves)");
    }

    [TestMethod]
    public async Task A_create_whose_answer_is_lost_is_found_by_its_name_and_never_sent_twice()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Server.Faults.Add(FakeKube.FaultRule.DropAfter("POST", "/datavolumes$"));
        world.Server.Faults.Add(FakeKube.FaultRule.DropAfter("POST", "/virtualmachinesnapshots$"));

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "l1");

        result.ExitCode.Should().Be(0, result.ToString());
        world.Requests.Entries.Count(r => r.Method == "POST" && r.Path.EndsWith("/datavolumes", StringComparison.Ordinal)).Should().Be(4, "one per disk, the dropped one included");
        world.Requests.Entries.Count(r => r.Method == "POST" && r.Path.EndsWith("/virtualmachinesnapshots", StringComparison.Ordinal)).Should().Be(3);
    }

    [TestMethod]
    public async Task A_cluster_that_stops_answering_mid_run_exits_3_with_the_report_and_the_cleanup_command()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Server.Faults.Add(FakeKube.FaultRule.Status("GET", "/virtualmachineinstances/", 500, times: 6));

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "u1", "-o", "json");

        result.ExitCode.Should().Be(3, result.ToString());
        ErrLines(result)[^1].Should().StartWith("acmdr: ").And.EndWith("; acmdr rehearse --cleanup --id u1 removes what was created");
        ReportOf(result)["interrupted"]!.GetValue<bool>().Should().BeTrue();

        var cleanup = await world.RunAsync("rehearse", "--cleanup", "--id", "u1");

        cleanup.ExitCode.Should().Be(0, cleanup.ToString());
        Labelled(world, "u1").Should().BeEmpty();
    }

    private static List<string> Macs(JsonObject vm) =>
        [.. vm["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["interfaces"]!.AsArray().OfType<JsonObject>()
            .Select(i => i["macAddress"]?.GetValue<string>()).OfType<string>()];
}
