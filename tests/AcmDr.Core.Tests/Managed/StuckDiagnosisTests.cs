using AcmDr.Core.Managed;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

[TestClass]
public sealed class StuckDiagnosisTests
{
    [TestMethod]
    [DataRow(null)]
    [DataRow("Always")]
    [DataRow("RerunOnFailure")]
    public void The_instance_of_a_VM_that_should_keep_running_is_recreated_by_KubeVirt(string? runStrategy) =>
        StuckDiagnosis.IsRecreated(runStrategy).Should().BeTrue();

    [TestMethod]
    [DataRow("Manual")]
    [DataRow("Halted")]
    [DataRow("Once")]
    public void The_instance_of_a_VM_started_by_hand_is_not_recreated_by_KubeVirt(string runStrategy) =>
        StuckDiagnosis.IsRecreated(runStrategy).Should().BeFalse();

    [TestMethod]
    public void A_dead_node_is_fenced_or_tainted_and_the_VM_then_restarts_by_itself() =>
        StuckDiagnosis.NodeNotReady("n-1", "Always").Should().Be(
            "stuck: its instance is on node n-1, which is not Ready; KubeVirt recreates it only once that node's pods are gone: "
            + "fence the node, or if it is really down taint it (kubectl taint node n-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute)"
            + "; then it restarts where its nodeSelector says");

    [TestMethod]
    public void A_VM_with_a_manual_run_strategy_must_be_started_by_hand_after_the_taint() =>
        StuckDiagnosis.NodeNotReady("n-1", "Manual").Should().EndWith(
            "(kubectl taint node n-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute)"
            + "; its runStrategy is Manual, so it is not recreated by itself: start it afterwards (virtctl start)");

    [TestMethod]
    public void An_unschedulable_VM_names_the_node_label_to_check_and_the_taint() =>
        StuckDiagnosis.Unschedulable("site", "DR").Should().Be(
            "stuck: ErrorUnschedulable, no node can take it: check that nodes labelled site=DR are Ready, untainted and have room; "
            + "if its old node is down, fence it or taint it node.kubernetes.io/out-of-service=nodeshutdown:NoExecute");
}
