using AcmDr.Core.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Compliance;

/// <summary>How the hub's words become a verdict per VM and per tier: never "moved" without evidence.</summary>
[TestClass]
public sealed class VerdictRulesTests
{
    private static readonly Workload Web = new("web", 1, "shop", "web-0", "c1", 10);

    private static ComplianceObservation One(PolicyObservation? policy, int now = 5, IReadOnlyList<VmGroundTruth>? truth = null, Workload? vm = null) =>
        new([vm ?? Web], "DR", Observations.Flip, policy is null ? [] : [policy], truth ?? [], At(now));

    private static PolicyObservation Policy(TemplateObservation? running, TemplateObservation? site = null, ComplianceState cluster = ComplianceState.Compliant) =>
        new("acmdr.dr-web", "c1", cluster, site, running);

    private static VmCompliance Vm(ComplianceObservation observation) => ComplianceSummariser.Summarise(observation).Vms.Single();

    [TestMethod]
    public void A_VM_named_as_running_in_the_newest_report_has_moved_since_that_report() =>
        Vm(One(Policy(Template(ComplianceState.Compliant, Entry(3, Running("web-0", "shop")))))).Should().BeEquivalentTo(new
        {
            Verdict = MoveVerdict.Moved,
            RunningState = ComplianceState.Compliant,
            SpecState = ComplianceState.Unknown,
            Since = (DateTimeOffset?)At(3),
            Reason = "virtualmachineinstances [web-0] found as specified in namespace shop",
            TargetSite = "DR",
        });

    [TestMethod]
    public void A_report_at_the_very_minute_of_the_flip_counts() =>
        Vm(One(Policy(Template(ComplianceState.Compliant, Entry(0, Running("web-0", "shop")))))).Since.Should().Be(At(0));

    [TestMethod]
    public void A_report_naming_the_VM_object_itself_counts_for_the_running_check() =>
        Vm(One(Policy(Template(ComplianceState.Compliant, Entry(3,
            "Compliant; notification - virtualmachines [web-0] found as specified in namespace shop"))))).Verdict.Should().Be(MoveVerdict.Moved);

    [TestMethod]
    public void The_newest_report_decides_even_when_the_history_comes_oldest_first() =>
        Vm(One(Policy(Template(ComplianceState.Compliant, Entry(1, Running("web-0", "shop")), Entry(4, NotRunning("web-0", "shop"))))))
            .Verdict.Should().Be(MoveVerdict.NotMoved);

    [TestMethod]
    public void History_without_times_is_read_in_the_order_given_newest_first() =>
        Vm(One(Policy(Template(ComplianceState.Compliant,
            new HistoryEntry(null, NotRunning("web-0", "shop")), new HistoryEntry(At(4), Running("web-0", "shop"))))))
            .Verdict.Should().Be(MoveVerdict.NotMoved);

    [TestMethod]
    public void Moved_since_is_the_oldest_timed_report_of_the_latest_run() =>
        Vm(One(Policy(Template(ComplianceState.Compliant,
            new HistoryEntry(null, Running("web-0", "shop")), new HistoryEntry(At(2), Running("web-0", "shop")), new HistoryEntry(null, Running("web-0", "shop"))))))
            .Since.Should().Be(At(2));

    [TestMethod]
    public void A_template_without_history_gives_its_own_compliance() =>
        Vm(One(Policy(Template(ComplianceState.NonCompliant)))).Should().BeEquivalentTo(new
        {
            Verdict = MoveVerdict.NotMoved,
            Reason = "not running at DR: template is NonCompliant (no history) (--managed-kubeconfig tells why and what next)",
        });

    [TestMethod]
    public void A_policy_without_a_running_template_is_unknown_never_moved() =>
        Vm(One(Policy(null))).Should().BeEquivalentTo(new { Verdict = MoveVerdict.Unknown, Reason = "no status for this template", Since = (DateTimeOffset?)null });

    [TestMethod]
    public void A_policy_pending_on_its_cluster_without_a_running_template_waits_and_says_so() =>
        Vm(One(Policy(null, cluster: ComplianceState.Pending))).Should().BeEquivalentTo(new
        {
            Verdict = MoveVerdict.Waiting,
            RunningState = ComplianceState.Pending,
            Reason = "waiting: policy acmdr.dr-web is Pending on c1",
        });

    [TestMethod]
    public void The_site_template_tells_whether_the_nodeSelector_was_set() =>
        Vm(One(Policy(Template(ComplianceState.Compliant, Entry(3, Running("web-0", "shop"))), SiteUpdated(Web, 1)))).SpecState.Should().Be(ComplianceState.Compliant);

    [TestMethod]
    public void A_site_template_saying_only_the_instance_is_there_does_not_count_for_the_nodeSelector() =>
        Vm(One(Policy(Template(ComplianceState.Compliant, Entry(3, Running("web-0", "shop"))),
            Template(ComplianceState.NonCompliant, Entry(2, "NonCompliant; violation - virtualmachineinstances [web-0] found as specified in namespace shop")))))
            .SpecState.Should().Be(ComplianceState.NonCompliant);

    [TestMethod]
    public void A_policy_is_found_by_its_root_name_or_any_replicated_name() =>
        Vm(One(new PolicyObservation("ns.with.dots.dr-web", "c1", ComplianceState.Compliant, null,
            Template(ComplianceState.Compliant, Entry(3, Running("web-0", "shop")))))).Verdict.Should().Be(MoveVerdict.Moved);

    [TestMethod]
    public void Only_a_whole_policy_name_matches_not_one_that_ends_the_same() =>
        Vm(One(new PolicyObservation("acmdr.xdr-web", "c1", ComplianceState.Compliant, null,
            Template(ComplianceState.Compliant, Entry(3, Running("web-0", "shop")))))).Verdict.Should().Be(MoveVerdict.Unknown);

    [TestMethod]
    public void Ground_truth_of_a_VM_running_at_the_target_is_moved_but_elsewhere_or_stopped_is_not()
    {
        var reportSaysRunning = Policy(Template(ComplianceState.Compliant, Entry(3, Running("web-0", "shop"))));

        Vm(One(reportSaysRunning, truth: [new("shop", "web-0", "c1", "Running", "n-1", "DR")])).Should().BeEquivalentTo(new
        {
            Verdict = MoveVerdict.Moved,
            RunningState = ComplianceState.Compliant,
            Since = (DateTimeOffset?)At(3),
            Reason = "instance Running on node n-1 at site DR (target DR)",
        });
        Vm(One(reportSaysRunning, truth: [new("shop", "web-0", "c1", "Scheduling", "n-1", "DR")])).Should().BeEquivalentTo(new
        {
            Verdict = MoveVerdict.NotMoved,
            RunningState = ComplianceState.NonCompliant,
            Since = (DateTimeOffset?)null,
        });
        Vm(One(reportSaysRunning, truth: [new("shop", "web-0", "c1", null, null, null)])).Reason.Should().Be(
            "instance no instance on node no node at site no site (target DR)");
    }

    [TestMethod]
    public void Only_the_first_ground_truth_reading_of_a_VM_counts() =>
        Vm(One(null, truth: [new("shop", "web-0", "c1", "Running", "n-1", "DR"), new("shop", "web-0", "c1", "Running", "p-1", "Primary")]))
            .Verdict.Should().Be(MoveVerdict.Moved);

    [TestMethod]
    public void Ground_truth_of_another_cluster_says_nothing_about_this_VM() =>
        Vm(One(null, truth: [new("shop", "web-0", "c2", "Running", "n-1", "DR")])).Verdict.Should().Be(MoveVerdict.Unknown);

    [TestMethod]
    public void An_empty_app_or_tier_override_falls_through_to_the_next()
    {
        var vm = new Workload("web", 2, "shop", "web-0", "c1", null);
        var observation = One(null, vm: vm);

        (observation with { SiteOverrides = new Dictionary<string, string> { ["app-web"] = "", ["tier-2"] = "Primary" } }).TargetOf(vm).Should().Be("Primary");
        (observation with { SiteOverrides = new Dictionary<string, string> { ["app-web"] = "", ["tier-2"] = "" } }).TargetOf(vm).Should().Be("DR");
        (observation with { SiteOverrides = new Dictionary<string, string> { ["app-web"] = "Cold", ["tier-2"] = "Primary" } }).TargetOf(vm).Should().Be("Cold");
    }

    [TestMethod]
    public void The_VMs_are_listed_by_tier_app_cluster_namespace_and_name()
    {
        Workload[] vms =
        [
            new("b", 2, "n", "v", "c1", null), new("a", 2, "n", "v", "c2", null), new("a", 2, "n", "v", "c1", null),
            new("a", 2, "m", "w", "c1", null), new("a", 2, "m", "u", "c1", null), new("z", 1, "n", "v", "c1", null),
        ];

        var summary = ComplianceSummariser.Summarise(new ComplianceObservation(vms, "DR", Observations.Flip, [], [], At(1)));

        summary.Vms.Select(v => $"{v.Tier} {v.App} {v.Cluster} {v.Namespace}/{v.Vm}").Should().Equal(
            "1 z c1 n/v", "2 a c1 m/u", "2 a c1 m/w", "2 a c1 n/v", "2 a c2 n/v", "2 b c1 n/v");
    }

    [TestMethod]
    public void A_tier_is_measured_against_the_slowest_rto_of_its_apps()
    {
        Workload[] vms = [new("a", 1, "n", "a-0", "c1", 10), new("b", 1, "n", "b-0", "c1", 30), new("c", 1, "n", "c-0", "c1", null)];

        ComplianceSummariser.Summarise(new ComplianceObservation(vms, "DR", Observations.Flip, [], [], At(1))).Tiers.Single().RtoMinutes.Should().Be(30);
    }

    [TestMethod]
    public void Summarising_nothing_is_refused() =>
        FluentActions.Invoking(() => ComplianceSummariser.Summarise(null!)).Should().Throw<ArgumentNullException>();

    [TestMethod]
    public void History_entries_are_equal_when_time_message_and_event_are()
    {
        var entry = new HistoryEntry(At(1), "Compliant", "e-1");

        entry.Should().Be(new HistoryEntry(At(1), "Compliant", "e-1"));
        entry.GetHashCode().Should().Be(new HistoryEntry(At(1), "Compliant", "e-1").GetHashCode());
        entry.Should().NotBe(new HistoryEntry(At(2), "Compliant", "e-1"));
        entry.Should().NotBe(new HistoryEntry(At(1), "NonCompliant", "e-1"));
        entry.Should().NotBe(new HistoryEntry(At(1), "Compliant", "e-2"));
        entry.Equals(null).Should().BeFalse();
    }

    [TestMethod]
    public void A_policy_observation_is_for_its_root_policy_under_any_namespace_prefix()
    {
        var observation = new PolicyObservation("acmdr.dr-web", "c1", ComplianceState.Compliant, null, null);

        observation.IsFor("dr-web").Should().BeTrue();
        observation.IsFor("acmdr.dr-web").Should().BeTrue();
        observation.IsFor("web").Should().BeFalse();
        observation.IsFor("dr-db").Should().BeFalse();
    }
}
