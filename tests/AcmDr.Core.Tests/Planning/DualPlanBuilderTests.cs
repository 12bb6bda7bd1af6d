using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Planning;

/// <summary>How a mixed inventory (stretched and dual-cluster apps) is planned: each dual app one policy on the hub cluster.</summary>
[TestClass]
public sealed class DualPlanBuilderTests
{
    private const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n";

    // Like the sample inventory/mixed: stretched apps on stretch-1, dual apps on east/west.
    private const string Mixed = Header
        + "ad-dns,1,infra,dc-01,stretch-1,15,,\nad-dns,1,infra,dc-02,stretch-1,15,,\n"
        + "intranet,2,intranet,intranet-0,stretch-1,30,ad-dns,\nreporting,3,reporting,reporting-0,stretch-1,60,,\n"
        + "erp-db,1,finance,erp-db-1,east,20,,west\nerp-db,1,finance,erp-db-0,east,20,,west\n"
        + "billing,2,finance,billing-0,east,30,erp-db,west\ncrm,2,sales,crm-0,west,30,,east\n"
        + "portal,3,portal,portal-0,east,45,billing;crm,west\n";

    private static readonly DrSettings Settings = DrSettings.Default with
    {
        DualOrNull = DualSettings.Default with
        {
            DrPolicies = [new("east-west-5m", "east", "west")],
            Apps = [new("erp-db", [new("appname", "erp"), new("tier", "database")])],
        },
    };

    private static DrPlan Plan(string csv, DrSettings? settings = null) =>
        PlanBuilder.Build(global::AcmDr.Core.Inventory.InventoryReader.Read("apps.csv", System.Text.Encoding.UTF8.GetBytes(csv), settings ?? Settings), settings ?? Settings);

    private static PolicyPlan PolicyOf(DrPlan plan, string app) => plan.Policies.Single(p => p.App == app);

    [TestMethod]
    public void A_dual_app_is_one_policy_on_the_hub_cluster_carrying_its_DRPC_and_Placement_plan()
    {
        var plan = Plan(Mixed);

        var erp = PolicyOf(plan, "erp-db");
        erp.Name.Should().Be("dr-erp-db");
        erp.Cluster.Should().Be("local-cluster");
        erp.Vms.Should().Equal(new VmRef("finance", "erp-db-0"), new VmRef("finance", "erp-db-1"));
        erp.Dual.Should().NotBeNull();
        erp.Dual!.Name.Should().Be("dr-erp-db");
        erp.Dual.Namespace.Should().Be("openshift-gitops");
        (erp.Dual.Home, erp.Dual.Peer, erp.Dual.DrPolicy).Should().Be(("east", "west", "east-west-5m"));
        erp.Dual.PvcMatchLabels.Should().Equal([new("appname", "erp"), new("tier", "database")]);
        plan.FindApp("erp-db")!.Dual.Should().BeSameAs(erp.Dual);
        plan.HasDual.Should().BeTrue();
    }

    [TestMethod]
    public void A_dual_app_homed_on_the_other_cluster_uses_the_same_DRPolicy_and_the_default_PVC_label()
    {
        var crm = PolicyOf(Plan(Mixed), "crm").Dual!;

        (crm.Home, crm.Peer, crm.DrPolicy).Should().Be(("west", "east", "east-west-5m"));
        crm.PvcMatchLabels.Should().Equal([new("appname", "crm")]);
        crm.ClusterAt("Primary", "Primary").Should().Be("west");
        crm.ClusterAt("DR", "Primary").Should().Be("east");
    }

    [TestMethod]
    public void Stretched_apps_keep_their_policies_and_have_no_dual_plan()
    {
        var plan = Plan(Mixed);

        PolicyOf(plan, "ad-dns").Should().Match<PolicyPlan>(p => p.Cluster == "stretch-1" && p.Dual == null && p.Name == "dr-ad-dns");
        plan.FindApp("ad-dns")!.Dual.Should().BeNull();
        plan.Clusters.Should().Equal("local-cluster", "stretch-1");
    }

    [TestMethod]
    public void Tiers_chain_the_dual_apps_on_the_hub_cluster_and_the_stretched_apps_on_theirs()
    {
        var plan = Plan(Mixed);

        PolicyOf(plan, "erp-db").Dependencies.Should().BeEmpty();
        PolicyOf(plan, "crm").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-1-local-cluster"));
        PolicyOf(plan, "intranet").Dependencies.Should().Equal(
            new PolicyDependency("PolicySet", "dr-tier-1-stretch-1"), new PolicyDependency("Policy", "dr-ad-dns"));
        PolicyOf(plan, "reporting").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-2-stretch-1"));
        plan.PolicySets.Where(s => s.Cluster == "local-cluster").Select(s => (s.Name, string.Join(" ", s.Policies))).Should().Equal(
            ("dr-tier-1-local-cluster", "dr-erp-db"), ("dr-tier-2-local-cluster", "dr-billing dr-crm"));
    }

    [TestMethod]
    public void Depends_on_between_dual_apps_names_their_hub_policies()
    {
        var plan = Plan(Mixed);

        PolicyOf(plan, "billing").Dependencies.Should().Equal(
            new PolicyDependency("PolicySet", "dr-tier-1-local-cluster"), new PolicyDependency("Policy", "dr-erp-db"));
        PolicyOf(plan, "portal").Dependencies.Should().Equal(
            new PolicyDependency("PolicySet", "dr-tier-2-local-cluster"), new PolicyDependency("Policy", "dr-billing"), new PolicyDependency("Policy", "dr-crm"));
    }

    [TestMethod]
    public void With_only_dual_apps_each_tier_waits_for_the_whole_previous_tier()
    {
        var plan = Plan(Header + "erp-db,1,finance,erp-db-0,east,,,west\ncrm,2,sales,crm-0,west,,,east\n");

        PolicyOf(plan, "crm").Dependencies.Should().Equal(new PolicyDependency("PolicySet", "dr-tier-1"));
        plan.Clusters.Should().Equal("local-cluster");
    }

    [TestMethod]
    public void The_dual_policies_sit_on_the_hub_cluster_and_namespace_the_settings_name()
    {
        var settings = Settings with { DualOrNull = Settings.Dual with { HubCluster = "hub", Namespace = "ramen-apps", Apps = [] } };

        var policy = PolicyOf(Plan(Header + "crm,1,sales,crm-0,west,,,east\n", settings), "crm");

        policy.Cluster.Should().Be("hub");
        policy.Dual!.Namespace.Should().Be("ramen-apps");
    }

    [TestMethod]
    public void A_plan_without_dual_apps_has_none() => Plans.Plan("web,1,shop,web-0,c1,,\n").HasDual.Should().BeFalse();
}
