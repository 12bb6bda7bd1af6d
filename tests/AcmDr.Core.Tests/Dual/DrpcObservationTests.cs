using AcmDr.Core.Dual;
using AcmDr.Core.Tests.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Dual.Drpcs;

namespace AcmDr.Core.Tests.Dual;

/// <summary>What a DRPC tells by itself: where it runs the app, whether it finished there, and the other cluster.</summary>
[TestClass]
public sealed class DrpcObservationTests
{
    [TestMethod]
    [DataRow("Deployed", "west")]
    [DataRow("Relocated", "west")]
    [DataRow("FailedOver", "east")]
    [DataRow("Relocating", null)]
    [DataRow("FailingOver", null)]
    [DataRow("", null)]
    public void The_phase_tells_which_spec_cluster_runs_the_app(string phase, string? runsAt) =>
        Drpc("erp", 1, preferred: "west", failover: "east", phase: phase).RunsAt.Should().Be(runsAt);

    [TestMethod]
    public void The_finished_phases_are_the_deployment_the_relocation_and_the_failover() =>
        DrpcStates.FinishedPhases.Should().Equal("Deployed", "Relocated", "FailedOver");

    [TestMethod]
    [DataRow("Completed", true)]
    [DataRow("Cleaning Up", true)]
    [DataRow("WaitOnUserToCleanUp", true)]
    [DataRow("RunningFinalSync", false)]
    [DataRow("", false)]
    public void Only_a_finished_progression_finishes_a_drpc_at_its_cluster(string progression, bool finished) =>
        Drpc("erp", 1, progression: progression).IsFinishedAt("west").Should().Be(finished);

    [TestMethod]
    public void A_drpc_is_not_finished_at_a_cluster_it_does_not_run_the_app_at() =>
        Drpc("erp", 1).IsFinishedAt("east").Should().BeFalse();

    [TestMethod]
    [DataRow("False")]
    [DataRow("Unknown")]
    public void A_drpc_whose_available_condition_is_not_true_has_not_finished(string available) =>
        Drpc("erp", 1, available: available).IsFinishedAt("west").Should().BeFalse();

    [TestMethod]
    public void A_drpc_without_an_available_condition_has_not_finished() =>
        (Drpc("erp", 1) with { Available = null }).IsFinishedAt("west").Should().BeFalse();

    [TestMethod]
    public void A_drpc_without_a_progression_has_not_finished() =>
        (Drpc("erp", 1) with { Progression = null }).IsFinishedAt("west").Should().BeFalse();

    [TestMethod]
    public void An_available_condition_written_for_an_older_generation_does_not_finish_the_drpc()
    {
        var stale = Drpc("erp", 1, generation: 3, seen: 2);

        stale.SpecObserved.Should().BeFalse();
        stale.IsFinishedAt("west").Should().BeFalse();
    }

    [TestMethod]
    [DataRow(0L, 3L)]
    [DataRow(3L, 0L)]
    [DataRow(null, 3L)]
    [DataRow(3L, null)]
    public void A_missing_or_zero_generation_on_either_side_counts_as_the_spec_seen(long? generation, long? seen)
    {
        var drpc = Drpc("erp", 1, generation: generation) with { Available = new DrpcCondition("True", At(7), null, null, seen) };

        drpc.SpecObserved.Should().BeTrue();
        drpc.IsFinishedAt("west").Should().BeTrue();
    }

    [TestMethod]
    public void During_a_failover_the_other_cluster_is_the_preferred_one_it_leaves() =>
        Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailingOver").OtherThan("west").Should().Be("east");

    [TestMethod]
    public void During_a_relocation_the_other_cluster_is_the_last_failover_cluster() =>
        Drpc("erp", 1, action: "Relocate", preferred: "west", failover: "east", phase: "Relocating").OtherThan("west").Should().Be("east");

    [TestMethod]
    public void Where_it_runs_is_the_other_cluster_when_that_is_not_the_one_asked_about() =>
        Drpc("erp", 1, action: "Relocate", preferred: "west", failover: "east", phase: "Relocated").OtherThan("east").Should().Be("west");

    [TestMethod]
    [DataRow("")]
    [DataRow(null)]
    [DataRow("west")]
    public void Without_another_named_cluster_the_drpc_tells_no_other_cluster(string? failover) =>
        Drpc("erp", 1, action: "Relocate", preferred: "west", failover: failover, phase: "Relocating").OtherThan("west").Should().BeNull();

    [TestMethod]
    public void A_failover_targets_its_failover_cluster_and_a_relocation_its_preferred_one()
    {
        Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", target: null).Targets("west").Should().BeTrue();
        Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", target: null).Targets("east").Should().BeFalse();
        Drpc("erp", 1, action: "Relocate", preferred: "east", failover: "west", target: null).Targets("east").Should().BeTrue();
        Drpc("erp", 1, action: "Relocate", preferred: "east", failover: "west", target: "west").Targets("west").Should().BeTrue("acmdr's annotation sends it there");
    }

    [TestMethod]
    public void A_dual_workload_names_its_clusters_per_site_and_each_ones_peer()
    {
        var plan = new DualWorkload("dr-erp", "east", "west", []);

        plan.ClusterAt("Primary", "Primary").Should().Be("east");
        plan.ClusterAt("DR", "Primary").Should().Be("west");
        plan.Other("east").Should().Be("west");
        plan.Other("west").Should().Be("east");
        plan.Other("north").Should().BeNull();
    }

    [TestMethod]
    public void A_dual_workload_missing_either_cluster_names_no_cluster_at_either_site()
    {
        new DualWorkload("dr-erp", null, "west", []).ClusterAt("DR", "Primary").Should().BeNull();
        new DualWorkload("dr-erp", "east", null, []).ClusterAt("Primary", "Primary").Should().BeNull();
        new DualWorkload("dr-erp", null, null, []).Other("east").Should().BeNull();
    }
}
