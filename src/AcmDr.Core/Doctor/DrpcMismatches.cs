using AcmDr.Core.Compliance;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Doctor;

/// <summary>
/// Where a live DRPlacementControl differs from what acmdr generates in a field Ramen makes immutable: one
/// finding per field, each saying that the app's policy can never be compliant and how to get out of it.
/// </summary>
internal static class DrpcMismatches
{
    public static IEnumerable<Finding> Of(AppPlan app, DrpcReading drpc)
    {
        var dual = app.Dual!;
        var policy = app.Policies[0].Name;
        var name = $"DRPlacementControl {dual.Namespace}/{dual.Name}";
        var recreate = $"disable and re-enable DR for app {app.Name} as Ramen's docs describe (oc delete drplacementcontrol {dual.Name} -n {dual.Namespace} while the app runs on {dual.Home}; policy {policy} creates it again)";
        string Stuck(string field, string has, string generates) =>
            $"{name} has {field} {has}, acmdr generates {generates}: {field} is immutable in Ramen, so policy {policy} can never be compliant";

        if (drpc.DrPolicy != dual.DrPolicy)
        {
            yield return Finding.Fail(Stuck("drPolicyRef", Shown(drpc.DrPolicy), dual.DrPolicy),
                $"if {Shown(drpc.DrPolicy)} pairs {dual.Home} and {dual.Peer}, name it in dual.drPolicies of acmdr.yaml instead of {dual.DrPolicy} and acmdr generate, or {recreate}");
        }

        var kind = drpc.PlacementKind ?? "Placement";
        var ns = string.IsNullOrEmpty(drpc.PlacementNamespace) ? dual.Namespace : drpc.PlacementNamespace;
        if (kind != "Placement" || drpc.PlacementName != dual.Name || ns != dual.Namespace)
        {
            yield return Finding.Fail(Stuck("placementRef", $"{Shown(kind)} {Shown(ns)}/{Shown(drpc.PlacementName)}", $"Placement {dual.Namespace}/{dual.Name}"),
                $"acmdr names the Placement after the app, so {recreate}");
        }

        var wanted = dual.PvcMatchLabels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        var has = drpc.PvcMatchLabels.OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        if (drpc.PvcMatchExpressions > 0 || !wanted.SequenceEqual(has))
        {
            var expressions = drpc.PvcMatchExpressions > 0 ? $" and {drpc.PvcMatchExpressions} matchExpressions" : string.Empty;
            yield return Finding.Fail(Stuck("pvcSelector", $"matchLabels {Labels(has)}{expressions}", $"matchLabels {Labels(wanted)}"),
                drpc.PvcMatchExpressions == 0 && has.Count > 0
                    ? $"set dual.apps.{app.Name}.pvcSelector.matchLabels in acmdr.yaml to {Labels(has)} and acmdr generate, or {recreate}"
                    : $"label the app's PVCs {Labels(wanted)}, then {recreate}");
        }
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(none)" : StatusText.Clean(value);

    private static string Labels(List<KeyValuePair<string, string>> labels) =>
        labels.Count == 0 ? "{}" : "{" + string.Join(", ", labels.Select(l => $"{StatusText.Clean(l.Key)}: {StatusText.Clean(l.Value)}")) + "}";
}
