using AcmDr.Core.Dual;
using AcmDr.Core.Tests.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Dual.Drpcs;

namespace AcmDr.Core.Tests.Dual;

/// <summary>The exact words of a dual app's reason and its "next:" step, per DRPC state.</summary>
[TestClass]
public sealed class DualReasonsTests
{
    private const string Name = "openshift-gitops/dr-erp";
    private const string Head = "DRPC openshift-gitops/dr-erp Relocate to west not finished";
    private const string Describe = "oc describe drplacementcontrol -n openshift-gitops dr-erp";

    private static DrpcObservation Relocating(string progression = "RunningFinalSync") =>
        Drpc("erp", 1, phase: "Relocating", progression: progression, available: "False");

    [TestMethod]
    public void A_cleanup_without_a_known_old_cluster_says_the_old_cluster() =>
        DualReasons.Finished(Drpc("erp", 1, progression: "Cleaning Up"), Name, "west", null).Should().Be(
            "DRPC openshift-gitops/dr-erp finished at west: moved (Ramen is still cleaning up the old cluster; phase Relocated, progression Cleaning Up)");

    [TestMethod]
    public void A_drpc_without_an_action_is_still_deploying() =>
        DualReasons.NotFinished(Drpc("erp", 1, action: null, phase: "Initiating", progression: ""), Name, "west", "east").Should().Be(
            $"DRPC openshift-gitops/dr-erp deployment to west not finished (phase Initiating, progression none); next: Ramen is still moving it; past the tier's RTO read {Describe}");

    [TestMethod]
    public void Fencing_without_a_known_old_cluster_asks_to_fence_the_cluster_it_ran_on() =>
        DualReasons.NotFinished(Relocating("WaitForFencing"), Name, "west", null).Should().Be(
            $"{Head} (phase Relocating, progression WaitForFencing): Ramen waits for the cluster it ran on to be fenced; next: fence the cluster it ran on (its DRCluster's spec.clusterFence: Fenced, or ManuallyFenced once it is cut off by hand), then Ramen goes on");

    [TestMethod]
    public void Fencing_names_the_old_cluster_when_known() =>
        DualReasons.NotFinished(Relocating("WaitForFencing"), Name, "west", "east").Should().StartWith(
            $"{Head} (phase Relocating, progression WaitForFencing): Ramen waits for east to be fenced; next: fence east ");

    [TestMethod]
    [DataRow("ReconcileError", null, "ReconcileError")]
    [DataRow("RelocateFailed", "the VRG is stuck", "RelocateFailed: the VRG is stuck")]
    [DataRow("failed", "", "failed")]
    public void An_available_condition_false_for_a_failure_or_error_says_the_action_failed(string reason, string? message, string shown)
    {
        var drpc = Relocating() with { Available = new DrpcCondition("False", At(5), reason, message) };

        DualReasons.NotFinished(drpc, Name, "west", "east").Should().Be(
            $"{Head} (phase Relocating, progression RunningFinalSync): the Relocate failed ({shown}); next: read {Describe} and the VolumeReplicationGroup on west, fix the cause, then flip again or break glass");
    }

    [TestMethod]
    [DataRow("Progressing")]
    [DataRow(null)]
    public void An_available_condition_false_without_failure_in_its_reason_is_not_a_failure(string? reason)
    {
        var drpc = Relocating() with { Available = new DrpcCondition("False", At(5), reason, "an error in the message only") };

        DualReasons.NotFinished(drpc, Name, "west", "east").Should().Be(
            $"{Head} (phase Relocating, progression RunningFinalSync); next: Ramen is still moving it; past the tier's RTO read {Describe}");
    }

    [TestMethod]
    [DataRow("NotReady", "east is unreachable", "NotReady: east is unreachable")]
    [DataRow("NotReady", null, "NotReady")]
    [DataRow(null, "east is unreachable", "east is unreachable")]
    [DataRow(null, null, "no reason given")]
    [DataRow("", "", "no reason given")]
    public void Peer_ready_false_shows_its_reason_and_message_as_far_as_given(string? reason, string? message, string shown)
    {
        var drpc = Relocating() with { PeerReady = new DrpcCondition("False", At(5), reason, message) };

        DualReasons.NotFinished(drpc, Name, "west", "east").Should().Be(
            $"{Head} (phase Relocating, progression RunningFinalSync): PeerReady is False ({shown}); next: a Relocate needs both clusters; bring east back, or flip with --unplanned for a Failover");
    }

    [TestMethod]
    public void Peer_ready_false_without_a_known_old_cluster_asks_to_bring_back_the_cluster_it_ran_on() =>
        DualReasons.NotFinished(Relocating() with { PeerReady = new DrpcCondition("False", At(5), null, null) }, Name, "west", null)
            .Should().EndWith("next: a Relocate needs both clusters; bring the cluster it ran on back, or flip with --unplanned for a Failover");

    [TestMethod]
    [DataRow("WaitForUser", "RunningFinalSync")]
    [DataRow("FailingOver", "WaitOnUserToCleanUp")]
    public void A_drpc_waiting_for_the_user_asks_to_clean_up_the_old_cluster(string phase, string progression) =>
        DualReasons.NotFinished(Drpc("erp", 1, phase: phase, progression: progression, available: "False"), Name, "west", "east").Should().Be(
            $"{Head} (phase {phase}, progression {progression}): Ramen waits for the user; next: clean up the app on east as {Describe} says");

    [TestMethod]
    public void A_drpc_whose_status_predates_its_spec_asks_whether_the_ramen_hub_operator_runs() =>
        DualReasons.NotFinished(Drpc("erp", 1, phase: "Relocated", progression: "Completed", generation: 4, seen: 3, preferred: "east"), Name, "west", "east").Should().Be(
            "DRPC openshift-gitops/dr-erp Relocate to west not finished (phase Relocated, progression Completed): Ramen has not seen the latest spec (generation 4, condition Available observed 3); next: check that the Ramen hub operator runs");

    [TestMethod]
    public void Waiting_names_each_app_waited_for() =>
        DualReasons.Waiting(["erp (no DRPC)", "hr (phase Relocating, progression RunningFinalSync)"]).Should().Be(
            "waiting for erp (no DRPC), hr (phase Relocating, progression RunningFinalSync) to finish first (its policy's dependency); next: nothing within the tier's RTO; past it, see why those apps have not finished");

    [TestMethod]
    public void An_unchanged_drpc_that_runs_nowhere_yet_names_its_phase()
    {
        var dual = new DualObservation([], Ns, "Primary", "local-cluster", "planned", true);
        var drpc = Drpc("erp", 1, action: null, preferred: "", phase: "Initiating");

        DualReasons.Unchanged(drpc, Name, "west", "dr-erp", "local-cluster", dual).Should().Be(
            "policy dr-erp on local-cluster has not changed DRPC openshift-gitops/dr-erp to west (it is at no cluster yet (phase Initiating), preferredCluster none, action none); next: read the dr-erp-drpc template's status on local-cluster (acmdr report -o json, or oc get policy -n local-cluster)");
    }

    [TestMethod]
    public void An_unchanged_drpc_under_a_switch_without_a_mode_asks_to_flip_again()
    {
        var dual = new DualObservation([], Ns, "Primary", "local-cluster", null, true);

        DualReasons.Unchanged(Drpc("erp", 1, preferred: "east"), Name, "west", "dr-erp", "local-cluster", dual).Should().Be(
            "the switch has no mode (planned or unplanned wanted), so policy dr-erp on local-cluster changes no DRPC (it is at east, preferredCluster east, action Relocate); next: flip again (acmdr flip --to SITE, with --unplanned for a Failover)");
    }
}
