using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Reporting.Hub;

namespace AcmDr.Core.Tests.Reporting;

[TestClass]
public sealed class ReportAssemblerTests
{
    private static readonly HubPolicy DbRoot = Root("db", 1, "finance/db-0, finance/db-1", rto: 15);
    private static readonly HubPolicy WebRoot = Root("web", 2, "web/web-0", rto: 30);

    private static HubPolicy DbRunning(int at) => Replica(DbRoot, SiteUpdated(Db0, 1), RunningSince(at, "db-0, db-1", "finance"));

    private static HubPolicy WebRunning(int at) => Replica(WebRoot, SiteUpdated(Web0, 1), RunningSince(at, "web-0", "web"));

    [TestMethod]
    public void Each_vm_moved_once_its_running_template_says_it_runs_since_the_flip()
    {
        var report = Assemble(Scope(), [DbRoot, WebRoot, DbRunning(9), Replica(WebRoot, SiteUpdated(Web0, 1), NotRunningSince(20, "web-0", "web"))]);

        report.Summary.Vms.Select(v => (v.Vm, v.Verdict, v.Since)).Should().Equal(
            ("db-0", MoveVerdict.Moved, At(9)), ("db-1", MoveVerdict.Moved, At(9)), ("web-0", MoveVerdict.NotMoved, (DateTimeOffset?)null));
        report.Summary.Verdict.Should().NotBe(MoveVerdict.Moved);
        report.Warnings.Should().Equal(ReportAssembler.Unbounded);
    }

    [TestMethod]
    public void A_tier_that_moved_within_its_rto_met_it_and_one_that_took_longer_missed_it()
    {
        var report = Assemble(Scope(inventory: Compliance.Observations.Inventory), [DbRoot, WebRoot, DbRunning(9), WebRunning(40)]);

        report.Summary.Tiers.Select(t => (t.Tier, t.Duration, t.RtoMinutes, t.Rto)).Should().Equal(
            (1, TimeSpan.FromMinutes(9), 15, RtoStatus.Met),
            (2, TimeSpan.FromMinutes(40), 30, RtoStatus.Missed));
        report.Summary.Verdict.Should().Be(MoveVerdict.Moved);
        report.Summary.Moved.Should().Be(3);
    }

    [TestMethod]
    public void The_rto_and_cluster_of_a_vm_come_from_its_policy_labels_and_annotations()
    {
        var report = Assemble(Scope(), [Root("db", 1, "finance/db-0", cluster: "stretch-2"), Root("web", 2, "web/web-0", rto: 30)]);

        report.Summary.Vms.Select(v => (v.App, v.Tier, v.Namespace, v.Vm, v.Cluster)).Should().Equal(
            ("db", 1, "finance", "db-0", "stretch-2"), ("web", 2, "web", "web-0", "stretch-1"));
        report.Summary.Tiers.Select(t => t.RtoMinutes).Should().Equal(null, 30);
    }

    [TestMethod]
    public void The_flip_time_and_target_of_the_report_are_the_resolved_ones()
    {
        var report = Assemble(Scope(to: null), [DbRoot], Switch(("site", "DR"), ("app-db", "Primary")), Flips((5, "DR")));

        report.Summary.FlipAt.Should().Be(At(5));
        report.Summary.Vms.Should().OnlyContain(v => v.TargetSite == "Primary", "the app override names the VMs' site");
    }

    [TestMethod]
    public void Given_to_every_vm_is_measured_against_it_and_the_switch_overrides_are_ignored()
    {
        var report = Assemble(Scope(to: "DR"), [DbRoot], Switch(("site", "Primary"), ("app-db", "Primary")));

        report.Summary.Vms.Should().OnlyContain(v => v.TargetSite == "DR");
    }

    [TestMethod]
    public void A_switch_override_naming_an_unknown_site_is_warned_about_and_the_global_site_used()
    {
        var report = Assemble(Scope(to: null), [DbRoot], Switch(("site", "DR"), ("tier-1", "Mars")));

        report.Summary.Vms.Should().OnlyContain(v => v.TargetSite == "DR");
        report.Warnings.Should().HaveCount(2).And.Contain(ReportAssembler.Unbounded);
        report.Warnings[0].Should().Contain("tier-1 names unknown site 'Mars'");
    }

    [TestMethod]
    public void The_app_and_tier_filters_keep_only_the_vms_asked_about()
    {
        Assemble(Scope(apps: ["web"]), [DbRoot, WebRoot]).Summary.Vms.Select(v => v.Vm).Should().Equal("web-0");
        Assemble(Scope(tiers: [1]), [DbRoot, WebRoot]).Summary.Vms.Select(v => v.Vm).Should().Equal("db-0", "db-1");
        Assemble(Scope(apps: ["db"], tiers: [2]), [DbRoot, WebRoot]).Summary.Vms.Should().BeEmpty();
    }

    [TestMethod]
    public void A_scope_that_keeps_no_vm_says_so()
    {
        var report = Assemble(Scope(apps: ["mail"]), [DbRoot]);

        report.Summary.Total.Should().Be(0);
        report.Warnings.Should().Equal(ReportAssembler.Unbounded, "no VM in scope");
    }

    [TestMethod]
    public void No_acmdr_policy_at_all_says_where_they_were_looked_for()
    {
        Assemble(Scope(), []).Warnings.Should().Equal(
            ReportAssembler.Unbounded,
            "no acmdr policies found (label app.kubernetes.io/managed-by=acmdr, hub namespace acmdr): nothing in scope");
    }

    [TestMethod]
    public void The_inventory_names_the_vms_and_one_without_a_policy_is_unknown()
    {
        var report = Assemble(Scope(inventory: Compliance.Observations.Inventory), [DbRoot, DbRunning(9)]);

        report.Summary.Vms.Select(v => (v.Vm, v.Verdict)).Should().Equal(
            ("db-0", MoveVerdict.Moved), ("db-1", MoveVerdict.Moved), ("web-0", MoveVerdict.Unknown));
        report.Summary.Verdict.Should().NotBe(MoveVerdict.Moved);
    }

    [TestMethod]
    public void The_inventory_replaces_what_the_policies_carry()
    {
        var report = Assemble(Scope(inventory: [Web0]), [DbRoot, Root("broken", 1, "no-slash")]);

        report.Summary.Vms.Select(v => v.Vm).Should().Equal("web-0");
        report.Warnings.Should().BeEmpty("the policies' annotations are not read with an inventory");
    }

    [TestMethod]
    public void Ground_truth_from_the_managed_cluster_decides_over_the_running_template()
    {
        var truth = new VmGroundTruth("finance", "db-0", "stretch-1", "Running", "node-1", "Primary");

        var report = Assemble(Scope(), [DbRoot, DbRunning(9)], truth: [truth]);

        report.Summary.Vms.Single(v => v.Vm == "db-0").Verdict.Should().Be(MoveVerdict.NotMoved);
        report.Summary.Vms.Single(v => v.Vm == "db-1").Verdict.Should().Be(MoveVerdict.Moved);
    }

    [TestMethod]
    public void A_policy_whose_vms_cannot_be_read_is_warned_about_and_the_others_reported()
    {
        var report = Assemble(Scope(), [DbRoot, Root("web", 2, "web-0")]);

        report.Summary.Vms.Select(v => v.Vm).Should().Equal("db-0", "db-1");
        report.Warnings.Should().Equal("policy dr-web: 'web-0' in acmdr.io/vms is not namespace/name", ReportAssembler.Unbounded);
    }

    [TestMethod]
    public void Only_a_report_where_every_vm_in_scope_moved_exits_zero()
    {
        var db = Compliance.Observations.Inventory.Where(w => w.App == "db").ToList();
        ReportAssembler.ExitCodeOf(Assemble(Scope(inventory: db), [DbRoot, DbRunning(9)]).Summary).Should().Be(ExitCodes.Success);
        ReportAssembler.ExitCodeOf(Assemble(Scope(), [DbRoot, DbRunning(9)]).Summary).Should().Be(ExitCodes.Difference,
            "without an inventory a missing policy cannot be seen, so 'everything moved' is never claimed");
        ReportAssembler.ExitCodeOf(Assemble(Scope(), [DbRoot, WebRoot, DbRunning(9)]).Summary).Should().Be(ExitCodes.Difference);
        ReportAssembler.ExitCodeOf(Assemble(Scope(apps: ["mail"]), [DbRoot, DbRunning(9)]).Summary)
            .Should().Be(ExitCodes.Difference, "an empty scope proves nothing");
    }

    [TestMethod]
    public void The_report_is_read_at_the_time_given()
    {
        var report = Assemble(Scope(), [DbRoot]);

        report.Summary.Now.Should().Be(Now);
        report.Summary.TargetSite.Should().Be("DR");
    }

    [TestMethod]
    public void Parts_read_from_several_files_keep_all_policies_and_the_last_switch_found()
    {
        var first = Switch(("site", "Primary"));
        var last = Switch(("site", "DR"));

        var merged = HubSnapshot.Merge([new([DbRoot], first), new([WebRoot], last), new([], null)]);

        merged.Policies.Should().Equal(DbRoot, WebRoot);
        merged.Switch.Should().BeSameAs(last);
    }
}
