using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// The flip alone moves running VMs, end to end: <c>acmdr generate</c>, the generated policies run by the
/// test's configuration-policy controller on a fake managed cluster with the simulated KubeVirt, a real
/// <c>acmdr flip</c> on a fake hub, and tiers moving one after the other by live migration.
/// </summary>
[TestClass]
public sealed class PolicyRelocationTests
{
    private const string Inventory = Inventories.Header + "\n"
        + "dns,1,infra,dns-0,stretch-1,15,\n"
        + "dns,1,infra,dns-1,stretch-1,15,\n"
        + "dns,1,infra,dns-2,stretch-1,15,\n"
        + "dns,1,infra,dns-3,stretch-1,15,\n"
        + "pki,1,infra,ca-0,stretch-1,15,\n"
        + "db,2,finance,db-0,stretch-1,30,dns\n"
        + "db,2,finance,db-1,stretch-1,30,dns\n"
        + "db,2,finance,db-2,stretch-1,30,dns\n"
        + "web,3,web,web-0,stretch-1,60,db\n"
        + "web,3,web,web-1,stretch-1,60,db\n";

    private static readonly Dictionary<string, int> TierOf = Inventory.Split('\n').Skip(1).Where(l => l.Length > 0)
        .Select(l => l.Split(',')).ToDictionary(f => f[3], f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));

    private const int Budget = 60;

    private static async Task<PolicyCluster> SettledAsync(params string[] generateArgs)
    {
        var world = await PolicyCluster.StartAsync(Inventory, generateArgs);
        world.TickUntil(() => AllCompliant(world), 5);
        AllCompliant(world).Should().BeTrue("before the flip every VM runs where the switch says: {0}", Describe(world));
        // Before the flip the -site templates only label the VMs and stamp the switch's version on them.
        world.Controller.Writes.Should().OnlyContain(w => w.Kind == "VirtualMachine" && w.Action == "merge" && w.Template == $"{w.Policy}-site",
            "nothing but the VMs' labels and stamp differs from the policies before the flip");
        world.Managed.Store.List("kubevirt.io", "v1", "virtualmachineinstancemigrations").Should().BeEmpty();
        return world;
    }

    private static bool AllCompliant(PolicyCluster world) =>
        world.Controller.Compliance.Count == 4 && world.Controller.Compliance.Values.All(c => c == PolicyController.Compliant);

    private static string Describe(PolicyCluster world) =>
        string.Join(", ", world.Controller.Compliance.Select(p => $"{p.Key}={p.Value}"))
        + " | " + string.Join(", ", world.Vms.Select(v => $"{v.Name}@{world.SiteOf(v.Ns, v.Name)}"))
        + " | " + string.Join(", ", world.KubeVirt.Migrations.Select(m => $"{m.Name}:{m.Phase}"));

    private static async Task FlipAsync(PolicyCluster world, string site)
    {
        var flip = await world.HubAsync("flip", "--to", site, "--reason", "rehearsal");
        flip.ExitCode.Should().Be(0, flip.ToString());
    }

    /// <summary>Each tier's migrations all ended before the next tier's first migration object appeared.</summary>
    private static void TiersMovedInOrder(PolicyCluster world, IReadOnlyCollection<SimulatedMigrationView> moves)
    {
        for (var tier = 1; tier < 3; tier++)
        {
            var ended = moves.Where(m => TierOf[m.Vmi] == tier).Max(m => m.Ended);
            var next = moves.Where(m => TierOf[m.Vmi] == tier + 1).Min(m => m.Seen);
            next.Should().BeAfter(ended!.Value, "tier {0} starts moving only once tier {1} runs at the new site: {2}", tier + 1, tier, Describe(world));
        }
    }

    [TestMethod]
    public async Task A_flip_alone_moves_every_running_vm_tier_by_tier_in_waves_no_larger_than_kubevirts_limit()
    {
        await using var world = await SettledAsync();
        world.KubeVirt.ParallelMigrationsPerCluster = 2;
        var vmUids = world.Vms.ToDictionary(v => v.Name, v => world.Vm(v.Ns, v.Name)!["metadata"]!["uid"]!.GetValue<string>());
        var instanceUids = world.Vms.ToDictionary(v => v.Name, v => world.Instance(v.Ns, v.Name)!["metadata"]!["uid"]!.GetValue<string>());

        await FlipAsync(world, "DR");
        var ticks = world.TickUntil(() => world.AllAt("DR") && AllCompliant(world), Budget);

        world.AllAt("DR").Should().BeTrue("every VM runs at DR within {0} ticks: {1}", Budget, Describe(world));
        AllCompliant(world).Should().BeTrue(Describe(world));
        var moves = SimulatedMigrationView.Of(world.KubeVirt.Migrations);
        moves.Should().HaveCount(10).And.OnlyContain(m => m.Phase == "Succeeded");
        moves.GroupBy(m => m.Vmi).Should().OnlyContain(g => g.Count() == 1, "each VM moves once");
        TiersMovedInOrder(world, moves);
        world.KubeVirt.MaxRunning.Should().Be(2, "tier 1's five migrations are created together and KubeVirt runs at most 2");
        world.Migrations().Should().OnlyContain(m => m["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>() == "acmdr");
        var created = world.Controller.Writes.Where(w => w.Kind == "VirtualMachineInstanceMigration").ToList();
        created.Should().OnlyContain(w => w.Action == "create" && w.Template == $"{w.Policy}-move");
        world.Migrations().Select(m => m["metadata"]!["name"]!.GetValue<string>()).Should().BeEquivalentTo(created.Select(w => w.Name), "every migration was created by a -move template");
        created.Select(w => w.Name).Should().BeEquivalentTo(
            world.Vms.Select(v => $"acmdr-{v.Name}-{instanceUids[v.Name].Substring(0, 8)}-0"), "named after the VM, its instance and its (absent) last migration");
        world.Controller.Writes.Where(w => w.Kind == "VirtualMachine").Should().OnlyContain(w => w.Action == "merge" && w.Template == $"{w.Policy}-site");
        NothingDeletedOrRecreated(world, vmUids, instanceUids);
        ticks.Should().BeLessThan(Budget);

        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(0, report.ToString());
        var json = JsonDocument.Parse(report.Out).RootElement;
        json.GetProperty("verdict").GetString().Should().Be("moved", report.Out);
        json.GetProperty("vms").EnumerateArray().Should().HaveCount(10).And.OnlyContain(v => v.GetProperty("verdict").GetString() == "moved")
            .And.OnlyContain(v => v.GetProperty("specState").GetString() == "compliant", "each VM's nodeSelector was updated after the flip");
        var durations = json.GetProperty("tiers").EnumerateArray().OrderBy(t => t.GetProperty("tier").GetInt32()).Select(t => t.GetProperty("durationSeconds").GetInt64()).ToList();
        durations.Should().BeInAscendingOrder("each tier arrives after the one before it").And.OnlyHaveUniqueItems().And.OnlyContain(d => d > 0);
    }

    private static void NothingDeletedOrRecreated(PolicyCluster world, Dictionary<string, string> vmUids, Dictionary<string, string> instanceUids)
    {
        var store = world.Managed.Store;
        store.Changes("kubevirt.io", "v1", "virtualmachines").Should().NotContain(c => c.EventType == "DELETED");
        store.Changes("kubevirt.io", "v1", "virtualmachines").Count(c => c.EventType == "ADDED").Should().Be(vmUids.Count, "no VM was re-created");
        store.Changes("kubevirt.io", "v1", "virtualmachineinstances").Should().NotContain(c => c.EventType == "DELETED", "a live migration never stops the instance");
        store.Changes("kubevirt.io", "v1", "virtualmachineinstancemigrations").Should().NotContain(c => c.EventType == "DELETED", "a policy never deletes what it made");
        world.Vms.Should().OnlyContain(v => world.Vm(v.Ns, v.Name)!["metadata"]!["uid"]!.GetValue<string>() == vmUids[v.Name]);
        world.Vms.Should().OnlyContain(v => world.Instance(v.Ns, v.Name)!["metadata"]!["uid"]!.GetValue<string>() == instanceUids[v.Name]);
    }

    [TestMethod]
    public async Task Flipping_back_brings_every_vm_home_tier_by_tier_under_new_migration_names()
    {
        await using var world = await SettledAsync();
        world.KubeVirt.ParallelMigrationsPerCluster = 2;
        await FlipAsync(world, "DR");
        world.TickUntil(() => world.AllAt("DR") && AllCompliant(world), Budget);
        world.AllAt("DR").Should().BeTrue(Describe(world));
        var there = SimulatedMigrationView.Of(world.KubeVirt.Migrations);

        await FlipAsync(world, "Primary");
        world.TickUntil(() => world.AllAt("Primary") && AllCompliant(world), Budget);

        world.AllAt("Primary").Should().BeTrue("every VM is back at Primary within {0} ticks: {1}", Budget, Describe(world));
        AllCompliant(world).Should().BeTrue(Describe(world));
        var back = SimulatedMigrationView.Of(world.KubeVirt.Migrations).Where(m => !there.Any(t => t.Name == m.Name)).ToList();
        back.Should().HaveCount(10).And.OnlyContain(m => m.Phase == "Succeeded");
        TiersMovedInOrder(world, back);
        world.KubeVirt.MaxRunning.Should().Be(2);
        foreach (var move in back)
        {
            var first = world.Migrations().Single(m => m["metadata"]!["name"]!.GetValue<string>() == there.Single(t => t.Vmi == move.Vmi).Name);
            move.Name.Should().EndWith($"-{first["metadata"]!["uid"]!.GetValue<string>()[..8]}", "the move home is named after the instance's last migration, so it is not taken for the first");
        }

        world.Migrations().Should().HaveCount(20, "both moves' migrations stay: a policy never deletes");
        world.Managed.Store.Changes("kubevirt.io", "v1", "virtualmachineinstancemigrations").Should().NotContain(c => c.EventType == "DELETED");
        world.Managed.Store.Changes("kubevirt.io", "v1", "virtualmachines").Should().NotContain(c => c.EventType == "DELETED");
        world.Managed.Store.Changes("kubevirt.io", "v1", "virtualmachineinstances").Should().NotContain(c => c.EventType == "DELETED");
    }

    [TestMethod]
    public async Task A_vm_that_cannot_live_migrate_and_one_whose_migration_failed_stay_and_hold_the_next_tier_without_a_retry()
    {
        await using var world = await SettledAsync();
        var stuck = world.Instance("infra", "dns-3")!;
        world.Managed.Store.Put(ClusterObjects.Instance("infra", "dns-3", stuck["status"]!["nodeName"]!.GetValue<string>(), liveMigratable: false,
            nodeSelector: (JsonObject)stuck["spec"]!["nodeSelector"]!));
        world.KubeVirt.FailMigrationsOf["dns-2"] = "target pod could not be scheduled";

        await FlipAsync(world, "DR");
        world.TickUntil(() => world.AllAt("DR", [("infra", "dns-0"), ("infra", "dns-1"), ("infra", "ca-0")]), Budget);
        for (var i = 0; i < 20; i++)
        {
            world.Tick();
            world.Controller.Compliance["dr-db"].Should().Be(PolicyController.Pending, "tier 2 waits while tier 1 does not run at DR (tick {0}): {1}", i, Describe(world));
            world.Controller.Compliance["dr-web"].Should().Be(PolicyController.Pending);
        }

        world.AllAt("DR", [("infra", "dns-0"), ("infra", "dns-1"), ("infra", "ca-0")]).Should().BeTrue(Describe(world));
        world.SiteOf("infra", "dns-2").Should().Be("Primary");
        world.SiteOf("infra", "dns-3").Should().Be("Primary");
        world.Controller.Templates["dr-dns-running"].Should().Be(PolicyController.NonCompliant);
        world.Controller.Templates["dr-pki-running"].Should().Be(PolicyController.Compliant);
        var moves = SimulatedMigrationView.Of(world.KubeVirt.Migrations);
        moves.Where(m => m.Vmi == "dns-2").Should().ContainSingle("a failed migration is never retried by the policy, {0} ticks later", world.Controller.Steps)
            .Which.Phase.Should().Be("Failed");
        world.Instance("infra", "dns-2")!["status"]!["migrationState"]!["failed"]!.GetValue<bool>().Should().BeTrue();
        moves.Should().NotContain(m => m.Vmi == "dns-3", "a VM that cannot live-migrate is left for acmdr relocate");
        moves.Should().OnlyContain(m => TierOf[m.Vmi] == 1, "no later tier moves");
        world.Migrations().Should().HaveCount(4);

        var report = await world.HubAsync("report", "--to", "DR", "-o", "json");
        report.ExitCode.Should().Be(1, "not everything moved: {0}", report);
        var vms = JsonDocument.Parse(report.Out).RootElement.GetProperty("vms").EnumerateArray()
            .ToDictionary(v => v.GetProperty("vm").GetString()!, v => v.GetProperty("verdict").GetString());
        vms["dns-0"].Should().Be("moved");
        vms["dns-2"].Should().Be("notMoved");
        vms["dns-3"].Should().Be("notMoved");
        vms["db-0"].Should().Be("waiting");
        vms["web-1"].Should().Be("waiting");
    }

    [TestMethod]
    public async Task With_move_running_none_the_flip_sets_the_nodeSelectors_and_creates_no_migration()
    {
        await using var world = await SettledAsync("--move-running", "none");
        world.Hub.Store.Get("", "v1", "configmaps", "acmdr", "acmdr-sites")!["data"]!["moveRunning"]!.GetValue<string>().Should().Be("none");

        await FlipAsync(world, "DR");
        for (var i = 0; i < 10; i++)
        {
            world.Tick();
        }

        var tier1 = world.Vms.Where(v => TierOf[v.Name] == 1).ToList();
        tier1.Should().OnlyContain(v => world.SelectorOf(v.Ns, v.Name) == "DR", "the -site template still sets where each VM should run");
        tier1.Should().OnlyContain(v => world.Instance(v.Ns, v.Name)!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>() == "DR");
        world.AllAt("Primary").Should().BeTrue("running VMs stay until acmdr relocate moves them: {0}", Describe(world));
        world.Migrations().Should().BeEmpty();
        world.Controller.Templates["dr-dns-move"].Should().Be(PolicyController.Compliant, "an empty list of objects is Compliant");
        world.Controller.Templates["dr-dns-running"].Should().Be(PolicyController.NonCompliant);
        world.Controller.Compliance["dr-db"].Should().Be(PolicyController.Pending);
    }

    [TestMethod]
    public async Task Relocate_waits_on_the_migrations_the_policy_created_and_starts_none_of_its_own()
    {
        await using var world = await SettledAsync();
        world.KubeVirt.ParallelMigrationsPerCluster = 1;
        await FlipAsync(world, "DR");
        var tier1 = world.Vms.Where(v => TierOf[v.Name] == 1).ToList();
        world.TickUntil(() => world.Migrations().Count == tier1.Count, 10);
        world.Migrations().Should().HaveCount(tier1.Count);
        world.Migrations().Should().Contain(m => m["status"]!["phase"]!.GetValue<string>() == "Pending", "KubeVirt runs one at a time; the rest wait");
        world.Managed.Requests.Clear();

        var relocate = await world.ManagedAsync("relocate", "--to", "DR", "--tier", "1", "--poll-interval", "20s");

        relocate.ExitCode.Should().Be(0, relocate.ToString());
        relocate.Out.Should().Contain("summary: 5 moved, 0 failed, 0 skipped");
        foreach (var (_, name) in tier1)
        {
            relocate.Out.Should().Contain($"waiting: migration acmdr-{name}-");
        }

        world.Managed.Requests.Entries.Should().NotContain(r => r.Method != "GET", "relocate created no migration and restarted nothing next to the policy's");
        world.AllAt("DR", tier1).Should().BeTrue(Describe(world));
        SimulatedMigrationView.Of(world.KubeVirt.Migrations).GroupBy(m => m.Vmi).Should().OnlyContain(g => g.Count() == 1);
    }

    [TestMethod]
    public async Task With_the_stage_rollout_strategy_a_vm_needs_a_restart_and_the_policy_migrates_nothing()
    {
        await using var world = await SettledAsync();
        world.KubeVirt.StageRollout = true;

        await FlipAsync(world, "DR");
        for (var i = 0; i < 8; i++)
        {
            world.Tick();
        }

        var tier1 = world.Vms.Where(v => TierOf[v.Name] == 1).ToList();
        tier1.Should().OnlyContain(v => world.SelectorOf(v.Ns, v.Name) == "DR");
        tier1.Should().OnlyContain(v => world.Vm(v.Ns, v.Name)!["status"]!["conditions"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() == "RestartRequired"));
        tier1.Should().OnlyContain(v => world.Instance(v.Ns, v.Name)!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>() == "Primary",
            "the instance keeps the selector it started with");
        world.Migrations().Should().BeEmpty("a migration would land at Primary again; acmdr relocate restarts these");
        world.AllAt("Primary").Should().BeTrue();
        world.Controller.Templates["dr-dns-running"].Should().Be(PolicyController.NonCompliant);
        world.Controller.Compliance["dr-db"].Should().Be(PolicyController.Pending);
    }

    /// <summary>
    /// The framework checks a template's dependencies against the status the dependency last reported. Right after
    /// a flip every tier still reads Compliant (for the old site), so every tier's templates are synced with the new
    /// site at once; here KubeVirt hands the new selector to the instances before the next evaluation, so the
    /// later tiers' -move templates see it while their dependencies still read Compliant.
    /// </summary>
    [TestMethod]
    public async Task Even_when_kubevirt_acts_before_tier_1_reports_later_tiers_wait_for_tier_1_to_run_at_the_site()
    {
        // ACM gates a dependency on its last reported compliance: right after the flip tiers 2 and 3 still read
        // tier 1's Compliant from before it, and their templates act. Their -move waits on the cluster itself.
        await using var world = await SettledAsync();
        world.Controller.AfterWrite = world.KubeVirt.Step;

        await FlipAsync(world, "DR");
        world.Tick();

        world.Migrations().Select(m => TierOf[m["spec"]!["vmiName"]!.GetValue<string>()]).Distinct().Should().Equal(
            [1], "only tier 1 moves until its VMs run at DR");
    }

    [TestMethod]
    public async Task A_rehearsal_there_and_back_is_moved_by_the_policies_alone_and_reports_both_legs_moved()
    {
        await using var world = await SettledAsync();

        var rehearsal = world.HubWhileTickingAsync("rehearse", "--to", "DR", "--reason", "moved by policy", "--back", "--timeout", "10m", "-o", "json");
        var ticks = 0;
        var sawDr = false;
        while (!rehearsal.IsCompleted && ticks < 200)
        {
            world.Tick();
            sawDr |= world.AllAt("DR");
            ticks++;
            await Task.Delay(25);
        }

        var result = await rehearsal;
        result.ExitCode.Should().Be(0, result.ToString());
        sawDr.Should().BeTrue("every VM ran at DR between the two legs");
        world.AllAt("Primary").Should().BeTrue("the way back moved them home");
        var legs = System.Text.Json.Nodes.JsonNode.Parse(result.Out)!["legs"]!.AsArray();
        legs.Select(l => (l!["report"]!["targetSite"]!.GetValue<string>(), l["report"]!["verdict"]!.GetValue<string>(), l["report"]!["moved"]!.GetValue<int>()))
            .Should().Equal(("DR", "moved", 10), ("Primary", "moved", 10));
        world.Migrations().Should().HaveCount(20, "one migration per VM each way, all by the policies")
            .And.OnlyContain(m => m["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>() == "acmdr");
    }
}
