using AcmDr.Core.Managed;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>Break glass and relocate never act on a dual-cluster app's VMs: Ramen moves them.</summary>
[TestClass]
public sealed class DualScopeTests
{
    [TestMethod]
    public void A_managed_cluster_scope_holds_only_the_stretched_apps_VMs() =>
        ManagedScope.Select(DualPlans.Mixed, "c1", [], []).Select(v => v.App).Should().Equal("db", "web");

    [TestMethod]
    public void The_hub_cluster_of_the_dual_policies_is_not_a_cluster_break_glass_can_act_on()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Cluster(DualPlans.Mixed, "local-cluster", "c1")).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("--cluster 'local-cluster' runs only dual-cluster apps (erp, crm): " + DualScope.RamenMovesThem);
    }

    [TestMethod]
    public void A_dual_apps_home_cluster_named_on_the_command_line_is_refused_naming_its_apps() =>
        FluentActions.Invoking(() => ManagedScope.Cluster(DualPlans.Mixed, "west", "c1")).Should().Throw<AcmDrException>()
            .WithMessage("--cluster 'west' runs only dual-cluster apps (erp, crm): Ramen moves them*");

    [TestMethod]
    public void With_one_stretched_cluster_the_context_need_not_name_it_even_beside_dual_apps() =>
        ManagedScope.Cluster(DualPlans.Mixed, null, "admin").Should().Be("c1");

    [TestMethod]
    public void An_inventory_of_only_dual_apps_has_no_cluster_for_break_glass_or_relocate()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Cluster(DualPlans.OnlyDual, null, "east")).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("the inventory has only dual-cluster apps (erp, crm): " + DualScope.RamenMovesThem);
    }

    [TestMethod]
    public void A_scope_of_only_dual_apps_is_refused_naming_them()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Select(DualPlans.Mixed, "c1", ["erp"], [])).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("no VM of the inventory on cluster 'c1' matches the --app/--tier scope but dual-cluster apps (erp): " + DualScope.RamenMovesThem);
    }

    [TestMethod]
    public void The_dual_apps_of_a_scope_are_those_named_or_in_a_named_tier_by_tier_then_name()
    {
        DualScope.Apps(DualPlans.Mixed, [], []).Select(a => a.Name).Should().Equal("erp", "crm");
        DualScope.Apps(DualPlans.Mixed, ["web"], [2]).Select(a => a.Name).Should().Equal("crm");
        DualScope.Apps(DualPlans.Mixed, ["db"], []).Should().BeEmpty();
    }

    [TestMethod]
    public void The_left_out_line_names_the_apps_and_says_acmdr_never_touches_their_VMs()
    {
        DualScope.LeftOutLine(DualScope.Apps(DualPlans.Mixed, [], []), "relocate", "acmdr flip moves them through Ramen").Should().Be(
            "relocate leaves out the dual-cluster apps erp, crm: Ramen moves them, and acmdr never starts, stops or deletes their VMs; acmdr flip moves them through Ramen");
        DualScope.LeftOutLine(DualScope.Apps(DualPlans.Mixed, ["erp"], []), "breakglass", "x").Should().StartWith("breakglass leaves out the dual-cluster app erp: Ramen moves it, and acmdr never starts, stops or deletes its VMs");
        DualScope.LeftOutLine([], "relocate", "x").Should().BeNull();
    }

    [TestMethod]
    public void Dual_apps_of_one_tier_are_taken_by_name() =>
        DualScope.Apps(DualPlans.Plan("zed,1,zed,zed-0,east,,,west\nerp,1,erp,erp-0,east,,,west\nabc,2,abc,abc-0,east,,,west\n"), [], [])
            .Select(a => a.Name).Should().Equal("erp", "zed", "abc");

    [TestMethod]
    public void The_dual_apps_on_a_cluster_are_those_at_home_or_peer_there_or_placed_there_and_none_on_a_stretched_cluster()
    {
        DualScope.AppsOn(DualPlans.Mixed, "east").Select(a => a.Name).Should().Equal("erp", "crm");
        DualScope.AppsOn(DualPlans.Mixed, "west").Select(a => a.Name).Should().Equal("erp", "crm");
        DualScope.AppsOn(DualPlans.Mixed, "local-cluster").Select(a => a.Name).Should().Equal("erp", "crm");
        DualScope.AppsOn(DualPlans.Mixed, "c1").Should().BeEmpty();
        DualScope.AppsOn(DualPlans.Mixed, "north").Should().BeEmpty();
    }

    [TestMethod]
    public void Missing_arguments_are_refused_by_name()
    {
        FluentActions.Invoking(() => DualScope.StretchedClusters(null!)).Should().Throw<ArgumentNullException>().WithParameterName("plan");
        FluentActions.Invoking(() => DualScope.Apps(null!, [], [])).Should().Throw<ArgumentNullException>().WithParameterName("plan");
        FluentActions.Invoking(() => DualScope.Apps(DualPlans.Mixed, null!, [])).Should().Throw<ArgumentNullException>().WithParameterName("apps");
        FluentActions.Invoking(() => DualScope.Apps(DualPlans.Mixed, [], null!)).Should().Throw<ArgumentNullException>().WithParameterName("tiers");
        FluentActions.Invoking(() => DualScope.Names(null!)).Should().Throw<ArgumentNullException>().WithParameterName("apps");
        FluentActions.Invoking(() => DualScope.LeftOutLine(null!, "relocate", "x")).Should().Throw<ArgumentNullException>().WithParameterName("dual");
    }
}
