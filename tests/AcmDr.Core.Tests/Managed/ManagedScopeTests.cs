using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>Which cluster and which VMs a command on a managed cluster acts on.</summary>
[TestClass]
public sealed class ManagedScopeTests
{
    // Planned afresh for each test, not once in a static field: mutation testing sees each test run the code it checks.
    private static DrPlan TwoClusters => Plans.Plan(
        "web,2,shop,web-1,c1,,\nweb,2,shop,web-0,c1,,\ndb,1,shop,db-0,c1,,\ndb,1,shop,db-1,c2,,\nmon,2,ops,mon-0,c2,,\nbatch,3,jobs,b-0,c1,,\napi,2,api,api-0,c1,,\n");

    private static DrPlan OneCluster => Plans.Plan("web,1,shop,web-0,c1,,\n");

    private static IEnumerable<string> Names(IReadOnlyList<ScopedVm> scope) => scope.Select(v => $"{v.Tier} {v.App} {v.Vm.Name}");

    [TestMethod]
    public void The_cluster_named_on_the_command_line_is_used_whatever_the_context() =>
        ManagedScope.Cluster(TwoClusters, "c2", "c1").Should().Be("c2");

    [TestMethod]
    public void A_named_cluster_that_is_not_in_the_inventory_is_refused_listing_the_clusters()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Cluster(TwoClusters, "c3", "c1")).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("--cluster 'c3' is not a cluster of the inventory (clusters: c1, c2)");
    }

    [TestMethod]
    public void Without_a_name_the_context_names_the_cluster_when_it_is_one_of_the_inventory() =>
        ManagedScope.Cluster(TwoClusters, null, "c2").Should().Be("c2");

    [TestMethod]
    public void Without_a_name_the_only_cluster_of_the_inventory_is_used_whatever_the_context() =>
        ManagedScope.Cluster(OneCluster, null, "admin@api.example").Should().Be("c1");

    [TestMethod]
    public void Among_several_clusters_acmdr_never_guesses_which_one_the_context_is()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Cluster(TwoClusters, null, "admin")).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("the inventory names several clusters (c1, c2) and the context 'admin' is none of them: pass --cluster NAME");
    }

    [TestMethod]
    public void Without_a_scope_every_VM_of_the_cluster_is_taken_lowest_tier_first_then_by_app_namespace_and_name() =>
        Names(ManagedScope.Select(TwoClusters, "c1", [], [])).Should().Equal(
            "1 db db-0", "2 api api-0", "2 web web-0", "2 web web-1", "3 batch b-0");

    [TestMethod]
    public void Within_an_app_VMs_are_ordered_by_namespace_before_name()
    {
        var plan = Plans.Plan("web,1,b,a-0,c1,,\nweb,1,a,z-0,c1,,\n");

        ManagedScope.Select(plan, "c1", [], []).Select(v => v.Vm.ToString()).Should().Equal("a/z-0", "b/a-0");
    }

    [TestMethod]
    public void No_VM_of_another_cluster_is_in_scope() =>
        Names(ManagedScope.Select(TwoClusters, "c2", [], [])).Should().Equal("1 db db-1", "2 mon mon-0");

    [TestMethod]
    public void Apps_and_tiers_named_together_select_their_union() =>
        Names(ManagedScope.Select(TwoClusters, "c1", ["batch"], [1])).Should().Equal("1 db db-0", "3 batch b-0");

    [TestMethod]
    public void A_tier_alone_selects_the_VMs_of_that_tier_on_the_cluster() =>
        Names(ManagedScope.Select(TwoClusters, "c1", [], [2])).Should().Equal("2 api api-0", "2 web web-0", "2 web web-1");

    [TestMethod]
    public void An_app_alone_selects_only_that_app() =>
        Names(ManagedScope.Select(TwoClusters, "c1", ["web"], [])).Should().Equal("2 web web-0", "2 web web-1");

    [TestMethod]
    public void Each_VM_in_scope_carries_its_app_and_tier() =>
        ManagedScope.Select(TwoClusters, "c2", ["mon"], []).Should().Equal(new ScopedVm(new VmRef("ops", "mon-0"), "mon", 2));

    [TestMethod]
    public void An_unknown_app_is_refused_listing_the_apps()
    {
        FluentActions.Invoking(() => ManagedScope.Select(TwoClusters, "c1", ["shop"], [])).Should().Throw<AcmDrException>()
            .Which.Message.Should().Be("unknown app shop (apps: db, api, mon, web, batch)");
        FluentActions.Invoking(() => ManagedScope.Select(TwoClusters, "c1", ["shop", "web", "cart"], [])).Should().Throw<AcmDrException>()
            .Which.Message.Should().StartWith("unknown apps shop, cart (apps:");
    }

    [TestMethod]
    public void A_tier_without_apps_is_refused_listing_the_tiers()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Select(TwoClusters, "c1", [], [2, 4, 5])).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("no app is in tier 4, 5 (tiers: 1, 2, 3)");
    }

    [TestMethod]
    public void A_scope_with_no_VM_on_the_cluster_is_refused_rather_than_doing_nothing()
    {
        var refusal = FluentActions.Invoking(() => ManagedScope.Select(TwoClusters, "c2", ["batch"], [])).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be("no VM of the inventory on cluster 'c2' matches the --app/--tier scope");
    }

    [TestMethod]
    public void The_scope_is_grouped_by_tier_lowest_first()
    {
        var scope = ManagedScope.Select(TwoClusters, "c1", [], []).Reverse().ToList();

        ManagedScope.ByTier(scope).Select(g => $"{g.Key}: {string.Join(",", g.Select(v => v.Vm.Name))}").Should().Equal(
            "1: db-0", "2: web-1,web-0,api-0", "3: b-0");
    }

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => ManagedScope.Cluster(null!, null, "c1")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ManagedScope.Select(null!, "c1", [], [])).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ManagedScope.Select(OneCluster, "c1", null!, [])).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("apps");
        FluentActions.Invoking(() => ManagedScope.Select(OneCluster, "c1", [], null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("tiers");
    }
}
