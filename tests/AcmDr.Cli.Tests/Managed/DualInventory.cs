using System.Text;
using AcmDr.Cli.Input;
using AcmDr.Core;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// A mixed inventory: the worked example's stretched apps on stretch-1 (db tier 1, web tier 2) and the
/// dual-cluster apps erp (tier 1, its own PVC selector) and crm (tier 2), at home on east with DR peer west,
/// paired by DRPolicy east-west-5m; the dual settings as acmdr.yaml says them and as the planner gets them.
/// </summary>
public static class DualInventory
{
    public const string Csv = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n"
        + "db,1,finance,db-0,stretch-1,15,,\n"
        + "db,1,finance,db-1,stretch-1,15,,\n"
        + "web,2,web,web-0,stretch-1,30,db,\n"
        + "erp,1,erp,erp-0,east,15,,west\n"
        + "erp,1,erp,erp-1,east,15,,west\n"
        + "crm,2,crm,crm-0,east,30,,west\n";

    public const string SettingsYaml = """
        dual:
          namespace: openshift-gitops
          hubCluster: local-cluster
          pvcLabel: appname
          drPolicies:
            - name: east-west-5m
              clusters: [east, west]
          apps:
            erp:
              pvcSelector:
                matchLabels: {appname: erp-db}

        """;

    public static DrSettings Settings => DrSettings.Default with
    {
        DualOrNull = new DualSettings("openshift-gitops", "local-cluster", [new DrPolicyPair("east-west-5m", "east", "west")], "appname",
            [new DualAppOverride("erp", [new("appname", "erp-db")])]),
    };

    public static DrPlan Plan => PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Csv), Settings), Settings);
}

