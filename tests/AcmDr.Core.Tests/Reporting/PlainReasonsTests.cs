using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using FluentAssertions;
using static AcmDr.Core.Tests.Reporting.Findings;

namespace AcmDr.Core.Tests.Reporting;

[TestClass]
public sealed class PlainReasonsTests
{
    private const string Report = "acmdr report --managed-kubeconfig <kubeconfig of stretch-1> --app db";
    private const string Relocate = "acmdr relocate --to DR --cluster stretch-1 --app db";

    private static VmFinding Read(VmCompliance vm, TierCompliance? tier = null, TierCompliance? earlier = null) =>
        PlainReasons.Of(vm, tier ?? Tier(1, vm.Verdict), earlier);

    [TestMethod]
    public void A_moved_vm_is_no_failure_and_needs_nothing()
    {
        var finding = Read(Vm("db-0", MoveVerdict.Moved, "virtualmachineinstances [db-0] found as specified in namespace finance"));

        finding.Should().BeEquivalentTo(new { IsFailure = false, Kind = FindingKind.Moved, Plain = "Runs at DR.", NextStep = "" });
        finding.Commands.Should().BeEmpty();
    }

    [TestMethod]
    public void A_reason_that_names_its_next_step_is_kept_as_it_is()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "instance Running at Primary, migration failed ; next: acmdr relocate --to DR --app db"));

        finding.Kind.Should().Be(FindingKind.Explained);
        finding.Plain.Should().Be("instance Running at Primary, migration failed");
        finding.NextStep.Should().Be("acmdr relocate --to DR --app db");
        finding.IsFailure.Should().BeTrue();
    }

    [TestMethod]
    public void A_reason_that_is_only_a_next_step_has_no_words_before_it()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "next: acmdr relocate --to DR --app db"));

        (finding.Kind, finding.Plain, finding.NextStep).Should().Be((FindingKind.Explained, "", "acmdr relocate --to DR --app db"));
    }

    [TestMethod]
    public void A_vm_is_required()
    {
        var read = () => PlainReasons.Of(null!, null, null);

        read.Should().Throw<ArgumentNullException>();
    }

    [TestMethod]
    public void A_reason_with_next_step_wins_over_a_wait()
    {
        var finding = Read(Vm("db-0", MoveVerdict.Waiting, "waiting on tier 1; next: wait"), earlier: Tier(1, MoveVerdict.NotMoved));

        finding.Kind.Should().Be(FindingKind.Explained);
        finding.Plain.Should().Be("waiting on tier 1");
        finding.NextStep.Should().Be("wait");
    }

    [TestMethod]
    public void A_vm_waiting_for_its_tier_within_the_rto_is_no_failure()
    {
        var finding = Read(Vm("web-0", MoveVerdict.Waiting, "waiting for tier 1: Dependencies were not satisfied", tier: 2),
            Tier(2, MoveVerdict.Waiting, RtoStatus.Pending), Tier(1, MoveVerdict.NotMoved));

        finding.Should().BeEquivalentTo(new
        {
            IsFailure = false,
            Kind = FindingKind.Waiting,
            Plain = "Waiting for tier 1 to move first.",
            NextStep = "Nothing yet: it moves once tier 1 has moved.",
        });
    }

    [TestMethod]
    public void A_vm_still_waiting_past_its_rto_is_a_failure_that_points_at_the_tier_before()
    {
        var finding = Read(Vm("web-0", MoveVerdict.Waiting, "waiting for tier 1: x", tier: 2),
            Tier(2, MoveVerdict.Waiting, RtoStatus.Missed), Tier(1, MoveVerdict.NotMoved));

        finding.IsFailure.Should().BeTrue();
        finding.NextStep.Should().Be("Past its RTO: tier 1 has not finished moving; fix its VMs first.");
    }

    [TestMethod]
    public void A_vm_waiting_although_its_tier_before_moved_points_at_the_policy_add_on()
    {
        var finding = Read(Vm("web-0", MoveVerdict.Waiting, "waiting for tier 1: x", tier: 2),
            Tier(2, MoveVerdict.Waiting), Tier(1, MoveVerdict.Moved));

        finding.NextStep.Should().Be("Tier 1 has moved: if it still waits after ACM's next evaluation, check the governance policy add-on on stretch-1.");
        finding.IsFailure.Should().BeFalse();
    }

    [TestMethod]
    [DataRow(RtoStatus.Pending, false, "")]
    [DataRow(RtoStatus.Missed, true, "Past its RTO: check the dependencies of its policy and the governance policy add-on on stretch-1.")]
    public void A_vm_of_the_first_tier_waits_for_a_dependency_of_its_policy(RtoStatus rto, bool failure, string next)
    {
        var finding = Read(Vm("db-0", MoveVerdict.Waiting, "policy dr-db is Pending on stretch-1"), Tier(1, MoveVerdict.Waiting, rto));

        finding.Plain.Should().Be("Waiting for a dependency of its policy.");
        finding.NextStep.Should().Be(next);
        finding.IsFailure.Should().Be(failure);
    }

    [TestMethod]
    [DataRow("policy dr-db has no status for cluster stretch-1")]
    [DataRow("no compliance report since the flip (last: Compliant; notification - x)")]
    [DataRow("no status for this template")]
    [DataRow("template is Unknown (no history)")]
    public void A_vm_the_cluster_said_nothing_about_since_the_flip_points_at_the_cluster_and_its_add_on(string reason)
    {
        var finding = Read(Vm("db-0", MoveVerdict.Unknown, reason, spec: ComplianceState.Unknown));

        finding.Kind.Should().Be(FindingKind.NoStatus);
        finding.IsFailure.Should().BeTrue();
        finding.Plain.Should().Be("The hub has had no status from cluster stretch-1 for this VM since the flip: the cluster may be offline or its policy add-on not running.");
        finding.NextStep.Should().Be("Check that stretch-1 is available and its governance policy add-on runs, then read the cluster itself.");
        finding.Commands.Should().Equal(Report);
    }

    [TestMethod]
    [DataRow("policy dr-db has status for cluster stretch-1")]
    [DataRow("a policy dr-db has no status for cluster stretch-1")]
    [DataRow("template is Unknown")]
    [DataRow("the template is Unknown (no history)")]
    [DataRow("status: no compliance report since the flip")]
    [DataRow("it has no status for this template")]
    public void Words_that_only_look_like_no_status_are_not_read_as_it(string reason)
    {
        Read(Vm("db-0", MoveVerdict.Unknown, reason, spec: ComplianceState.Unknown)).Kind.Should().Be(FindingKind.Unrecognised);
    }

    [TestMethod]
    public void A_vm_whose_placement_was_not_applied_points_at_the_policy_add_on()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "virtualmachineinstances [db-0] not found", spec: ComplianceState.NonCompliant));

        finding.Kind.Should().Be(FindingKind.PlacementNotApplied);
        finding.Plain.Should().Be("Its placement at DR (the VM's nodeSelector) has not been applied on cluster stretch-1.");
        finding.NextStep.Should().Be("Check the governance policy add-on on stretch-1 and the placement message in the per-VM table.");
    }

    [TestMethod]
    public void A_vm_not_running_at_the_site_says_how_to_see_where_it_runs_and_how_to_move_it()
    {
        var finding = Read(Vm("db-1", MoveVerdict.NotMoved, "virtualmachineinstances [db-1] found but not as specified in namespace finance"));

        finding.Kind.Should().Be(FindingKind.NotRunningThere);
        finding.Plain.Should().Be("It is not running at DR: its placement is set, but cluster stretch-1 reports no instance there as wanted.");
        finding.NextStep.Should().Be("See where it runs, then move it.");
        finding.Commands.Should().Equal(Report, Relocate);
    }

    [TestMethod]
    public void The_suggested_commands_repeat_the_inventory()
    {
        var finding = PlainReasons.Of(Vm("db-1", MoveVerdict.NotMoved, "x"), Tier(1, MoveVerdict.NotMoved), null, "inv/apps.csv");

        finding.Commands.Should().Equal(
            "acmdr report --managed-kubeconfig <kubeconfig of stretch-1> -i inv/apps.csv --app db",
            "acmdr relocate --to DR --cluster stretch-1 -i inv/apps.csv --app db");
    }

    [TestMethod]
    public void A_vm_the_managed_cluster_sees_at_another_site_is_to_be_relocated()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "instance Running on node p-1 at site Primary (target DR)"));

        finding.Kind.Should().Be(FindingKind.RunsElsewhere);
        finding.Plain.Should().Be("It runs at site Primary (node p-1), not at DR.");
        finding.NextStep.Should().Be("Move it to DR.");
        finding.Commands.Should().Equal(Relocate);
    }

    [TestMethod]
    public void A_vm_on_a_node_without_a_site_label_says_so()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "instance Running on node x-1 at site no site (target DR)"));

        finding.Plain.Should().Be("It runs on node x-1, which has no site label.");
        finding.NextStep.Should().Be("Give the node its site label, or move the VM to DR.");
    }

    [TestMethod]
    public void A_vm_without_an_instance_is_to_be_started()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "instance no instance on node no node at site no site (target DR)"));

        finding.Kind.Should().Be(FindingKind.NoInstance);
        finding.Plain.Should().Be("It has no running instance.");
        finding.NextStep.Should().Be("Start it; its placement puts it at DR.");
        finding.Commands.Should().Equal("virtctl start -n finance db-0");
    }

    [TestMethod]
    public void A_vm_whose_instance_does_not_run_says_its_phase()
    {
        var finding = Read(Vm("db-0", MoveVerdict.NotMoved, "instance Scheduling on node d-2 at site DR (target DR)"));

        finding.Kind.Should().Be(FindingKind.NoInstance);
        finding.Plain.Should().Be("Its instance is Scheduling on node d-2, not running.");
        finding.NextStep.Should().Be("See why it does not run on cluster stretch-1; move it once it runs.");
    }

    [TestMethod]
    public void An_unknown_reason_is_shown_as_the_status_says_it_cleaned()
    {
        var finding = Read(Vm("db-0", MoveVerdict.Unknown, "template error \u001b[31mboom\u001b[0m", spec: ComplianceState.Unknown));

        finding.Kind.Should().Be(FindingKind.Unrecognised);
        finding.Plain.Should().Be("Whether it moved cannot be told from the status: template error boom");
        finding.NextStep.Should().Be("Read the cluster itself.");
        finding.Commands.Should().Equal(Report);
        finding.IsFailure.Should().BeTrue();
    }
}
