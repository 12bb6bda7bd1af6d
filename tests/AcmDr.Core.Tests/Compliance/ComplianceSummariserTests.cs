using AcmDr.Core.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Compliance;

[TestClass]
public sealed class ComplianceSummariserTests
{
    private static PolicyObservation DbMoved(int db0At, int db1At) => new(
        "acmdr.dr-db", "stretch-1", ComplianceState.Compliant, SiteUpdated(Db0, 1),
        Template(ComplianceState.Compliant,
            Entry(db1At + 2, Running("db-0, db-1", "finance")),
            Entry(db1At, Running("db-0, db-1", "finance")),
            Entry(db0At, "NonCompliant; violation - virtualmachineinstances [db-0] found as specified in namespace finance; " +
                "virtualmachineinstances [db-1] found but not as specified in namespace finance"),
            Entry(-30, Running("db-0, db-1", "finance"))));

    private static PolicyObservation WebMoved(int at) => new(
        "acmdr.dr-web", "stretch-1", ComplianceState.Compliant, SiteUpdated(Web0, at - 1),
        Template(ComplianceState.Compliant, Entry(at, Running("web-0", "web")), Entry(at - 5, NotRunning("web-0", "web"))));

    [TestMethod]
    public void All_moved_within_the_RTO_meets_the_tiers()
    {
        var summary = ComplianceSummariser.Summarise(Observe([DbMoved(4, 9), WebMoved(20)], 30));

        summary.Verdict.Should().Be(MoveVerdict.Moved);
        summary.Moved.Should().Be(3);
        summary.Vms.Should().OnlyContain(v => v.Verdict == MoveVerdict.Moved && v.SpecState == ComplianceState.Compliant);
        summary.Vms.Single(v => v.Vm == "db-1").Since.Should().Be(At(9));
        summary.Tiers.Select(t => (t.Tier, t.Duration, t.RtoMinutes, t.Rto)).Should().Equal(
            (1, TimeSpan.FromMinutes(9), 15, RtoStatus.Met),
            (2, TimeSpan.FromMinutes(20), 30, RtoStatus.Met));
    }

    [TestMethod]
    public void Since_is_the_start_of_the_latest_run_not_an_earlier_one()
    {
        var db = new PolicyObservation("dr-db", "stretch-1", ComplianceState.Compliant, SiteUpdated(Db0, 1),
            Template(ComplianceState.Compliant,
                Entry(12, Running("db-0, db-1", "finance")),
                Entry(8, NotRunning("db-0", "finance") + "; virtualmachineinstances [db-1] found as specified in namespace finance"),
                Entry(3, Running("db-0, db-1", "finance"))));

        var summary = ComplianceSummariser.Summarise(Observe([db, WebMoved(20)], 30));

        summary.Vms.Single(v => v.Vm == "db-0").Since.Should().Be(At(12));
        summary.Vms.Single(v => v.Vm == "db-1").Since.Should().Be(At(3), "db-1 was never named as not running");
    }

    [TestMethod]
    public void All_moved_slower_than_the_RTO_misses_the_tier()
    {
        var summary = ComplianceSummariser.Summarise(Observe([DbMoved(4, 18), WebMoved(40)], 50));

        summary.Tiers.Select(t => t.Rto).Should().Equal(RtoStatus.Missed, RtoStatus.Missed);
        summary.Tiers[0].Duration.Should().Be(TimeSpan.FromMinutes(18));
    }

    [TestMethod]
    public void Some_not_moved_reason_in_the_status_words()
    {
        var db = new PolicyObservation("dr-db", "stretch-1", ComplianceState.NonCompliant, SiteUpdated(Db0, 1),
            Template(ComplianceState.NonCompliant, Entry(5,
                "NonCompliant; violation - virtualmachineinstances [db-0] found as specified in namespace finance; " +
                "virtualmachineinstances [db-1] not found in namespace finance")));

        var summary = ComplianceSummariser.Summarise(Observe([db], 10));

        var db1 = summary.Vms.Single(v => v.Vm == "db-1");
        db1.Verdict.Should().Be(MoveVerdict.NotMoved);
        db1.Reason.Should().Be("not running at DR: virtualmachineinstances [db-1] not found in namespace finance (--managed-kubeconfig tells why and what next)");
        summary.Vms.Single(v => v.Vm == "db-0").Verdict.Should().Be(MoveVerdict.Moved);
        summary.Tiers[0].Should().BeEquivalentTo(new { Moved = 1, Total = 2, Verdict = MoveVerdict.NotMoved, Rto = RtoStatus.Pending, Duration = (TimeSpan?)null });
        summary.Verdict.Should().Be(MoveVerdict.NotMoved);
    }

    [TestMethod]
    public void Not_moved_past_RTO_is_missed_before_it_finishes()
    {
        var db = new PolicyObservation("dr-db", "stretch-1", ComplianceState.NonCompliant, SiteUpdated(Db0, 1),
            Template(ComplianceState.NonCompliant, Entry(5, NotRunning("db-0, db-1", "finance"))));

        var summary = ComplianceSummariser.Summarise(Observe([db], 16));

        summary.Tiers[0].Rto.Should().Be(RtoStatus.Missed);
    }

    [TestMethod]
    public void Pending_tier_2_waits_for_tier_1_and_is_not_failed()
    {
        var web = new PolicyObservation("dr-web", "stretch-1", ComplianceState.Pending,
            Template(ComplianceState.Pending, Entry(1, "Pending; Dependencies were not satisfied: 1 is still pending (Policy acmdr.dr-db)")),
            Template(ComplianceState.Pending, Entry(1, "Pending; Dependencies were not satisfied: 1 is still pending (Policy acmdr.dr-db)")));

        var summary = ComplianceSummariser.Summarise(Observe([DbMoved(4, 9), web], 6));

        var web0 = summary.Vms.Single(v => v.Vm == "web-0");
        web0.Verdict.Should().Be(MoveVerdict.Waiting);
        web0.Reason.Should().StartWith("waiting for tier 1: Dependencies were not satisfied");
        summary.Tiers[1].Verdict.Should().Be(MoveVerdict.Waiting);
        summary.Tiers[1].Rto.Should().Be(RtoStatus.Pending);
    }

    [TestMethod]
    public void Pending_without_templates_is_waiting()
    {
        var web = new PolicyObservation("dr-web", "stretch-1", ComplianceState.Pending, null, null);

        var summary = ComplianceSummariser.Summarise(Observe([DbMoved(4, 9), web], 10));

        summary.Vms.Single(v => v.Vm == "web-0").Verdict.Should().Be(MoveVerdict.Waiting);
        summary.Verdict.Should().Be(MoveVerdict.Waiting);
    }

    [TestMethod]
    public void A_cluster_missing_from_the_status_is_unknown_and_never_moved()
    {
        var elsewhere = DbMoved(4, 9) with { Cluster = "stretch-2" };

        var summary = ComplianceSummariser.Summarise(Observe([elsewhere, WebMoved(20)], 30));

        summary.Vms.Where(v => v.App == "db").Should().OnlyContain(v =>
            v.Verdict == MoveVerdict.Unknown && v.SpecState == ComplianceState.Unknown && v.Since == null);
        summary.Vms.Single(v => v.Vm == "db-0").Reason.Should().Contain("dr-db").And.Contain("stretch-1");
        summary.Tiers[0].Verdict.Should().Be(MoveVerdict.Unknown);
        summary.Verdict.Should().Be(MoveVerdict.Unknown);
    }

    [TestMethod]
    public void Before_the_flip_is_reported_old_compliance_does_not_count()
    {
        var stale = new PolicyObservation("dr-db", "stretch-1", ComplianceState.Compliant, SiteUpdated(Db0, -40),
            Template(ComplianceState.Compliant, Entry(-30, Running("db-0, db-1", "finance"))));

        var summary = ComplianceSummariser.Summarise(Observe([stale], 1));

        summary.Vms.Where(v => v.App == "db").Should().OnlyContain(v => v.Verdict == MoveVerdict.Unknown);
        summary.Vms.Single(v => v.Vm == "db-0").Reason.Should().StartWith("no compliance report since the flip");
    }

    [TestMethod]
    public void Compliant_without_VM_names_degrades_to_template_compliance()
    {
        var db = new PolicyObservation("dr-db", "stretch-1", ComplianceState.Compliant, SiteUpdated(Db0, 1),
            Template(ComplianceState.Compliant, Entry(7, "Compliant; notification - every instance is where it should be")));

        var summary = ComplianceSummariser.Summarise(Observe([db], 10));

        summary.Vms.Where(v => v.App == "db").Should().OnlyContain(v => v.Verdict == MoveVerdict.Moved && v.Since == At(7));
    }

    [TestMethod]
    public void Template_error_is_unknown()
    {
        var db = new PolicyObservation("dr-db", "stretch-1", ComplianceState.NonCompliant, SiteUpdated(Db0, 1),
            Template(ComplianceState.NonCompliant, Entry(2,
                "NonCompliant; violation - Error processing hub templates: could not find ConfigMap acmdr-sites-invalid-site")));

        var summary = ComplianceSummariser.Summarise(Observe([db], 10));

        summary.Vms.Where(v => v.App == "db").Should().OnlyContain(v => v.Verdict == MoveVerdict.Unknown);
    }

    [TestMethod]
    public void Ground_truth_overrides_the_running_template()
    {
        VmGroundTruth[] truth =
        [
            new("finance", "db-0", "stretch-1", "Running", "worker-dr-1", "Primary"),
            new("web", "web-0", "stretch-1", "Running", "worker-dr-2", "DR"),
        ];
        var web = new PolicyObservation("dr-web", "stretch-1", ComplianceState.NonCompliant, SiteUpdated(Web0, 1),
            Template(ComplianceState.NonCompliant, Entry(3, NotRunning("web-0", "web"))));

        var summary = ComplianceSummariser.Summarise(Observe([DbMoved(4, 9), web], 30, truth));

        var db0 = summary.Vms.Single(v => v.Vm == "db-0");
        db0.Verdict.Should().Be(MoveVerdict.NotMoved);
        db0.RunningState.Should().Be(ComplianceState.NonCompliant);
        db0.Reason.Should().Be("instance Running on node worker-dr-1 at site Primary (target DR)");
        summary.Vms.Single(v => v.Vm == "db-1").Verdict.Should().Be(MoveVerdict.Moved);
        summary.Vms.Single(v => v.Vm == "web-0").Verdict.Should().Be(MoveVerdict.Moved);
    }

    [TestMethod]
    public void Site_overrides_give_each_VM_its_own_target_app_before_tier()
    {
        VmGroundTruth[] truth =
        [
            new("finance", "db-0", "stretch-1", "Running", "worker-p-1", "Primary"),
            new("finance", "db-1", "stretch-1", "Running", "worker-p-2", "Primary"),
            new("web", "web-0", "stretch-1", "Running", "worker-dr-2", "DR"),
        ];
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal) { ["tier-1"] = "DR", ["app-db"] = "Primary", ["tier-2"] = "" };
        var observation = Observe([DbMoved(4, 9)], 30, truth) with { SiteOverrides = overrides };

        var summary = ComplianceSummariser.Summarise(observation);

        summary.Vms.Select(v => (v.Vm, v.TargetSite, v.Verdict)).Should().Equal(
            ("db-0", "Primary", MoveVerdict.Moved), ("db-1", "Primary", MoveVerdict.Moved), ("web-0", "DR", MoveVerdict.Moved));
        summary.TargetSite.Should().Be("DR");
    }

    [TestMethod]
    public void App_spanning_clusters_reads_one_policy_per_cluster()
    {
        var db1Elsewhere = Db1 with { Cluster = "stretch-2" };
        var observation = Observe(
            [
                new PolicyObservation("acmdr.dr-db-stretch-1", "stretch-1", ComplianceState.Compliant, SiteUpdated(Db0, 1),
                    Template(ComplianceState.Compliant, Entry(4, Running("db-0", "finance")))),
            ], 10) with { Workloads = [Db0, db1Elsewhere] };

        var summary = ComplianceSummariser.Summarise(observation);

        summary.Vms.Select(v => (v.Cluster, v.Verdict)).Should().Equal(
            ("stretch-1", MoveVerdict.Moved), ("stretch-2", MoveVerdict.Unknown));
    }

    [TestMethod]
    public void Without_a_flip_time_the_RTO_is_not_measured()
    {
        var summary = ComplianceSummariser.Summarise(Observe([DbMoved(4, 9), WebMoved(20)], 30) with { FlipAt = null });

        summary.Tiers.Should().OnlyContain(t => t.Rto == RtoStatus.NotMeasured && t.Duration == null);
    }
}
