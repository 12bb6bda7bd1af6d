using AcmDr.Core.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>How VM verdicts roll up into a tier and the whole plan, and how a tier is held to its RTO.</summary>
[TestClass]
public sealed class TierRulesTests
{
    private static readonly Workload A = new("a", 1, "n", "a-0", "c1", 10);
    private static readonly Workload B = new("b", 1, "n", "b-0", "c1", 10);

    private static PolicyObservation Runs(Workload vm, int at) =>
        new($"acmdr.dr-{vm.App}", "c1", ComplianceState.Compliant, null, Template(ComplianceState.Compliant, Entry(at, Running(vm.Vm, vm.Namespace))));

    private static PolicyObservation NotYet(Workload vm, int at) =>
        new($"acmdr.dr-{vm.App}", "c1", ComplianceState.NonCompliant, null, Template(ComplianceState.NonCompliant, Entry(at, NotRunning(vm.Vm, vm.Namespace))));

    private static PolicyObservation Waits(Workload vm) => new($"acmdr.dr-{vm.App}", "c1", ComplianceState.Pending, null, null);

    private static ComplianceSummary Summary(int now, params PolicyObservation[] policies) =>
        ComplianceSummariser.Summarise(new ComplianceObservation([A, B], "DR", Observations.Flip, policies, [], At(now)));

    [TestMethod]
    public void A_tier_that_moved_exactly_at_its_rto_met_it() =>
        Summary(20, Runs(A, 4), Runs(B, 10)).Tiers.Single().Should().BeEquivalentTo(new
        {
            Moved = 2, Total = 2, Verdict = MoveVerdict.Moved, Duration = (TimeSpan?)TimeSpan.FromMinutes(10), Rto = RtoStatus.Met,
        });

    [TestMethod]
    public void A_tier_that_moved_a_minute_after_its_rto_missed_it() =>
        Summary(20, Runs(A, 4), Runs(B, 11)).Tiers.Single().Rto.Should().Be(RtoStatus.Missed);

    [TestMethod]
    public void A_tier_still_moving_is_pending_up_to_its_rto_and_missed_after()
    {
        Summary(10, Runs(A, 4), NotYet(B, 5)).Tiers.Single().Rto.Should().Be(RtoStatus.Pending);
        Summary(11, Runs(A, 4), NotYet(B, 5)).Tiers.Single().Rto.Should().Be(RtoStatus.Missed);
    }

    [TestMethod]
    public void A_tier_whose_VMs_moved_without_a_time_for_each_is_not_measured()
    {
        var truth = new VmGroundTruth("n", "b-0", "c1", "Running", "d-1", "DR");

        var tier = ComplianceSummariser.Summarise(new ComplianceObservation([A, B], "DR", Observations.Flip, [Runs(A, 4)], [truth], At(20))).Tiers.Single();

        tier.Verdict.Should().Be(MoveVerdict.Moved);
        tier.Duration.Should().BeNull();
        tier.Rto.Should().Be(RtoStatus.NotMeasured);
    }

    [TestMethod]
    public void A_tier_without_an_rto_has_no_target()
    {
        Workload[] vms = [A with { RtoMinutes = null }];

        ComplianceSummariser.Summarise(new ComplianceObservation(vms, "DR", Observations.Flip, [Runs(A, 4)], [], At(20))).Tiers.Single().Rto.Should().Be(RtoStatus.NoTarget);
    }

    [TestMethod]
    public void Any_VM_not_moved_makes_the_tier_not_moved()
    {
        var summary = Summary(5, NotYet(A, 2), Waits(B));

        summary.Tiers.Single().Verdict.Should().Be(MoveVerdict.NotMoved);
        summary.Verdict.Should().Be(MoveVerdict.NotMoved);
        summary.Moved.Should().Be(0);
        summary.Total.Should().Be(2);
    }

    [TestMethod]
    public void A_VM_without_status_makes_the_tier_unknown_rather_than_waiting() =>
        Summary(5, Waits(B)).Tiers.Single().Verdict.Should().Be(MoveVerdict.Unknown);

    [TestMethod]
    public void A_tier_with_moved_and_waiting_VMs_is_waiting()
    {
        var summary = Summary(5, Runs(A, 2), Waits(B));

        summary.Tiers.Single().Verdict.Should().Be(MoveVerdict.Waiting);
        summary.Moved.Should().Be(1);
    }

    [TestMethod]
    public void An_empty_inventory_is_never_reported_as_moved()
    {
        var summary = ComplianceSummariser.Summarise(new ComplianceObservation([], "DR", Observations.Flip, [], [], At(1)));

        summary.Verdict.Should().Be(MoveVerdict.Unknown);
        summary.Tiers.Should().BeEmpty();
        summary.Total.Should().Be(0);
    }

    [TestMethod]
    public void The_first_tier_waits_for_nothing_and_says_just_waiting()
    {
        var summary = Summary(5, new PolicyObservation("acmdr.dr-a", "c1", ComplianceState.Pending, null,
            Template(ComplianceState.Pending, Entry(2, "Pending; Dependencies were not satisfied: 1 is still pending (Policy acmdr.dr-x)"))));

        summary.Vms.Single(v => v.App == "a").Reason.Should().Be("waiting: Dependencies were not satisfied: 1 is still pending (Policy acmdr.dr-x)");
    }
}
