using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>A mixed inventory (stretched and dual apps) with dual settings built in code, planned as every command does.</summary>
internal static class DualPlans
{
    public const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n";

    public const string Mixed =
        "web,1,web,web-0,c1,,,\n"
        + "db,1,erp,db-0,east,,,west\n"
        + "files,1,files,fs-0,west,,,east\n"
        + "erp,2,erp,erp-0,east,15,,west\n"
        + "erp,2,erp,erp-1,east,15,,west\n"
        + "api,2,web,api-0,c1,,web,\n"
        + "report,3,erp,rep-0,east,,erp,west\n";

    public static DrSettings Settings { get; } = DrSettings.Default with
    {
        DualOrNull = new DualSettings("openshift-gitops", "local-cluster", [new DrPolicyPair("east-west-5m", "east", "west")], "appname",
            [new DualAppOverride("erp", [new("appname", "erp-db"), new("tier", "data")])]),
    };

    public static DrPlan Plan(string rows = Mixed, DrSettings? settings = null) =>
        PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Header + rows), settings ?? Settings), settings ?? Settings);

    public static PolicyPlan Policy(DrPlan plan, string name) => plan.Policies.Single(p => p.Name == name);
}
