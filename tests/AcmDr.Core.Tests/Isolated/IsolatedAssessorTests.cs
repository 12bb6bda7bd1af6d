using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>Verdicts, reasons and times of an isolated rehearsal, per copy and per tier.</summary>
[TestClass]
public sealed class IsolatedAssessorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly ScopedVm Api = new(new VmRef("payments", "api-1"), "payments", 1);

    [TestMethod]
    public void A_verified_copy_has_each_steps_time_and_its_total_from_the_snapshot_start()
    {
        var result = Assess(Verified(IsolatedSamples.Db, 15, 10, 14 * 60)).Vms.Single();

        result.Should().Be(new IsolatedVmResult(IsolatedSamples.Db, CopyVerdict.Recovered, "verified in 14m, within RTO 15m",
            TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(14 * 60 - 70), TimeSpan.FromSeconds(14 * 60),
            Consistency.GuestAgentFreeze, 15, "d-1"));
    }

    [TestMethod]
    public void A_copy_verified_exactly_at_its_rto_is_recovered_and_one_second_later_is_late()
    {
        Assess(Verified(IsolatedSamples.Db, 15, 0, 15 * 60)).Vms[0].Verdict.Should().Be(CopyVerdict.Recovered);

        var late = Assess(Verified(IsolatedSamples.Db, 15, 0, 15 * 60 + 1)).Vms[0];
        late.Verdict.Should().Be(CopyVerdict.Late);
        late.Reason.Should().Be("verified in 15m1s, over RTO 15m");
    }

    [TestMethod]
    public void The_rto_counts_from_the_copys_snapshot_start_not_the_runs_start() =>
        Assess(Verified(IsolatedSamples.Db, 1, 600, 60)).Vms[0].Verdict.Should().Be(CopyVerdict.Recovered);

    [TestMethod]
    public void A_copy_verified_without_a_known_start_is_recovered_without_a_time()
    {
        var result = Assess(new VmTimeline(IsolatedSamples.Db, 15) { Verified = Start }).Vms[0];

        result.Verdict.Should().Be(CopyVerdict.Recovered);
        result.Reason.Should().Be("verified, within RTO 15m");
        result.Took.Should().BeNull();
    }

    [TestMethod]
    public void A_verified_copy_without_an_rto_is_recovered_whatever_it_took()
    {
        var result = Assess(Verified(IsolatedSamples.Db, null, 0, 99 * 3600)).Vms[0];

        result.Verdict.Should().Be(CopyVerdict.Recovered);
        result.Reason.Should().Be("verified in 99h (no RTO)");
        result.RtoMinutes.Should().BeNull();
    }

    [TestMethod]
    public void A_failed_copy_names_its_step_and_failure()
    {
        var vms = Assess(
            Failed(IsolatedSamples.Db, CopyStep.Snapshot, "snapshot deadline exceeded"),
            Failed(IsolatedSamples.Web, CopyStep.Copy, "clone failed"),
            Failed(Api, CopyStep.Boot, "not verified within 30m: Running on d-1, guest agent not connected")).Vms;

        vms.Select(v => (v.Verdict, v.Reason)).Should().Equal(
            (CopyVerdict.Failed, "snapshot: snapshot deadline exceeded"),
            (CopyVerdict.Failed, "boot: not verified within 30m: Running on d-1, guest agent not connected"),
            (CopyVerdict.Failed, "copy: clone failed"));
    }

    [TestMethod]
    public void A_failure_without_its_step_takes_the_step_reached_and_a_step_without_words_says_failed()
    {
        var atCopy = new VmTimeline(IsolatedSamples.Db, 15) { SnapshotStarted = Start, SnapshotReady = Start.AddSeconds(5), Failure = "quota exceeded" };
        var atBoot = new VmTimeline(IsolatedSamples.Db, 15) { SnapshotStarted = Start, SnapshotReady = Start, BootStarted = Start, Failure = "x" };
        var atSnapshot = new VmTimeline(IsolatedSamples.Db, 15) { SnapshotStarted = Start, Failure = "y" };
        var wordless = new VmTimeline(IsolatedSamples.Db, 15) { SnapshotStarted = Start, FailedAt = CopyStep.Copy };

        Assess(atCopy, atBoot, atSnapshot, wordless).Vms.Select(v => v.Reason).Should().Equal("copy: quota exceeded", "boot: x", "snapshot: y", "copy: failed");
    }

    [TestMethod]
    public void A_copy_that_failed_after_it_was_seen_verified_is_failed()
    {
        var timeline = Verified(IsolatedSamples.Db, 15, 0, 60) with { FailedAt = CopyStep.Boot, Failure = "stopped" };

        var report = Assess(timeline);

        report.Vms[0].Verdict.Should().Be(CopyVerdict.Failed);
        report.Tiers[0].Recovered.Should().Be(0);
        report.Tiers[0].Took.Should().BeNull();
    }

    [TestMethod]
    public void A_copy_never_started_is_not_started_with_no_times()
    {
        var result = Assess(new VmTimeline(IsolatedSamples.Db, 15)).Vms[0];

        result.Should().Be(new IsolatedVmResult(IsolatedSamples.Db, CopyVerdict.NotStarted, "not started: the run was interrupted",
            null, null, null, null, Consistency.Unknown, 15, null));
    }

    [TestMethod]
    public void A_copy_started_and_cut_short_by_an_interruption_fails_at_the_step_it_reached()
    {
        var snapshot = new VmTimeline(IsolatedSamples.Db, 15) { SnapshotStarted = Start };
        var copy = snapshot with { SnapshotReady = Start.AddSeconds(10) };
        var boot = copy with { CopyReady = Start.AddSeconds(50), BootStarted = Start.AddSeconds(51) };

        Assess(interrupted: true, snapshot, copy, boot).Vms.Select(v => v.Reason).Should().Equal(
            "snapshot: the run was interrupted", "copy: the run was interrupted", "boot: the run was interrupted");
        Assess(interrupted: false, boot).Vms[0].Should().Be(new IsolatedVmResult(IsolatedSamples.Db, CopyVerdict.Failed, "boot: not verified",
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40), null, null, Consistency.Unknown, 15, null));
    }

    [TestMethod]
    public void A_tier_took_from_the_runs_start_to_its_last_verified_copy_against_its_tightest_rto()
    {
        var report = Assess(Verified(IsolatedSamples.Db, 20, 0, 300), Verified(Api, 10, 60, 480));

        report.Tiers.Should().Equal(new IsolatedTierResult(1, 2, 2, TimeSpan.FromSeconds(540), 10, true));
    }

    [TestMethod]
    public void A_tier_just_over_its_rto_has_not_met_it_and_exactly_at_it_has()
    {
        Assess(Verified(IsolatedSamples.Db, 10, 0, 600)).Tiers[0].RtoMet.Should().BeTrue();
        Assess(Verified(IsolatedSamples.Db, 10, 1, 600)).Tiers[0].Should().Be(new IsolatedTierResult(1, 1, 1, TimeSpan.FromSeconds(601), 10, false));
    }

    [TestMethod]
    public void A_tier_with_a_copy_not_verified_has_no_time_and_no_rto_verdict()
    {
        var report = Assess(Verified(IsolatedSamples.Db, 10, 0, 60), Failed(Api, CopyStep.Copy, "x"));

        report.Tiers.Should().Equal(new IsolatedTierResult(1, 1, 2, null, 10, null));
    }

    [TestMethod]
    public void A_tier_without_rtos_has_a_time_but_no_rto_verdict() =>
        Assess(Verified(IsolatedSamples.Db, null, 0, 60)).Tiers.Should().Equal(new IsolatedTierResult(1, 1, 1, TimeSpan.FromSeconds(60), null, null));

    [TestMethod]
    public void A_late_copy_counts_as_verified_in_its_tier_but_not_as_all_recovered()
    {
        var report = Assess(Verified(IsolatedSamples.Db, 1, 0, 120));

        report.Tiers[0].Recovered.Should().Be(1);
        report.AllRecovered.Should().BeFalse();
    }

    [TestMethod]
    public void Results_and_tiers_come_lowest_tier_first_keeping_the_runs_order_within_a_tier()
    {
        var report = Assess(Verified(IsolatedSamples.Web, 30, 0, 60), Verified(IsolatedSamples.Db, 15, 0, 60), Verified(Api, 15, 0, 60));

        report.Vms.Select(v => v.Vm.Vm.Name).Should().Equal("db-1", "api-1", "web-1");
        report.Tiers.Select(t => (t.Tier, t.Total)).Should().Equal((1, 2), (2, 1));
        report.AllRecovered.Should().BeTrue();
    }

    [TestMethod]
    public void The_report_carries_the_rehearsal_its_window_leftovers_and_flags()
    {
        var end = Start.AddMinutes(9);
        var report = IsolatedAssessor.Assess(IsolatedSamples.Options, Start, end, [new VmTimeline(IsolatedSamples.Db, 15)], ["PersistentVolume pv-1 is Released"], kept: true, interrupted: true);

        report.Should().BeEquivalentTo(new
        {
            Id = "1203-1207-k3f",
            Cluster = "east",
            DrSite = "DR",
            StartedAt = Start,
            EndedAt = end,
            Leftovers = new[] { "PersistentVolume pv-1 is Released" },
            Kept = true,
            Interrupted = true,
        });
        report.Tiers.Should().Equal(new IsolatedTierResult(1, 0, 1, null, 15, null));
    }

    [TestMethod]
    public void All_recovered_needs_at_least_one_copy_and_every_copy_recovered()
    {
        IsolatedAssessor.Assess(IsolatedSamples.Options, Start, Start, [], [], false, false).AllRecovered.Should().BeFalse();
        Assess(Verified(IsolatedSamples.Db, 15, 0, 60), Failed(Api, CopyStep.Boot, "x")).AllRecovered.Should().BeFalse();
        Assess(Verified(IsolatedSamples.Db, 15, 0, 60), Verified(Api, null, 0, 60)).AllRecovered.Should().BeTrue();
    }

    [TestMethod]
    public void Steps_and_their_names()
    {
        IsolatedAssessor.StepName(CopyStep.Snapshot).Should().Be("snapshot");
        IsolatedAssessor.StepName(CopyStep.Copy).Should().Be("copy");
        IsolatedAssessor.StepName(CopyStep.Boot).Should().Be("boot");
        IsolatedAssessor.StepReached(new VmTimeline(IsolatedSamples.Db, null)).Should().Be(CopyStep.Snapshot);
    }

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => IsolatedAssessor.Assess(null!, Start, Start, [], [], false, false)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => IsolatedAssessor.Assess(IsolatedSamples.Options, Start, Start, null!, [], false, false)).Should().Throw<ArgumentNullException>().WithParameterName("vms");
        FluentActions.Invoking(() => IsolatedAssessor.Assess(IsolatedSamples.Options, Start, Start, [], null!, false, false)).Should().Throw<ArgumentNullException>().WithParameterName("leftovers");
        FluentActions.Invoking(() => IsolatedAssessor.Result(null!, false)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => IsolatedAssessor.StepReached(null!)).Should().Throw<ArgumentNullException>();
    }

    private static IsolatedReport Assess(params VmTimeline[] vms) => Assess(false, vms);

    private static IsolatedReport Assess(bool interrupted, params VmTimeline[] vms) =>
        IsolatedAssessor.Assess(IsolatedSamples.Options, Start, Start.AddHours(1), vms, [], kept: false, interrupted);

    /// <summary>Snapshot from <paramref name="startSeconds"/> after the run's start, 15 s to snapshot, 45 s to copy, 10 s before boot; verified <paramref name="tookSeconds"/> after its start.</summary>
    private static VmTimeline Verified(ScopedVm vm, int? rto, int startSeconds, int tookSeconds)
    {
        var started = Start.AddSeconds(startSeconds);
        return new VmTimeline(vm, rto)
        {
            SnapshotStarted = started,
            SnapshotReady = started.AddSeconds(15),
            CopyReady = started.AddSeconds(60),
            BootStarted = started.AddSeconds(70),
            Verified = started.AddSeconds(tookSeconds),
            Consistency = Consistency.GuestAgentFreeze,
            Node = "d-1",
        };
    }

    private static VmTimeline Failed(ScopedVm vm, CopyStep step, string failure) =>
        new(vm, 15) { SnapshotStarted = Start, FailedAt = step, Failure = failure };
}
