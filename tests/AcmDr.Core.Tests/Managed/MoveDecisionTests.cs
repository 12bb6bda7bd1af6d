using AcmDr.Core.Managed;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

[TestClass]
public sealed class MoveDecisionTests
{
    private const string Label = "topology.kubernetes.io/site";

    private static readonly Dictionary<string, NodeState> Nodes = new()
    {
        ["p-1"] = new("p-1", "Primary", true),
        ["p-2"] = new("p-2", "Primary", false),
        ["d-1"] = new("d-1", "DR", true),
    };

    private static VmState Running(string node, bool liveMigratable = true, string selector = "DR", bool restartRequired = false, string? migration = null) =>
        new(true, selector, "Running", "Always", restartRequired, new InstanceState("uid", "Running", node, liveMigratable), migration);

    private static MoveKind Decide(VmState vm) => MoveDecision.Decide(vm, Nodes, "DR", Label).Kind;

    [TestMethod]
    public void Live_migrates_what_can_and_restarts_the_rest()
    {
        Decide(Running("p-1")).Should().Be(MoveKind.Migrate);
        Decide(Running("p-1", liveMigratable: false)).Should().Be(MoveKind.Restart);
        Decide(Running("p-1", restartRequired: true)).Should().Be(MoveKind.Restart, "with the Stage strategy a migration keeps the old selector");
    }

    [TestMethod]
    public void Waits_for_the_new_selector_to_reach_an_instance_that_still_names_another_site_rather_than_restart_it()
    {
        var stale = Running("p-1") with { Instance = new InstanceState("uid", "Running", "p-1", true, SelectorSite: "Primary") };

        Decide(stale).Should().Be(MoveKind.InFlight, "a migration lands where the instance's selector says, and LiveUpdate passes the new one on");
        Decide(stale with { RestartRequired = true }).Should().Be(MoveKind.Restart);
        Decide(Running("p-1") with { Instance = new InstanceState("uid", "Running", "p-1", true, SelectorSite: "DR") }).Should().Be(MoveKind.Migrate);
        MoveDecision.Decide(stale, Nodes, "DR", Label).Reason.Should().Be(
            "runs on node p-1 at Primary; its new nodeSelector has not reached the instance yet (it still selects Primary; KubeVirt's LiveUpdate passes it on; without LiveUpdate, restart the VM)");
    }

    [TestMethod]
    public void Leaves_alone_what_is_there_stopped_or_already_moving()
    {
        Decide(Running("d-1")).Should().Be(MoveKind.AtSite);
        Decide(new VmState(true, "DR", "Stopped", "Halted", false, null, null)).Should().Be(MoveKind.Stopped);
        Decide(new VmState(true, "DR", "Starting", "Always", false, null, null)).Should().Be(MoveKind.InFlight);
        Decide(Running("p-1", migration: "acmdr-x-1")).Should().Be(MoveKind.InFlight);
    }

    [TestMethod]
    public void Never_restarts_an_instance_that_is_already_shutting_down()
    {
        var restarting = Running("p-1", liveMigratable: false) with { Instance = new InstanceState("uid", "Running", "p-1", false, Terminating: true) };
        Decide(restarting).Should().Be(MoveKind.InFlight, "a restart (perhaps ours, its answer lost) is under way");
        Decide(Running("p-1", liveMigratable: false) with { PrintableStatus = "Stopping" }).Should().Be(MoveKind.InFlight);
        Decide(Running("p-1") with { PrintableStatus = "Stopping" }).Should().Be(MoveKind.InFlight, "nor migrated while it stops");
    }

    [TestMethod]
    public void Refuses_what_would_land_elsewhere_or_cannot_move()
    {
        Decide(VmState.Missing).Should().Be(MoveKind.Missing);
        Decide(Running("p-1", selector: "Primary")).Should().Be(MoveKind.SelectorElsewhere);
        Decide(Running("p-2")).Should().Be(MoveKind.Stuck);
        Decide(new VmState(true, "DR", "ErrorUnschedulable", "Always", false, null, null)).Should().Be(MoveKind.Stuck);
    }

    [TestMethod]
    public void Says_what_unblocks_a_VM_on_a_dead_node()
    {
        var reason = MoveDecision.Decide(Running("p-2") with { RunStrategy = "Manual" }, Nodes, "DR", Label).Reason;

        reason.Should().Contain("kubectl taint node p-2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute")
            .And.Contain("fence the node").And.Contain("runStrategy is Manual");
    }
}
