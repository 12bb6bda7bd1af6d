using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Tests.Support;

/// <summary>Inventories with dual-cluster apps (a peer column) and the dual settings that pair their clusters.</summary>
internal static class DualPlans
{
    public const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n";

    /// <summary>east and west paired by DRPolicy east-west-5m; erp's PVCs selected by its own labels.</summary>
    public static DrSettings Settings => DrSettings.Default with
    {
        DualOrNull = new DualSettings("openshift-gitops", "local-cluster", [new DrPolicyPair("east-west-5m", "east", "west")], "appname",
            [new DualAppOverride("erp", [new("appname", "erp-db")])]),
    };

    /// <summary>Stretched web and db on c1, dual erp (tier 1) and crm (tier 2) at home on east with peer west.</summary>
    public static DrPlan Mixed => Plan(
        "db,1,shop,db-0,c1,,,\nweb,2,shop,web-0,c1,,,\nerp,1,erp,erp-0,east,,,west\nerp,1,erp,erp-1,east,,,west\ncrm,2,crm,crm-0,east,,,west\n");

    public static DrPlan OnlyDual => Plan("erp,1,erp,erp-0,east,,,west\ncrm,2,crm,crm-0,east,,,west\n");

    public static DrPlan Plan(string rows) =>
        PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Header + rows), Settings), Settings);
}
