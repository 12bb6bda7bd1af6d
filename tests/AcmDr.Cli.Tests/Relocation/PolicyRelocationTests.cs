using AcmDr.Cli.Tests.Infrastructure;
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
        world.Controller.Writes.Should().BeEmpty("nothing differs from the policies before the flip");
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
}
