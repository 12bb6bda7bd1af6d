using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Planning;

/// <summary>What a policy's -move template waits for: the groups its dependencies name, counted on its own cluster.</summary>
[TestClass]
public sealed class MoveGatesTests
{
    private const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on\n";

    private static DrPlan Plan(string rows) =>
        PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Header + rows), DrSettings.Default), DrSettings.Default);

    private static IEnumerable<string> Gate(DrPlan plan, string policy) =>
        new MoveGates(plan).Of(plan.Policies.Single(p => p.Name == policy)).Select(g => $"{g.Selector} x{g.Count}");

    [TestMethod]
    public void A_policy_waits_for_the_previous_tier_present_on_its_cluster_and_its_depends_on()
    {
        var plan = Plan(
            "db,1,data,db-0,c1,,\n"
            + "dns,1,infra,dns-0,c1,,\n"
            + "mq,3,data,mq-0,c1,,\n"
            + "web,5,web,web-0,c1,,mq\n"
            + "api,5,web,api-0,c1,,\n");

        Gate(plan, "dr-db").Should().BeEmpty("the first tier waits for nothing");
        Gate(plan, "dr-mq").Should().Equal("acmdr.io/tier=1 x2");
        Gate(plan, "dr-web").Should().Equal("acmdr.io/tier=3 x1", "acmdr.io/app=mq x1");
        Gate(plan, "dr-api").Should().Equal("acmdr.io/tier=3 x1");
    }

    [TestMethod]
    public void A_tier_spanning_clusters_is_waited_for_only_where_the_policy_lives()
    {
        var plan = Plan(
            "db,1,data,db-0,c1,,\n"
            + "db,1,data,db-1,c2,,\n"
            + "dns,1,infra,dns-0,c2,,\n"
            + "web,2,web,web-0,c1,,\n"
            + "web,2,web,web-1,c2,,\n");

        Gate(plan, "dr-web-c1").Should().Equal(["acmdr.io/tier=1 x1"], "tier 1 has one VM on c1");
        Gate(plan, "dr-web-c2").Should().Equal("acmdr.io/tier=1 x2");
    }
}
