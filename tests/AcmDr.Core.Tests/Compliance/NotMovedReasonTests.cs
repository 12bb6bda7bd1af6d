using AcmDr.Core.Compliance;
using AcmDr.Core.Managed;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>Why a VM read on its cluster is not at its target, and the next step, as the report says it mid-failover.</summary>
[TestClass]
public sealed class NotMovedReasonTests
{
    private const string Label = "topology.kubernetes.io/site";
    private const string Relocate = "; next: acmdr relocate (restarts it at DR)";

    private static readonly NodeState P1 = new("p-1", "Primary", true);

    private static InstanceState Instance(string node = "p-1", bool liveMigratable = true, string? selects = "DR", bool failed = false, string? failure = null, string phase = "Running") =>
        new("uid-1", phase, node, liveMigratable, SelectorSite: selects, LastMigrationFailed: failed, LastMigrationFailure: failure);

    private static VmState Vm(InstanceState? instance, string selector = "DR", bool restartRequired = false, string? migration = null, string status = "Running", string runStrategy = "Always") =>
        new(true, selector, status, runStrategy, restartRequired, instance, migration);

    private static VmGroundTruth Truth(VmState? state, NodeState? node = null)
    {
        node ??= state?.Instance is null ? null : P1;
        return new("finance", "db-0", "stretch-1", state?.Instance?.Phase, state?.Instance?.NodeName, node?.Site, state, node);
    }

    private static string? Reason(VmState? state, NodeState? node = null) => NotMovedReason.Of(Truth(state, node), "DR", Label);

    [TestMethod]
    public void A_VM_that_is_not_live_migratable_waits_for_relocate_to_restart_it() =>
        Reason(Vm(Instance(liveMigratable: false))).Should().Be(
            "runs on node p-1 at Primary; not live-migratable, so the flip cannot migrate it" + Relocate);

    [TestMethod]
    public void A_VM_with_RestartRequired_waits_for_relocate_to_restart_it() =>
        Reason(Vm(Instance(selects: "Primary"), restartRequired: true)).Should().Be(
            "runs on node p-1 at Primary; RestartRequired: its new nodeSelector reaches the instance only on restart, and a migration would land at Primary again" + Relocate);

    [TestMethod]
    public void An_instance_whose_own_selector_still_names_the_old_site_waits_for_the_new_one_to_reach_it()
    {
        Reason(Vm(Instance(selects: "Primary"))).Should().Be(
            "runs on node p-1 at Primary; its new nodeSelector has not reached the instance yet (it still selects Primary; KubeVirt's LiveUpdate passes it on; without LiveUpdate, restart the VM); next: wait for it");
        MoveDecision.Decide(Vm(Instance(selects: "Primary")), new Dictionary<string, NodeState> { ["p-1"] = P1 }, "DR", Label).Kind
            .Should().Be(MoveKind.InFlight, "relocate must not migrate it back to Primary, nor restart a VM a migration could move");
    }

    [TestMethod]
    public void An_instance_that_selects_no_site_is_not_migrated_by_the_policy() =>
        Reason(Vm(Instance(selects: null))).Should().Be(
            "runs on node p-1 at Primary; its instance's nodeSelector names no site, so the policy does not migrate it (it could land anywhere); next: acmdr relocate (restarts or migrates it to DR)");

    [TestMethod]
    public void A_VM_on_a_NotReady_node_needs_the_node_fenced()
    {
        var dead = new NodeState("p-2", "Primary", false);

        Reason(Vm(Instance(node: "p-2")), dead).Should().Be(
            "node p-2 is NotReady: a migration cannot leave it and the policy does not move it; next: fence the node, or if it is down for good taint it "
            + "(kubectl taint node p-2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute), so KubeVirt recreates it where its nodeSelector says (DR; runStrategy Always)");
        Reason(Vm(Instance(node: "p-2"), runStrategy: "Manual"), dead).Should().EndWith(
            "then start it (virtctl start): its runStrategy Manual does not recreate it");
        Reason(Vm(Instance(node: "p-2", liveMigratable: false)), dead).Should().StartWith("node p-2 is NotReady", "a dead node comes before what a restart would fix");
    }

    [TestMethod]
    public void A_failed_last_migration_is_not_retried_by_the_policy()
    {
        Reason(Vm(Instance(failed: true, failure: "migration db-0-x Failed: target pod unschedulable"))).Should().Be(
            "runs on node p-1 at Primary; its last migration failed (migration db-0-x Failed: target pod unschedulable); the policy does not retry it; "
            + "next: fix what made it fail, then acmdr relocate (migrates it once more)");
        Reason(Vm(Instance(failed: true))).Should().StartWith("runs on node p-1 at Primary; its last migration failed; the policy");
    }

    [TestMethod]
    public void A_migration_in_flight_is_waited_for_whatever_happened_before()
    {
        Reason(Vm(Instance(failed: true), migration: "dr-db-move-1")).Should().Be("migration dr-db-move-1 in flight; next: wait for it");
        Reason(Vm(Instance(phase: "Scheduling"))).Should().Be("instance is Scheduling; next: wait for it");
    }

    [TestMethod]
    public void A_VM_without_an_instance_is_stopped_and_stays_so()
    {
        Reason(Vm(null, status: "Stopped", runStrategy: "Halted")).Should().Be(
            "stopped (Stopped): a flip moves only running VMs; it starts at DR; next: nothing, or virtctl start if it should run");
        Reason(Vm(null, selector: "Primary", status: "Stopped", runStrategy: "Halted")).Should().Contain("its nodeSelector says Primary, so it would start there");
    }

    [TestMethod]
    public void A_VM_whose_own_nodeSelector_is_not_the_target_waits_for_the_site_template() =>
        Reason(Vm(Instance(), selector: "Primary")).Should().Be(
            "runs on node p-1 at Primary; its nodeSelector still says Primary: the site template has not set it yet (policy Pending or NonCompliant); "
            + "next: wait for the app's -site template (the SPEC column), or acmdr breakglass if the hub is down");

    [TestMethod]
    public void A_VM_nothing_holds_back_is_the_policys_to_migrate() =>
        Reason(Vm(Instance())).Should().Be(
            "runs on node p-1 at Primary; live-migratable and nothing holds it back: the policy's -move template migrates it when it next runs; next: wait, or acmdr relocate");

    [TestMethod]
    public void A_VM_missing_or_unschedulable_says_so()
    {
        Reason(VmState.Missing).Should().Be("the VM is not on this cluster; next: check the inventory, and that --managed-context names this VM's cluster");
        Reason(Vm(null, status: MoveDecision.ErrorUnschedulable)).Should().Be(
            "no node can take it (ErrorUnschedulable); next: check that nodes labelled topology.kubernetes.io/site=DR are Ready, untainted and have room; "
            + "if its old node is down, fence it (taint node.kubernetes.io/out-of-service=nodeshutdown:NoExecute)");
    }

    [TestMethod]
    public void Cluster_text_in_a_reason_is_cleaned() =>
        Reason(Vm(Instance(failed: true, failure: "bad\u001b[2J\nnews"))).Should().Contain("(bad news)").And.NotContain("\u001b");

    [TestMethod]
    public void Without_the_VM_read_there_is_no_reason_to_give() =>
        Reason(null, P1).Should().BeNull();

    [TestMethod]
    public void The_report_gives_the_reason_for_a_VM_not_at_its_target_and_where_a_moved_one_runs()
    {
        VmGroundTruth[] truth =
        [
            Truth(Vm(Instance(liveMigratable: false))),
            new("finance", "db-1", "stretch-1", "Running", "d-1", "DR", Vm(Instance(node: "d-1")), new("d-1", "DR", true)),
            new("web", "web-0", "stretch-1", "Running", "p-1", "Primary"),
        ];

        var summary = ComplianceSummariser.Summarise(Observe([], 10, truth) with { SiteLabel = Label });

        summary.Vms.Single(v => v.Vm == "db-0").Should().BeEquivalentTo(new
        {
            Verdict = MoveVerdict.NotMoved,
            Reason = "runs on node p-1 at Primary; not live-migratable, so the flip cannot migrate it" + Relocate,
        });
        summary.Vms.Single(v => v.Vm == "db-1").Should().BeEquivalentTo(new { Verdict = MoveVerdict.Moved, Reason = "instance Running on node d-1 at site DR (target DR)" });
        summary.Vms.Single(v => v.Vm == "web-0").Reason.Should().Be("instance Running on node p-1 at site Primary (target DR)", "a VM read only for where it runs");
    }

    [TestMethod]
    public void Without_ground_truth_a_VM_not_running_at_its_site_points_to_the_managed_kubeconfig()
    {
        var db = new PolicyObservation("dr-db", "stretch-1", ComplianceState.NonCompliant, SiteUpdated(Db0, 1),
            Template(ComplianceState.NonCompliant, Entry(5, NotRunning("db-0", "finance"))));

        var db0 = ComplianceSummariser.Summarise(Observe([db], 10)).Vms.Single(v => v.Vm == "db-0");

        db0.Verdict.Should().Be(MoveVerdict.NotMoved);
        db0.Reason.Should().Be("not running at DR: virtualmachineinstances [db-0] found but not as specified in namespace finance (--managed-kubeconfig tells why and what next)");
    }
}
