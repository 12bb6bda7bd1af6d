using AcmDr.Core.Compliance;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Dual.Drpcs;
using static AcmDr.Core.Tests.Reporting.Hub;

namespace AcmDr.Core.Tests.Dual;

/// <summary>Dual-cluster apps through the report's assembly: the policy on the hub cluster is never read as a stretched one.</summary>
[TestClass]
public sealed class DualReportTests
{
    /// <summary>erp's policy on local-cluster, with a -running template that would say its VMs run if it were read as a stretched app's.</summary>
    private static IReadOnlyList<HubPolicy> ErpPolicies(bool drpcTemplate = true)
    {
        var root = Root("erp", 1, "erp/erp-0", rto: 20, cluster: "local-cluster");
        var replica = Replica(root, SiteUpdated(Erp0, 1), RunningSince(3, "erp-0", "erp"), cluster: "local-cluster");
        return drpcTemplate
            ? [root, replica with { Templates = [.. replica.Templates, (PolicyNames.DrpcTemplate("dr-erp"), Template(ComplianceState.Compliant))] }]
            : [root, replica];
    }

    private static ReportAssembly Assemble(IReadOnlyList<Workload>? inventory, IReadOnlyList<HubPolicy> policies, params Core.Dual.DrpcObservation[] drpcs) =>
        ReportAssembler.Assemble(Scope(inventory: inventory), new HubSnapshot(policies, Switch(("site", "DR"), ("mode", "planned")), drpcs), Flips((0, "DR")), [], Now);

    [TestMethod]
    public void A_dual_app_s_vms_are_told_by_its_drpc_and_not_by_its_policy_s_templates()
    {
        Assemble([Erp0], ErpPolicies()).Summary.Vms.Single().Verdict.Should().Be(MoveVerdict.Unknown, "no DRPC was read");
        Assemble([Erp0], ErpPolicies(), Drpc("erp", 1)).Summary.Vms.Single().Verdict.Should().Be(MoveVerdict.Moved);
    }

    [TestMethod]
    public void Without_an_inventory_a_policy_with_a_drpc_template_or_an_app_with_a_drpc_is_dual()
    {
        var fromTemplate = Assemble(null, ErpPolicies()).Summary;
        var fromDrpc = Assemble(null, ErpPolicies(drpcTemplate: false), Drpc("erp", 1)).Summary;

        fromTemplate.Vms.Single().Reason.Should().StartWith("no DRPlacementControl openshift-gitops/dr-erp");
        fromDrpc.Vms.Single().Should().Match<VmCompliance>(v => v.Verdict == MoveVerdict.Moved && v.Cluster == "west");
        fromDrpc.Verdict.Should().Be(MoveVerdict.Unknown, "without an inventory 'all moved' is never claimed");
    }

    [TestMethod]
    public void The_scope_reads_drpcs_only_when_a_dual_app_is_in_it()
    {
        Scope(inventory: [Erp0, Db0]).NeedsDrpcs([]).Should().BeTrue();
        Scope(inventory: [Erp0, Db0], apps: ["db"]).NeedsDrpcs([]).Should().BeFalse();
        Scope().NeedsDrpcs(ErpPolicies()).Should().BeTrue();
        Scope().NeedsDrpcs(ErpPolicies(drpcTemplate: false)).Should().BeFalse();
    }

    [TestMethod]
    public void A_dual_app_s_finding_keeps_the_reason_s_next_step()
    {
        var summary = Assemble([Erp0], ErpPolicies(), Drpc("erp", 1, action: "Failover", preferred: "east", failover: "west", phase: "FailingOver", progression: "WaitForFencing")).Summary;

        var finding = LegSummariser.Of(summary, []).Failures.Single();
        finding.Kind.Should().Be(FindingKind.Explained);
        finding.NextStep.Should().StartWith("fence east");
    }
}
