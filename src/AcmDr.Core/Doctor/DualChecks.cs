using AcmDr.Core.Compliance;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using AcmDr.Core.Text;

namespace AcmDr.Core.Doctor;

/// <summary>
/// What the hub must hold before a flip can move the dual-cluster apps through Ramen: the dual namespace,
/// the hub as a ManagedCluster (their policies are placed on it), each DRPolicy the settings name pairing
/// the clusters they say, and, where a DRPlacementControl already exists, the drPolicyRef, placementRef and
/// pvcSelector acmdr generates: Ramen makes them immutable, so a mismatch keeps the policy non-compliant for ever.
/// </summary>
public static class DualChecks
{
    private const string Settings = "acmdr.yaml's dual settings";

    public static IReadOnlyList<Finding> Check(DrPlan plan, DualReading hub)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(hub);
        if (!plan.HasDual)
        {
            return [];
        }

        var dual = plan.Settings.Dual;
        var apps = plan.Apps.Where(a => a.Dual is not null).ToList();
        var findings = new List<Finding>
        {
            hub.NamespaceExists
                ? Finding.Ok($"dual namespace {hub.Namespace} found on the hub")
                : Finding.Fail($"dual namespace {hub.Namespace} not found on the hub: the dual-cluster apps' Placements and DRPlacementControls cannot be created",
                    $"oc create namespace {hub.Namespace}, or set dual.namespace in acmdr.yaml to the namespace of the apps' Placements, then acmdr generate"),
            hub.HubClusterExists
                ? Finding.Ok($"ManagedCluster {dual.HubCluster} (the hub itself) found: the dual-cluster apps' policies are placed on it")
                : Finding.Fail($"ManagedCluster {dual.HubCluster} not found on the hub: the policies of the dual-cluster apps ({NameList.Of([.. apps.Select(a => a.Policies[0].Name)])}) are placed on it and never run",
                    $"let the hub manage itself (MultiClusterHub spec.disableHubSelfManagement: false), or set dual.hubCluster in acmdr.yaml to the hub's ManagedCluster name (oc get managedclusters), then acmdr generate"),
        };
        findings.AddRange(DrPolicyFindings(dual, hub, apps));
        findings.AddRange(DrpcFindings(hub, apps));
        return findings;
    }

    private static List<Finding> DrPolicyFindings(DualSettings dual, DualReading hub, List<AppPlan> apps)
    {
        var found = hub.DrPolicies.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var findings = new List<Finding>();
        var good = 0;
        foreach (var policy in dual.DrPolicies)
        {
            var users = apps.Where(a => a.Dual!.DrPolicy == policy.Name).Select(a => a.Name).ToList();
            var protects = users.Count == 0 ? "no app of the inventory uses it" : $"dual-cluster app{(users.Count == 1 ? "" : "s")} {NameList.Of(users)} cannot be protected";
            if (!found.TryGetValue(policy.Name, out var live))
            {
                findings.Add(Finding.Fail($"DRPolicy {policy.Name} not found on the hub: {protects}",
                    $"create it with Ramen pairing {policy.ClusterA} and {policy.ClusterB} (OpenShift: Data Foundation, Disaster Recovery, Create DRPolicy), or correct dual.drPolicies in acmdr.yaml (oc get drpolicies)"));
                continue;
            }

            var clusters = live.DrClusters.Order(StringComparer.Ordinal).ToList();
            if (clusters.Count == 2 && policy.Pairs(clusters[0], clusters[1]))
            {
                good++;
                continue;
            }

            var pairs = clusters.Count == 0 ? "no clusters" : StatusText.Clean(string.Join(", ", clusters));
            findings.Add(Finding.Fail($"DRPolicy {policy.Name} pairs {pairs} on the hub, acmdr.yaml says {policy.ClusterA} and {policy.ClusterB}: {protects}",
                $"name in dual.drPolicies of acmdr.yaml the DRPolicy that pairs {policy.ClusterA} and {policy.ClusterB} (a DRPolicy's drClusters cannot be changed; oc get drpolicies), then acmdr generate"));
        }

        if (good > 0)
        {
            findings.Insert(0, Finding.Ok($"{Counted.Of(good, "DRPolicy", "DRPolicies")} of {Settings} found, pairing the clusters they say"));
        }

        return findings;
    }

    private static List<Finding> DrpcFindings(DualReading hub, List<AppPlan> apps)
    {
        if (!hub.NamespaceExists)
        {
            return [];
        }

        var live = hub.Drpcs.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var findings = new List<Finding>();
        var matching = 0;
        var absent = 0;
        foreach (var app in apps)
        {
            var plan = app.Dual!;
            if (!live.TryGetValue(plan.Name, out var drpc))
            {
                absent++;
                continue;
            }

            var problems = DrpcMismatches.Of(app, drpc).ToList();
            matching += problems.Count == 0 ? 1 : 0;
            findings.AddRange(problems);
        }

        if (findings.Count == 0)
        {
            var yet = absent == 0 ? string.Empty : $" ({absent} not created yet: {(absent == 1 ? "its policy creates it" : "their policies create them")})";
            findings.Add(Finding.Ok($"{Counted.Of(matching, "DRPlacementControl")} in {hub.Namespace} {(matching == 1 ? "has" : "have")} the drPolicyRef, placementRef and pvcSelector acmdr generates{yet}"));
        }

        return findings;
    }
}
