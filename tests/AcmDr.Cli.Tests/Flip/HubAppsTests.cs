using System.Text;
using AcmDr.Cli.Flip;
using AcmDr.Core.Flip;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>The apps a flip shows, from the plan: a dual app carries its home and peer clusters.</summary>
[TestClass]
public sealed class HubAppsTests
{
    [TestMethod]
    public void A_dual_app_of_the_plan_carries_its_home_and_peer_and_a_stretched_app_none()
    {
        var settings = DrSettings.Default with { DualOrNull = DualSettings.Default with { DrPolicies = [new DrPolicyPair("east-west", "east", "west")] } };
        var csv = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n"
            + "db,1,finance,db-0,stretch-1,15,,\n"
            + "erp,2,erp,erp-0,east,,,west\n"
            + "erp,2,erp,erp-1,east,,,west\n";
        var plan = PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(csv), settings), settings);

        HubApps.FromPlan(plan).Should().BeEquivalentTo([new SwitchedApp("db", 1, 1), new SwitchedApp("erp", 2, 2, new DualPair("east", "west"))]);
    }
}
