using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using AcmDr.Core.Tests.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Dual.Drpcs;

namespace AcmDr.Core.Tests.Dual;

/// <summary>Verdicts, reasons and data-loss windows of dual apps at the edges: other names, no inventory, dependencies, timing.</summary>
[TestClass]
public sealed class DualAssessorEdgeTests
{
    private static readonly Workload Bare = Erp0 with { Dual = new DualWorkload("dr-erp", null, null, []) };

    private static VmCompliance Only(ComplianceSummary summary, string vm) => summary.Vms.Single(v => v.Vm == vm);

    [TestMethod]
    public void A_drpc_under_another_name_is_found_by_its_app_label() =>
        Only(Summarise([Erp0], [Drpc("erp", 1) with { Name = "erp-placement" }]), "erp-0").Verdict.Should().Be(MoveVerdict.Moved);

    [TestMethod]
    public void A_drpc_of_another_namespace_is_not_the_apps() =>
        Only(Summarise([Erp0], [Drpc("erp", 1) with { Namespace = "elsewhere" }]), "erp-0").Verdict.Should().Be(MoveVerdict.Unknown);

    [TestMethod]
    public void Dual_apps_are_listed_by_tier_then_name()
    {
        var abc = new Workload("abc", 1, "abc", "abc-0", "local-cluster", 20, new DualWorkload("dr-abc", "east", "west", []));

        Summarise([Crm0, Erp0, abc], []).DualApps.Select(a => a.App).Should().Equal("abc", "erp", "crm");
    }

    [TestMethod]
    public void A_drpc_that_finished_at_the_target_counts_as_sending_it_there_even_if_its_spec_names_the_other_cluster()
    {
        // Relocate in the spec with preferredCluster east, but the phase still FailedOver at west.
        var drpc = Drpc("erp", 1, action: "Relocate", preferred: "east", failover: "west", phase: "FailedOver", target: "east");

        Only(Summarise([Erp0], [drpc]), "erp-0").Should().Match<VmCompliance>(v => v.Verdict == MoveVerdict.Moved && v.SpecState == ComplianceState.Compliant);
    }

    [TestMethod]
    public void A_drpc_moving_to_the_target_has_its_spec_compliant_and_the_vm_not_moved() =>
        Only(Summarise([Erp0], [Drpc("erp", 1, phase: "Relocating", progression: "RunningFinalSync", available: "False")]), "erp-0")
            .Should().Match<VmCompliance>(v => v.Verdict == MoveVerdict.NotMoved && v.SpecState == ComplianceState.Compliant);

    [TestMethod]
    public void An_action_started_exactly_at_the_flip_is_this_moves_start() =>
        Only(Summarise([Erp0], [Drpc("erp", 1, startedMinute: 0)]), "erp-0").StartedAt.Should().Be(Observations.Flip);

    [TestMethod]
    public void A_cleanup_names_the_inventorys_old_cluster_before_the_drpcs()
    {
        var drpc = Drpc("erp", 1, action: "Failover", preferred: "north", failover: "west", phase: "FailedOver", progression: "Cleaning Up");

        Only(Summarise([Erp0], [drpc], mode: "unplanned"), "erp-0").Reason.Should().Be(
            "DRPC openshift-gitops/dr-erp finished at west: moved (Ramen is still cleaning up the old cluster east; phase FailedOver, progression Cleaning Up)");
    }

    [TestMethod]
    public void Without_the_inventory_a_cleanup_names_the_old_cluster_the_drpc_tells()
    {
        var drpc = Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailedOver", progression: "Cleaning Up");

        Only(Summarise([Bare], [drpc], mode: "unplanned"), "erp-0").Should().Match<VmCompliance>(v =>
            v.Verdict == MoveVerdict.Moved && v.Cluster == "west"
            && v.Reason == "DRPC openshift-gitops/dr-erp finished at west: moved (Ramen is still cleaning up the old cluster east; phase FailedOver, progression Cleaning Up)");
    }

    [TestMethod]
    public void Fencing_names_the_inventorys_old_cluster_before_the_drpcs()
    {
        var drpc = Drpc("erp", 1, action: "Failover", preferred: "north", failover: "west", phase: "FailingOver", progression: "WaitForFencing", available: "False");

        Only(Summarise([Erp0], [drpc], mode: "unplanned"), "erp-0").Reason.Should().Contain(": Ramen waits for east to be fenced; next: fence east ");
    }

    [TestMethod]
    public void Without_the_inventory_fencing_names_the_old_cluster_the_drpc_tells()
    {
        var drpc = Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailingOver", progression: "WaitForFencing", available: "False");

        Only(Summarise([Bare], [drpc], mode: "unplanned"), "erp-0").Reason.Should().StartWith(
            "DRPC openshift-gitops/dr-erp Failover to west not finished (phase FailingOver, progression WaitForFencing): Ramen waits for east to be fenced; next: fence east ");
    }

    [TestMethod]
    public void The_next_tier_waits_for_an_app_of_the_previous_tier_that_has_no_drpc()
    {
        var vm = Only(Summarise([Erp0, Crm0], [Drpc("crm", 2, preferred: "east", phase: "Deployed", target: "east")]), "crm-0");

        vm.Should().Match<VmCompliance>(v => v.Verdict == MoveVerdict.Waiting && v.SpecState == ComplianceState.Pending);
        vm.Reason.Should().Be("waiting for erp (no DRPC) to finish first (its policy's dependency); next: nothing within the tier's RTO; past it, see why those apps have not finished");
    }

    [TestMethod]
    public void The_next_tier_waits_for_a_previous_tier_drpc_whose_app_has_no_vms_in_the_report()
    {
        var hr = Drpc("hr", 1, phase: "Relocating", progression: "RunningFinalSync", available: "False");

        var vm = Only(Summarise([Crm0], [hr, Drpc("crm", 2, preferred: "east", phase: "Deployed", target: "east")]), "crm-0");

        vm.Verdict.Should().Be(MoveVerdict.Waiting);
        vm.Reason.Should().StartWith("waiting for hr (phase Relocating, progression RunningFinalSync) to finish first");
    }

    [TestMethod]
    public void A_previous_tier_app_finished_at_its_inventory_cluster_holds_nothing_back_whatever_its_stale_annotation_says()
    {
        var summary = Summarise([Erp0, Crm0], [Drpc("erp", 1, target: "east"), Drpc("crm", 2, preferred: "east", phase: "Deployed", target: "east")]);

        Only(summary, "erp-0").Verdict.Should().Be(MoveVerdict.Moved);
        Only(summary, "crm-0").Should().Match<VmCompliance>(v => v.Verdict == MoveVerdict.NotMoved && v.Reason.StartsWith("policy dr-crm on local-cluster has not changed DRPC", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Without_a_last_group_sync_there_is_no_data_loss_window() =>
        Summarise([Erp0], [Drpc("erp", 1, action: "Failover", failover: "west", phase: "FailedOver", syncedMinute: null)], mode: "unplanned")
            .DualApps.Single().Should().Match<DualAppReading>(a => a.DataLossWindow == null && !a.DataLossAtAction);

    [TestMethod]
    public void A_failover_loses_the_data_written_between_the_last_sync_and_its_start() =>
        Summarise([Erp0], [Drpc("erp", 1, action: "Failover", failover: "west", phase: "FailedOver", startedMinute: 4, syncedMinute: 1)], mode: "unplanned")
            .DualApps.Single().Should().Match<DualAppReading>(a => a.DataLossWindow == TimeSpan.FromMinutes(3) && a.DataLossAtAction);

    [TestMethod]
    public void A_relocation_counts_the_window_up_to_now() =>
        Summarise([Erp0], [Drpc("erp", 1, syncedMinute: 25)], nowMinute: 30)
            .DualApps.Single().Should().Match<DualAppReading>(a => a.DataLossWindow == TimeSpan.FromMinutes(5) && !a.DataLossAtAction);

    [TestMethod]
    public void A_sync_after_the_failover_started_leaves_no_data_loss_window() =>
        Summarise([Erp0], [Drpc("erp", 1, action: "Failover", failover: "west", phase: "FailedOver", startedMinute: 2, syncedMinute: 5)], mode: "unplanned")
            .DualApps.Single().Should().Match<DualAppReading>(a => a.DataLossWindow == TimeSpan.Zero && a.DataLossAtAction);

    [TestMethod]
    public void The_assessor_refuses_missing_observations_and_vms()
    {
        var dual = new DualObservation([], Ns, "Primary", "local-cluster", "planned", true);
        var observation = new ComplianceObservation([], "DR", Observations.Flip, [], [], At(30), Dual: dual);

        FluentActions.Invoking(() => new DualAssessor(null!, dual)).Should().Throw<ArgumentNullException>().WithParameterName("observation");
        FluentActions.Invoking(() => new DualAssessor(observation, null!)).Should().Throw<ArgumentNullException>().WithParameterName("dual");
        FluentActions.Invoking(() => new DualAssessor(observation, dual).Assess(null!)).Should().Throw<ArgumentNullException>().WithParameterName("vm");
    }
}
