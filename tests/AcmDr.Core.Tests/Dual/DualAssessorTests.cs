using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using FluentAssertions;
using AcmDr.Core.Tests.Compliance;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Dual.Drpcs;

namespace AcmDr.Core.Tests.Dual;

[TestClass]
public sealed class DualAssessorTests
{
    private static VmCompliance Only(ComplianceSummary summary, string vm) => summary.Vms.Single(v => v.Vm == vm);

    [TestMethod]
    public void A_drpc_finished_at_the_target_cluster_moves_every_vm_of_its_app_from_the_action_start_to_its_end()
    {
        var summary = Summarise([Erp0, Erp1], [Drpc("erp", 1)]);

        summary.Vms.Select(v => (v.Vm, v.Verdict, v.Cluster, v.StartedAt, v.Since, v.SpecState, v.RunningState)).Should().Equal(
            ("erp-0", MoveVerdict.Moved, "west", At(2), At(7), ComplianceState.Compliant, ComplianceState.Compliant),
            ("erp-1", MoveVerdict.Moved, "west", At(2), At(7), ComplianceState.Compliant, ComplianceState.Compliant));
        summary.Tiers.Single().Should().Match<TierCompliance>(t => t.Duration == TimeSpan.FromMinutes(7) && t.Rto == RtoStatus.Met);
        summary.Verdict.Should().Be(MoveVerdict.Moved);
    }

    [TestMethod]
    public void Without_an_action_duration_the_arrival_is_when_available_turned_true()
    {
        Only(Summarise([Erp0], [Drpc("erp", 1, tookSeconds: null, availableSinceMinute: 9)]), "erp-0").Since.Should().Be(At(9));
    }

    [TestMethod]
    public void A_drpc_that_finished_there_before_the_flip_counts_as_arrived_at_the_flip()
    {
        var vm = Only(Summarise([Erp0], [Drpc("erp", 1, action: null, preferred: "east", phase: "Deployed", target: "east", startedMinute: -60, tookSeconds: 60)], target: "Primary"), "erp-0");

        vm.Verdict.Should().Be(MoveVerdict.Moved);
        vm.Since.Should().Be(Observations.Flip);
        vm.StartedAt.Should().BeNull("the action was not this move's");
    }

    [TestMethod]
    public void A_failed_over_drpc_runs_the_app_at_its_failover_cluster_whatever_its_preferred_cluster_names()
    {
        var failedOver = Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailedOver");

        Only(Summarise([Erp0], [failedOver], mode: "unplanned"), "erp-0").Should().Match<VmCompliance>(v => v.Verdict == MoveVerdict.Moved && v.Cluster == "west");
        Only(Summarise([Erp0], [failedOver with { Phase = "Relocated" }], mode: "unplanned"), "erp-0").Verdict.Should().Be(MoveVerdict.NotMoved,
            "relocated, it would run at its preferredCluster east");
    }

    [TestMethod]
    public void A_relocation_back_home_finishes_at_the_preferred_cluster_while_the_last_failover_cluster_stays_in_the_spec()
    {
        // Failed over to west, then relocated home: Ramen keeps failoverCluster west (and its first preferredDecision).
        var home = Drpc("erp", 1, action: "Relocate", preferred: "east", failover: "west", phase: "Relocated", target: "east");

        var vm = Only(Summarise([Erp0], [home], target: "Primary"), "erp-0");

        vm.Verdict.Should().Be(MoveVerdict.Moved);
        vm.Reason.Should().Be("DRPC openshift-gitops/dr-erp finished at east (phase Relocated, progression Completed)");
        Summarise([Erp0], [home], target: "Primary").DualApps.Single().RunsAt.Should().Be("east");
    }

    [TestMethod]
    [DataRow("Cleaning Up", "moved (Ramen is still cleaning up the old cluster east; phase FailedOver, progression Cleaning Up)")]
    [DataRow("WaitOnUserToCleanUp", "moved (Ramen waits for the user to clean up the old cluster east; phase FailedOver, progression WaitOnUserToCleanUp)")]
    public void A_failover_still_cleaning_up_the_old_cluster_that_is_down_has_moved_and_says_so(string progression, string expected)
    {
        // East is down: PeerReady False, and Ramen cleans it up only when it returns, maybe never.
        var failover = Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailedOver", progression: progression, peerReady: "False");

        var summary = Summarise([Erp0, Erp1], [failover], mode: "unplanned");

        summary.Vms.Should().OnlyContain(v => v.Verdict == MoveVerdict.Moved && v.Cluster == "west" && v.Since == At(7));
        summary.Vms[0].Reason.Should().Be("DRPC openshift-gitops/dr-erp finished at west: " + expected);
        summary.Verdict.Should().Be(MoveVerdict.Moved);
    }

    [TestMethod]
    public void A_later_tier_does_not_wait_for_a_failover_that_only_cleans_up()
    {
        var summary = Summarise([Erp0, Crm0],
            [Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailedOver", progression: "Cleaning Up", peerReady: "False"),
             Drpc("crm", 2, action: null, preferred: "east", phase: "Deployed", target: "east")], mode: "unplanned");

        Only(summary, "crm-0").Reason.Should().StartWith("policy dr-crm on local-cluster has not changed DRPC openshift-gitops/dr-crm to west (it is at east,");
    }

    [TestMethod]
    public void A_condition_without_an_observed_generation_does_not_hold_a_finished_drpc_back()
    {
        var drpc = Drpc("erp", 1);

        Only(Summarise([Erp0], [drpc with { Available = drpc.Available! with { ObservedGeneration = null } }]), "erp-0").Verdict.Should().Be(MoveVerdict.Moved);
        Only(Summarise([Erp0], [drpc with { Generation = 3 }]), "erp-0").Verdict.Should().Be(MoveVerdict.NotMoved, "the status predates the current spec");
    }

    [TestMethod]
    [DataRow("Relocated", "RunningFinalSync", "True", null, 2L, "progression RunningFinalSync); next: Ramen is still moving it")]
    [DataRow("Relocating", "Completed", "True", null, 2L, "phase Relocating")]
    [DataRow("Relocating", "Cleaning Up", "True", null, 2L, "phase Relocating, progression Cleaning Up")]
    [DataRow("FailingOver", "Completed", "True", null, 2L, "phase FailingOver")]
    [DataRow("Relocated", "Completed", "False", null, 2L, "next: Ramen is still moving it")]
    [DataRow("Relocated", "Completed", "True", null, 1L, "Ramen has not seen the latest spec (generation 2, condition Available observed 1); next: check that the Ramen hub operator runs")]
    [DataRow("FailingOver", "WaitForFencing", "False", null, 2L, "Ramen waits for east to be fenced; next: fence east")]
    [DataRow("FailingOver", "FailingOverToCluster", "False", "FailoverFailed", 2L, "the Relocate failed (FailoverFailed: the VRG on west reports an error); next: read oc describe drplacementcontrol -n openshift-gitops dr-erp")]
    [DataRow("WaitForUser", "WaitOnUserToCleanUp", "False", null, 2L, "Ramen waits for the user; next: clean up the app on east")]
    public void A_drpc_that_targets_the_cluster_but_has_not_finished_is_not_moved_with_the_next_step(
        string phase, string progression, string available, string? reason, long seen, string expected)
    {
        var vm = Only(Summarise([Erp0], [Drpc("erp", 1, phase: phase, progression: progression, available: available, availableReason: reason, seen: seen)]), "erp-0");

        vm.Verdict.Should().Be(MoveVerdict.NotMoved);
        vm.Reason.Should().StartWith("DRPC openshift-gitops/dr-erp Relocate to west not finished").And.Contain(expected);
        vm.StartedAt.Should().Be(At(2));
    }

    [TestMethod]
    public void A_relocate_held_by_a_peer_that_is_not_ready_says_so_and_offers_the_unplanned_move()
    {
        var vm = Only(Summarise([Erp0], [Drpc("erp", 1, phase: "Relocating", progression: "PreparingFinalSync", peerReady: "False")]), "erp-0");

        vm.Verdict.Should().Be(MoveVerdict.NotMoved);
        vm.Reason.Should().Contain("PeerReady is False (NotReady: east is unreachable); next: a Relocate needs both clusters; bring east back, or flip with --unplanned");
    }

    [TestMethod]
    public void A_failover_targets_its_failover_cluster_and_not_its_preferred_one()
    {
        var failingOver = Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", target: null, phase: "FailingOver", progression: "WaitForReadiness");

        Only(Summarise([Erp0], [failingOver], mode: "unplanned"), "erp-0").Reason.Should().StartWith("DRPC openshift-gitops/dr-erp Failover to west not finished");
        Only(Summarise([Erp0], [failingOver with { Action = "Relocate" }]), "erp-0").Reason.Should().StartWith("policy dr-erp on local-cluster has not changed");
    }

    [TestMethod]
    public void An_app_whose_previous_dual_tier_has_not_finished_waits_for_it_by_name()
    {
        var summary = Summarise([Erp0, Crm0],
            [Drpc("erp", 1, phase: "Relocating", progression: "RunningFinalSync"), Drpc("crm", 2, action: null, preferred: "east", phase: "Deployed", target: "east")]);

        var crm = Only(summary, "crm-0");
        crm.Verdict.Should().Be(MoveVerdict.Waiting);
        crm.Reason.Should().StartWith("waiting for erp (phase Relocating, progression RunningFinalSync) to finish first");
        summary.Tiers.Select(t => t.Verdict).Should().Equal(MoveVerdict.NotMoved, MoveVerdict.Waiting);
    }

    [TestMethod]
    public void An_app_waits_for_the_dual_apps_it_depends_on_even_in_its_own_tier()
    {
        var crm = Crm0 with { Tier = 1, Dual = Crm0.Dual! with { DependsOn = ["erp"] } };

        Only(Summarise([Erp0, crm], [Drpc("crm", 1, action: null, preferred: "east", phase: "Deployed", target: "east")]), "crm-0")
            .Reason.Should().StartWith("waiting for erp (no DRPC) to finish first");
    }

    [TestMethod]
    public void An_app_nothing_holds_back_whose_drpc_was_not_changed_is_not_moved_and_points_at_its_policy()
    {
        var summary = Summarise([Erp0, Crm0], [Drpc("erp", 1), Drpc("crm", 2, action: null, preferred: "east", phase: "Deployed", target: "east")]);

        var crm = Only(summary, "crm-0");
        crm.Verdict.Should().Be(MoveVerdict.NotMoved);
        crm.SpecState.Should().Be(ComplianceState.NonCompliant, "the DRPC does not send it to west");
        crm.Reason.Should().Be("policy dr-crm on local-cluster has not changed DRPC openshift-gitops/dr-crm to west (it is at east, preferredCluster east, action none); next: read the dr-crm-drpc template's status on local-cluster (acmdr report -o json, or oc get policy -n local-cluster)");
    }

    [TestMethod]
    [DataRow(null, "the switch has no mode")]
    [DataRow("sideways", "the switch has mode 'sideways' (planned or unplanned wanted)")]
    public void A_switch_without_a_valid_mode_is_named_as_why_nothing_changed(string? mode, string expected)
    {
        var vm = Only(Summarise([Erp0], [Drpc("erp", 1, action: null, preferred: "east", phase: "Deployed", target: "east")], mode: mode), "erp-0");

        vm.Verdict.Should().Be(MoveVerdict.NotMoved);
        vm.Reason.Should().StartWith(expected).And.EndWith("next: flip again (acmdr flip --to SITE, with --unplanned for a Failover)");
    }

    [TestMethod]
    public void An_app_without_a_drpc_is_unknown_and_never_counted_moved()
    {
        var summary = Summarise([Erp0], []);

        Only(summary, "erp-0").Verdict.Should().Be(MoveVerdict.Unknown);
        Only(summary, "erp-0").Reason.Should().StartWith("no DRPlacementControl openshift-gitops/dr-erp on the hub; next:");
        summary.DualApps.Single().Found.Should().BeFalse();
    }

    [TestMethod]
    public void Without_the_clusters_the_drpc_s_target_cluster_annotation_stands_in_and_without_it_the_vm_is_unknown()
    {
        var unknownClusters = Erp0 with { Dual = new DualWorkload("dr-erp", null, null, []) };

        Only(Summarise([unknownClusters], [Drpc("erp", 1)]), "erp-0").Verdict.Should().Be(MoveVerdict.Moved);
        Only(Summarise([unknownClusters], [Drpc("erp", 1, target: null)]), "erp-0").Reason.Should().EndWith("next: give -i FILE");
    }

    [TestMethod]
    public void The_data_loss_window_of_a_failover_is_the_last_sync_before_its_start_and_otherwise_the_sync_s_age()
    {
        var failover = Summarise([Erp0], [Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailedOver", startedMinute: 5, syncedMinute: 1)], mode: "unplanned").DualApps.Single();
        var relocate = Summarise([Erp0], [Drpc("erp", 1, syncedMinute: 20)], nowMinute: 30).DualApps.Single();

        (failover.DataLossWindow, failover.DataLossAtAction, failover.Verdict).Should().Be((TimeSpan.FromMinutes(4), true, MoveVerdict.Moved));
        (relocate.DataLossWindow, relocate.DataLossAtAction).Should().Be((TimeSpan.FromMinutes(10), false));
        relocate.Should().Match<DualAppReading>(r => r.Phase == "Relocated" && r.Progression == "Completed" && r.ActionDuration == TimeSpan.FromMinutes(5)
            && r.TargetCluster == "west" && r.RunsAt == "west" && r.Drpc == "openshift-gitops/dr-erp");
    }

    [TestMethod]
    public void Dual_and_stretched_vms_are_counted_together_per_tier_and_overall()
    {
        var summary = ComplianceSummariser.Summarise(new ComplianceObservation([Erp0, Db0], "DR", Observations.Flip, [], [], At(30),
            Dual: new DualObservation([Drpc("erp", 1)], Ns, "Primary", "local-cluster", "planned", true)));

        summary.Total.Should().Be(2);
        summary.Moved.Should().Be(1, "the stretched VM has no policy status");
        summary.Tiers.Single().Should().Match<TierCompliance>(t => t.Total == 2 && t.Moved == 1 && t.Verdict == MoveVerdict.Unknown);
        summary.DualApps.Select(a => a.App).Should().Equal("erp");
    }

    [TestMethod]
    [DataRow("5m0s", 300.0)]
    [DataRow("1h2m3.5s", 3723.5)]
    [DataRow("850ms", 0.85)]
    [DataRow("5 minutes", null)]
    [DataRow("", null)]
    public void Ramen_s_action_duration_is_read_as_a_go_duration(string text, double? seconds)
    {
        GoDurationText.Parse(text).Should().Be(seconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }
}
