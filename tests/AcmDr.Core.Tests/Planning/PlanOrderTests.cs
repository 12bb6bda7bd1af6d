using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Planning;

/// <summary>The plan comes out in one order whatever the order of the inventory, so generated files never churn.</summary>
[TestClass]
public sealed class PlanOrderTests
{
    [TestMethod]
    public void Apps_are_planned_by_tier_then_name_whatever_the_row_order()
    {
        var plan = Plans.Plan("web,2,x,web-0,c1,,\napi,2,x,api-0,c1,,\nzed,1,x,zed-0,c1,,\ndb,1,x,db-0,c1,,\n");

        plan.Apps.Select(a => a.Name).Should().Equal("db", "zed", "api", "web");
        plan.Tiers.Should().Equal(1, 2);
    }

    [TestMethod]
    public void Tiers_are_listed_in_number_order() =>
        Plans.Plan("c,30,x,c-0,c1,,\na,4,x,a-0,c1,,\nb,12,x,b-0,c1,,\n").Tiers.Should().Equal(4, 12, 30);

    [TestMethod]
    public void The_VMs_of_a_policy_are_ordered_by_namespace_then_name() =>
        Plans.Plan("web,1,b,a-0,c1,,\nweb,1,a,z-1,c1,,\nweb,1,a,z-0,c1,,\n").Policies.Single().Vms.Select(v => v.ToString())
            .Should().Equal("a/z-0", "a/z-1", "b/a-0");

    [TestMethod]
    public void Clusters_and_the_policies_of_an_app_are_ordered_by_cluster_name()
    {
        var plan = Plans.Plan("web,1,x,web-0,c2,,\nweb,1,x,web-1,c1,,\n");

        plan.Clusters.Should().Equal("c1", "c2");
        plan.FindApp("web")!.Policies.Select(p => p.Name).Should().Equal("dr-web-c1", "dr-web-c2");
    }

    [TestMethod]
    public void Dependencies_named_on_several_rows_are_merged_and_sorted() =>
        Plans.Plan("a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,\nweb,2,x,web-0,c1,,b\nweb,2,x,web-1,c1,,a\n").FindApp("web")!.DependsOn.Should().Equal("a", "b");

    [TestMethod]
    public void A_policy_set_lists_its_policies_sorted_by_name() =>
        Plans.Plan("a,1,x,a-0,c1,,\na,1,x,a-1,c2,,\na-b,1,x,ab-0,c1,,\n").PolicySets.Single().Policies.Should().Equal("dr-a-b", "dr-a-c1", "dr-a-c2");

    [TestMethod]
    public void The_plan_counts_its_VMs_per_app_and_in_all()
    {
        var plan = Plans.Plan("db,1,x,db-0,c1,,\ndb,1,x,db-1,c2,,\ndb,1,x,db-2,c2,,\nweb,2,x,web-0,c1,,\n");

        plan.VmCount.Should().Be(4);
        plan.FindApp("db")!.VmCount.Should().Be(3);
        plan.FindApp("nope").Should().BeNull();
    }

    [TestMethod]
    public void A_cycle_is_found_past_branches_already_explored() =>
        Plans.RowErrors("a,1,x,a-0,c1,,b;c\nb,1,x,b-0,c1,,d\nc,1,x,c-0,c1,,a\nd,1,x,d-0,c1,,\n").Should().Equal("apps.csv:2: dependency cycle: a -> c -> a");

    [TestMethod]
    public void A_cycle_names_only_the_apps_on_it_not_the_branches_explored_before()
    {
        var edges = new Dictionary<string, List<string>>
        {
            ["a"] = ["b", "c"],
            ["b"] = ["d"],
            ["c"] = ["e"],
            ["d"] = [],
            ["e"] = ["c"],
        };

        DependencyCycle.Find(edges).Should().Equal("c", "e", "c");
    }

    [TestMethod]
    public void A_cycle_is_named_from_its_first_app_in_alphabetical_order_whatever_the_order_given()
    {
        var edges = new Dictionary<string, List<string>>
        {
            ["c"] = ["a"],
            ["a"] = ["c"],
        };

        DependencyCycle.Find(edges).Should().Equal("a", "c", "a");
    }

    [TestMethod]
    public void A_graph_without_cycles_has_none_even_when_branches_meet()
    {
        var edges = new Dictionary<string, List<string>>
        {
            ["a"] = ["b", "c"],
            ["b"] = ["d"],
            ["c"] = ["d", "x"],
            ["d"] = [],
        };

        DependencyCycle.Find(edges).Should().BeNull();
    }
}
