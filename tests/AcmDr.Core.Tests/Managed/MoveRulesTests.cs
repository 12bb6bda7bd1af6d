using AcmDr.Core.Managed;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>The decision relocate takes for one VM, and the words it explains it with.</summary>
[TestClass]
public sealed class MoveRulesTests
{
    private const string Label = "topology.kubernetes.io/site";

    private static readonly Dictionary<string, NodeState> Nodes = new()
    {
        ["p-1"] = new("p-1", "Primary", true),
        ["p-dead"] = new("p-dead", "Primary", false),
        ["d-1"] = new("d-1", "DR", true),
        ["d-dead"] = new("d-dead", "DR", false),
        ["bare"] = new("bare", null, true),
    };

    private static VmState Vm(string? node = "p-1", string? phase = "Running", bool liveMigratable = true, string? selector = "DR",
        string? status = "Running", string? runStrategy = "Always", bool restartRequired = false, string? migration = null, bool terminating = false) =>
        new(true, selector, status, runStrategy, restartRequired, new InstanceState("uid-1", phase, node, liveMigratable, terminating), migration);

    private static VmState Stopped(string? status, string? selector = "DR") => new(true, selector, status, "Halted", false, null, null);

    private static MoveStep Decide(VmState vm) => MoveDecision.Decide(vm, Nodes, "DR", Label);

    [TestMethod]
    public void A_live_migratable_VM_at_the_other_site_is_live_migrated() =>
        Decide(Vm()).Should().Be(new MoveStep(MoveKind.Migrate, "live-migrate: runs on node p-1 at Primary"));

    [TestMethod]
    public void A_VM_that_is_not_live_migratable_is_restarted_never_migrated() =>
        Decide(Vm(liveMigratable: false)).Should().Be(new MoveStep(MoveKind.Restart, "restart: runs on node p-1 at Primary and is not live-migratable"));

    [TestMethod]
    public void A_VM_whose_new_nodeSelector_waits_for_a_restart_is_restarted_even_when_it_could_migrate() =>
        Decide(Vm(restartRequired: true)).Should().Be(new MoveStep(MoveKind.Restart,
            "restart: runs on node p-1 at Primary and has RestartRequired (its new nodeSelector applies only on restart)"));

    [TestMethod]
    public void A_VM_already_running_at_the_target_site_is_left_alone_even_if_it_could_not_migrate()
    {
        Decide(Vm(node: "d-1")).Should().Be(new MoveStep(MoveKind.AtSite, "already at DR (node d-1)"));
        Decide(Vm(node: "d-1", liveMigratable: false, restartRequired: true)).Kind.Should().Be(MoveKind.AtSite);
    }

    [TestMethod]
    public void A_VM_on_a_node_of_unknown_site_is_moved_and_the_reason_says_the_site_is_unknown()
    {
        Decide(Vm(node: "bare")).Reason.Should().Be("live-migrate: runs on node bare at unknown site");
        Decide(Vm(node: "gone")).Reason.Should().Be("live-migrate: runs on node gone at unknown site");
    }

    [TestMethod]
    public void An_instance_not_yet_placed_on_a_node_is_waited_for_not_moved() =>
        Decide(Vm(node: null, phase: "Scheduling")).Should().Be(new MoveStep(MoveKind.InFlight, "instance is Scheduling"));

    [TestMethod]
    public void A_running_instance_without_a_node_is_restarted_and_the_reason_names_no_node() =>
        Decide(Vm(node: null, liveMigratable: false)).Reason.Should().Be("restart: runs on node ? at unknown site and is not live-migratable");

    [TestMethod]
    public void A_VM_whose_nodeSelector_names_another_site_is_refused_since_it_would_land_there_again()
    {
        Decide(Vm(selector: "Primary")).Should().Be(new MoveStep(MoveKind.SelectorElsewhere,
            "runs on node p-1 at Primary and its nodeSelector topology.kubernetes.io/site says Primary, not DR: set it first (acmdr flip on the hub, or acmdr breakglass)"));
        Decide(Vm(selector: null, liveMigratable: false)).Reason.Should().Contain("its nodeSelector topology.kubernetes.io/site says nothing, not DR");
    }

    [TestMethod]
    public void A_VM_not_on_the_cluster_is_reported_missing() =>
        MoveDecision.Decide(VmState.Missing, Nodes, "DR", Label).Should().Be(new MoveStep(MoveKind.Missing, "not found on the cluster"));

    [TestMethod]
    public void A_stopped_VM_is_left_stopped()
    {
        Decide(Stopped("Stopped")).Should().Be(new MoveStep(MoveKind.Stopped, "stopped (Stopped): left stopped"));
        Decide(Stopped(null)).Should().Be(new MoveStep(MoveKind.Stopped, "stopped (no instance): left stopped"));
    }

    [TestMethod]
    public void A_stopped_VM_whose_nodeSelector_names_another_site_is_left_stopped_with_a_warning_where_it_would_start()
    {
        Decide(Stopped("Stopped", "Primary")).Should().Be(new MoveStep(MoveKind.Stopped,
            "stopped (Stopped): left stopped; its nodeSelector says Primary, so it would start there"));
        Decide(Stopped("Halted", null)).Reason.Should().Be("stopped (Halted): left stopped; its nodeSelector says no site, so it would start there");
    }

    [TestMethod]
    [DataRow("Starting")]
    [DataRow("Provisioning")]
    [DataRow("WaitingForVolumeBinding")]
    public void A_VM_whose_instance_is_being_created_is_waited_for(string status) =>
        Decide(Stopped(status)).Should().Be(new MoveStep(MoveKind.InFlight, $"VM is {status}"));

    [TestMethod]
    public void A_running_migration_is_waited_for_not_started_again() =>
        Decide(Vm(migration: "acmdr-vm-1")).Should().Be(new MoveStep(MoveKind.InFlight, "migration acmdr-vm-1 in flight"));

    [TestMethod]
    public void An_instance_shutting_down_is_waited_for_not_restarted_again()
    {
        var step = new MoveStep(MoveKind.InFlight, "instance is shutting down (a restart or stop is under way)");
        Decide(Vm(liveMigratable: false, terminating: true)).Should().Be(step);
        Decide(Vm(status: "Stopping")).Should().Be(step);
    }

    [TestMethod]
    public void An_instance_not_yet_running_is_waited_for()
    {
        Decide(Vm(phase: "Scheduled")).Should().Be(new MoveStep(MoveKind.InFlight, "instance is Scheduled"));
        Decide(Vm(phase: null)).Should().Be(new MoveStep(MoveKind.InFlight, "instance is starting"));
    }

    [TestMethod]
    public void A_VM_on_a_node_that_is_not_Ready_is_stuck_even_at_the_target_site()
    {
        Decide(Vm(node: "p-dead")).Should().Be(new MoveStep(MoveKind.Stuck, StuckDiagnosis.NodeNotReady("p-dead", "Always")));
        Decide(Vm(node: "d-dead")).Kind.Should().Be(MoveKind.Stuck);
        Decide(Vm(node: "p-dead", migration: "m", terminating: true)).Kind.Should().Be(MoveKind.Stuck, "nothing moves off a dead node by itself");
    }

    [TestMethod]
    public void A_VM_nothing_can_schedule_is_stuck_and_the_reason_names_the_label_its_nodes_need()
    {
        Decide(new VmState(true, "DR", "ErrorUnschedulable", "Always", false, null, null)).Should().Be(
            new MoveStep(MoveKind.Stuck, StuckDiagnosis.Unschedulable(Label, "DR")));
        Decide(Vm(selector: "Primary", status: "ErrorUnschedulable")).Reason.Should().Contain($"{Label}=Primary", "it waits for its own selector's site");
        Decide(Vm(selector: null, status: "ErrorUnschedulable")).Reason.Should().Contain($"{Label}=DR");
    }

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => MoveDecision.Decide(null!, Nodes, "DR", Label)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => MoveDecision.Decide(Vm(), null!, "DR", Label)).Should().Throw<ArgumentNullException>();
    }
}
