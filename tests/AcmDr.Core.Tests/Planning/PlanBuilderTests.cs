using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Planning;

[TestClass]
public sealed class PlanBuilderTests
{
    private const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on\n";

    private static DrPlan Plan(string rows) =>
        PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Header + rows), DrSettings.Default), DrSettings.Default);

    [TestMethod]
    public void Each_tier_waits_for_the_previous_tier_present_even_when_numbers_skip()
    {
        var plan = Plan("a,1,x,a-0,c1,,\nb,3,x,b-0,c1,,\nc,7,x,c-0,c1,,\n");

        plan.Tiers.Should().Equal(1, 3, 7);
        plan.Policies.Single(p => p.App == "a").Dependencies.Should().BeEmpty();
        plan.Policies.Single(p => p.App == "b").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-1"));
        plan.Policies.Single(p => p.App == "c").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-3"));
    }

    [TestMethod]
    public void Depends_on_adds_the_app_policy_on_the_same_cluster()
    {
        var plan = Plan("db,1,x,db-0,c1,,\nweb,2,x,web-0,c1,,db\n");

        plan.Policies.Single(p => p.App == "web").Dependencies.Should().Equal(
            new PolicyDependency("PolicySet", "dr-tier-1"),
            new PolicyDependency("Policy", "dr-db"));
    }

    [TestMethod]
    public void An_app_on_two_clusters_gets_one_policy_per_cluster_naming_only_its_vms_there()
    {
        var plan = Plan("mon,1,x,mon-0,c1,,\nmon,1,x,mon-1,c2,,\n");

        plan.Policies.Select(p => (p.Name, p.Cluster, Vms: string.Join(",", p.Vms))).Should().Equal(
            ("dr-mon-c1", "c1", "x/mon-0"),
            ("dr-mon-c2", "c2", "x/mon-1"));
    }

    [TestMethod]
    public void A_tier_spread_over_clusters_is_waited_for_per_cluster()
    {
        // ACM checks dependencies on each managed cluster: a tier-2 policy on c2 must not wait for
        // tier-1 policies that are never placed on c2.
        var plan = Plan("a,1,x,a-0,c1,,\nb,1,x,b-0,c2,,\nc,2,x,c-0,c2,,\nd,2,x,d-0,c1,,\n");

        plan.Policies.Single(p => p.App == "c").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-1-c2"));
        plan.Policies.Single(p => p.App == "d").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-1-c1"));
        plan.PolicySets.Select(s => (s.Name, string.Join(",", s.Policies))).Should().Equal(
            ("dr-tier-1", "dr-a,dr-b"),
            ("dr-tier-1-c1", "dr-a"),
            ("dr-tier-1-c2", "dr-b"),
            ("dr-tier-2", "dr-c,dr-d"));
    }

    [TestMethod]
    public void A_cluster_without_an_earlier_tier_starts_at_once()
    {
        var plan = Plan("a,1,x,a-0,c1,,\nb,2,x,b-0,c2,,\n");

        plan.Policies.Single(p => p.App == "b").Dependencies.Should().BeEmpty();
    }

    [TestMethod]
    public void Reading_accepts_bom_crlf_comments_blank_lines_and_any_column_order()
    {
        var text = "\uFEFF# inventory\r\nvm,cluster,app,namespace,tier\r\n\r\nweb-0,c1,web,web,2\r\n# trailing comment\r\n";

        var inventory = InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(text), DrSettings.Default);

        inventory.Rows.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new InventoryRow(4, "web", 2, "web", "web-0", "c1", null, []));
    }

    [TestMethod]
    public void Depends_on_may_be_spread_over_the_rows_of_an_app()
    {
        var plan = Plan("a,1,x,a-0,c1,,\nb,1,x,b-0,c1,,\nweb,2,x,web-0,c1,,a\nweb,2,x,web-1,c1,,b; a\n");

        plan.FindApp("web")!.DependsOn.Should().Equal("a", "b");
    }
}
