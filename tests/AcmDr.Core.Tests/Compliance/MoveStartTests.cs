using AcmDr.Core.Compliance;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;

namespace AcmDr.Core.Tests.Compliance;

[TestClass]
public sealed class MoveStartTests
{
    private static PolicyObservation Db(TemplateObservation site) => new(
        "acmdr.dr-db", "stretch-1", ComplianceState.Compliant, site,
        Template(ComplianceState.Compliant, Entry(20, Running("db-0, db-1", "finance"))));

    private static DateTimeOffset? StartOf(string vm, TemplateObservation site) =>
        ComplianceSummariser.Summarise(Observe([Db(site)], 30)).Vms.Single(v => v.Vm == vm).StartedAt;

    [TestMethod]
    public void A_vm_started_moving_at_the_oldest_site_entry_since_the_flip_that_finds_it_as_wanted()
    {
        var site = Template(ComplianceState.Compliant,
            Entry(6, "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance"),
            Entry(3, "Compliant; notification - virtualmachines [db-0, db-1] was updated successfully in namespace finance"),
            Entry(1, "Pending; Dependencies were not satisfied: 1 is still pending (PolicySet dr-tier-0)"),
            Entry(-10, "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance"));

        StartOf("db-0", site).Should().Be(At(3), "the entry before the flip spoke about the old site");
    }

    [TestMethod]
    public void An_entry_that_finds_another_vm_as_wanted_does_not_start_this_one()
    {
        var site = Template(ComplianceState.Compliant,
            Entry(7, "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance"),
            Entry(2, "NonCompliant; violation - virtualmachines [db-0] found but not as specified in namespace finance; " +
                "virtualmachines [db-1] was updated successfully in namespace finance"));

        StartOf("db-0", site).Should().Be(At(7));
        StartOf("db-1", site).Should().Be(At(2));
    }

    [TestMethod]
    public void A_vm_whose_placement_was_never_seen_has_not_started()
    {
        var site = Template(ComplianceState.NonCompliant,
            Entry(2, "NonCompliant; violation - virtualmachines [db-0, db-1] found but not as specified in namespace finance"));

        StartOf("db-0", site).Should().BeNull();
    }

    [TestMethod]
    public void An_entry_at_the_flip_itself_counts()
    {
        var site = Template(ComplianceState.Compliant,
            Entry(0, "Compliant; notification - virtualmachines [db-0, db-1] was updated successfully in namespace finance"));

        StartOf("db-0", site).Should().Be(At(0));
    }

    [TestMethod]
    public void Without_a_flip_time_no_entry_can_be_told_to_be_about_this_move()
    {
        var site = Template(ComplianceState.Compliant,
            Entry(3, "Compliant; notification - virtualmachines [db-0, db-1] was updated successfully in namespace finance"));
        var observation = Observe([Db(site)], 30) with { FlipAt = null };

        ComplianceSummariser.Summarise(observation).Vms.Should().OnlyContain(v => v.StartedAt == null);
    }

    [TestMethod]
    public void A_vm_without_a_site_template_has_not_started()
    {
        var policy = Db(Template(ComplianceState.Compliant)) with { Site = null };

        ComplianceSummariser.Summarise(Observe([policy], 30)).Vms.Should().OnlyContain(v => v.StartedAt == null);
    }
}
