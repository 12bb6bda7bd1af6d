using System.Text;
using System.Text.Json;
using AcmDr.Cli.Report;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using YamlDotNet.Serialization;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// A mixed inventory (db stretched on stretch-1; erp tier 1 and crm tier 2 dual between east and west) with its settings
/// built in code, and a kubectl-style dump of its policies, switch and DRPCs as a hub shows them after a flip to DR.
/// </summary>
internal static class DualFixture
{
    public static readonly DateTimeOffset Flip = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    public static readonly DrSettings Settings = DrSettings.Default with
    {
        DualOrNull = DualSettings.Default with { DrPolicies = [new DrPolicyPair("east-west-5m", "east", "west")] },
    };

    public const string Inventory = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n"
        + "db,1,finance,db-0,stretch-1,15,,\n"
        + "erp,1,erp,erp-0,east,20,,west\n"
        + "erp,1,erp,erp-1,east,20,,west\n"
        + "crm,2,crm,crm-0,east,30,,west\n";

    public static DrPlan Plan() =>
        PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Inventory), Settings), Settings);

    public static ReportScope Scope(string? to = "DR", IReadOnlyList<string>? apps = null) =>
        new(Settings, "acmdr", ReportInputs.WorkloadsOf(Plan()), to, Flip, apps ?? [], [], "apps.csv");

    /// <summary>
    /// A DRPC as Ramen writes it after acmdr's -drpc template sent it to west (a Relocate unless told otherwise):
    /// <c>status.preferredDecision</c> stays at east, the first deployment's cluster (Ramen writes it only when empty),
    /// and the conditions carry the generation Ramen saw.
    /// </summary>
    public static string DrpcYaml(string name, string app, int tier, string phase, string progression, string available,
        string started, string duration, string synced, string action = "Relocate", string cluster = "preferredCluster: west", string peerReady = "True") => $"""
        - apiVersion: ramendr.openshift.io/v1alpha1
          kind: DRPlacementControl
          metadata:
            annotations:
              acmdr.io/switch-version: "4711"
              acmdr.io/target-cluster: west
            generation: 2
            labels:
              acmdr.io/app: {app}
              acmdr.io/tier: "{tier}"
              app.kubernetes.io/managed-by: acmdr
            managedFields:
            - apiVersion: ramendr.openshift.io/v1alpha1
              fieldsType: FieldsV1
              manager: manager
            name: {name}
            namespace: openshift-gitops
          spec:
            action: {action}
            drPolicyRef:
              name: east-west-5m
            placementRef:
              kind: Placement
              name: {name}
              namespace: openshift-gitops
            {cluster}
            pvcSelector:
              matchLabels:
                appname: {app}
          status:
            actionDuration: {duration}
            actionStartTime: "{started}"
            conditions:
            - lastTransitionTime: "2026-11-25T19:05:30Z"
              message: Relocated
              observedGeneration: 2
              reason: Relocated
              status: "{available}"
              type: Available
            - lastTransitionTime: "2026-11-25T18:00:00Z"
              message: Ready
              observedGeneration: 2
              reason: Success
              status: "{peerReady}"
              type: PeerReady
            lastGroupSyncTime: "{synced}"
            observedGeneration: 2
            phase: {phase}
            preferredDecision:
              clusterName: east
              clusterNamespace: east
            progression: {progression}

        """;

    /// <summary>The whole hub as one <c>kubectl get -o yaml</c> List: db's policies, erp's and crm's hub-local ones, the switch, the DRPCs.</summary>
    public static string Yaml()
    {
        var policies = new HubDump()
            .Switch("DR", null, ("mode", "planned"))
            .Root("dr-db", "db", 1, "finance/db-0", 15, ("stretch-1", "Compliant"))
            .Replicated("dr-db", "db", 1, "stretch-1", "Compliant",
                [HubDump.Entry("2026-11-25T19:01:00Z", "Compliant; notification - virtualmachines [db-0] found as specified in namespace finance")],
                [HubDump.Entry("2026-11-25T19:06:00Z", HubDump.Running("db-0", "finance"))])
            .Root("dr-erp", "erp", 1, "erp/erp-0,erp/erp-1", 20, ("local-cluster", "Compliant"))
            .Root("dr-crm", "crm", 2, "crm/crm-0", 30, ("local-cluster", "NonCompliant"))
            .Yaml();
        var items = DrpcYaml("dr-erp", "erp", 1, "Relocated", "Completed", "True", "2026-11-25T19:01:00Z", "4m30s", "2026-11-25T19:00:30Z")
            + DrpcYaml("dr-crm", "crm", 2, "Relocating", "WaitForReadiness", "False", "2026-11-25T19:06:00Z", "\"\"", "2026-11-25T19:05:00Z");
        // As kubectl writes a List: apiVersion, the items (DRPCs first), then 'kind: List' and the metadata.
        const string Items = "\nitems:\n";
        var from = policies.IndexOf(Items, StringComparison.Ordinal) + Items.Length;
        var to = policies.IndexOf("\nmetadata:\n", from, StringComparison.Ordinal) + 1;
        return "apiVersion: v1\nitems:\n" + items + policies[from..to] + "kind: List\nmetadata:\n  resourceVersion: \"\"\n";
    }

    /// <summary>The same hub as <c>kubectl get -o json</c>.</summary>
    public static string Json()
    {
        var tree = new DeserializerBuilder().Build().Deserialize<object>(Yaml());
        return JsonSerializer.Serialize(tree, Indented);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
