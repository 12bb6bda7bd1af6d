using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using AcmDr.Core.Text;

namespace AcmDr.Core.Doctor;

/// <summary>
/// What the hub must hold before a flip can work: the namespace, a switch with a valid site, the
/// ManagedClusterSetBinding, and a placed, reporting policy for every app and cluster of the plan.
/// </summary>
public static class HubChecks
{
    private const string ApplyPolicies = "acmdr generate, then oc apply -k policies/base";
    private const string ApplyPlacements = "oc apply -k placements/";

    public static IReadOnlyList<Finding> Check(DrPlan plan, HubReading hub)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(hub);
        var ns = hub.Namespace;
        if (!hub.NamespaceExists)
        {
            // Everything else lives in it: one line, not a failure per missing object.
            return [Finding.Fail($"namespace {ns} not found on the hub", $"oc create namespace {ns}, then {ApplyPolicies} and {ApplyPlacements}")];
        }

        var findings = new List<Finding> { Finding.Ok($"namespace {ns} found on the hub") };
        findings.AddRange(SwitchFindings(plan.Settings, hub));
        findings.AddRange(ModeFindings(plan, hub));
        findings.Add(BindingFinding(plan.Settings, hub));
        var roots = new Dictionary<string, HubPolicy>(StringComparer.Ordinal);
        foreach (var policy in hub.Policies.Where(p => p.Namespace == ns))
        {
            roots[policy.Name] = policy;
        }

        var present = plan.Policies.Where(p => roots.ContainsKey(p.Name)).ToList();
        findings.Add(PresenceFinding(plan, present, ns));
        var placed = new List<(PolicyPlan Plan, HubPolicy Hub)>();
        findings.AddRange(PlacementFindings(plan.Settings, hub, present.Select(p => (p, roots[p.Name])), placed));
        findings.AddRange(ComplianceFindings(placed));
        return findings;
    }

    private static List<Finding> SwitchFindings(DrSettings settings, HubReading hub)
    {
        var name = $"switch ConfigMap {hub.Namespace}/{PolicyNames.SwitchConfigMap}";
        if (hub.Switch is not { } data)
        {
            return [Finding.Fail($"{name} not found on the hub", ApplyPolicies)];
        }

        var sites = string.Join(", ", settings.Sites);
        var findings = new List<Finding>();
        var site = data.GetValueOrDefault(SwitchManifest.SiteKey);
        if (string.IsNullOrEmpty(site))
        {
            findings.Add(Finding.Fail($"{name} has no site: no policy is delivered (they fail closed)", $"acmdr flip --to SITE, SITE one of {sites}"));
        }
        else if (!settings.IsSite(site))
        {
            findings.Add(Finding.Fail($"{name} says site '{StatusText.Clean(site)}', not one of the sites {sites}: no policy is delivered (they fail closed)",
                $"acmdr flip --to SITE, SITE one of {sites}"));
        }

        var overrides = data.Where(d => SwitchManifest.IsOverrideKey(d.Key)).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        foreach (var (key, value) in overrides.Where(o => !settings.IsSite(o.Value)))
        {
            var tier = key.StartsWith("tier-", StringComparison.Ordinal);
            findings.Add(Finding.Fail(
                $"{name} says {key} '{StatusText.Clean(value)}', not one of the sites {sites}: that {(tier ? "tier's" : "app's")} policies are not delivered",
                tier ? $"acmdr flip --clear --tier {key["tier-".Length..]}" : $"acmdr flip --clear --app {key["app-".Length..]}"));
        }

        if (findings.Count == 0)
        {
            findings.Add(Finding.Ok($"{name}: site {site}{(overrides.Count == 0 ? string.Empty : ", " + Counted.Of(overrides.Count, "override"))}"));
        }

        // The default (migrate) needs no line; anything else changes what a flip does, so it is said.
        var moveRunning = data.GetValueOrDefault(SwitchManifest.MoveRunningKey);
        if (MoveRunningText.Parse(moveRunning) != MoveRunning.Migrate)
        {
            var (effect, fix) = RunningVms.Effect(moveRunning);
            findings.Add(fix is null ? Finding.Ok($"{name}: {effect}") : Finding.Warn($"{name}: {effect}", fix));
        }

        return findings;
    }

    /// <summary>The dual apps' templates act only on a mode of planned or unplanned; any other value, or none when there are dual apps, changes no DRPC.</summary>
    private static IEnumerable<Finding> ModeFindings(DrPlan plan, HubReading hub)
    {
        if (hub.Switch is not { } data)
        {
            yield break;
        }

        var name = $"switch ConfigMap {hub.Namespace}/{PolicyNames.SwitchConfigMap}";
        var fix = $"acmdr flip --to SITE (every flip writes {SwitchManifest.ModeKey}; --unplanned for a failover)";
        var mode = data.GetValueOrDefault(SwitchManifest.ModeKey);
        if (mode is not null && !SwitchManifest.IsMode(mode))
        {
            yield return Finding.Fail(
                $"{name} says {SwitchManifest.ModeKey} '{StatusText.Clean(mode)}', not {SwitchManifest.PlannedMode} or {SwitchManifest.UnplannedMode}: no dual app's DRPlacementControl is changed (they fail closed)", fix);
        }
        else if (mode is null && plan.HasDual)
        {
            yield return Finding.Fail($"{name} has no {SwitchManifest.ModeKey}: no dual app's DRPlacementControl is changed (they fail closed)", fix);
        }
    }

    private static Finding BindingFinding(DrSettings settings, HubReading hub)
    {
        var set = settings.ClusterSet;
        var name = $"ManagedClusterSetBinding {hub.Namespace}/{set}";
        return hub.Binding switch
        {
            null => Finding.Fail($"{name} not found on the hub: no Placement in {hub.Namespace} can select a cluster", ApplyPlacements),
            { Bound: false } binding => Finding.Fail($"{name} is not Bound{(binding.Reason is { Length: > 0 } reason ? $" ({StatusText.Clean(reason)})" : string.Empty)}",
                $"check that ManagedClusterSet {set} exists and that you may bind it (oc get managedclusterset {set})"),
            { Bound: true } => Finding.Ok($"{name}: Bound"),
            _ => Finding.Ok($"{name} found (the hub reports no Bound condition)"),
        };
    }

    private static Finding PresenceFinding(DrPlan plan, List<PolicyPlan> present, string ns)
    {
        var all = Counted.Of(plan.Policies.Count, "policy", "policies");
        if (present.Count == plan.Policies.Count)
        {
            return Finding.Ok($"{all} of the inventory found in {ns}");
        }

        var missing = plan.Policies.Except(present).Select(p => p.Name).ToList();
        return Finding.Fail($"{missing.Count} of {all} of the inventory not found in {ns}: {NameList.Of(missing)}", ApplyPolicies);
    }

    /// <summary>
    /// A policy is placed when its cluster's Placement decided for that cluster, or when the policy's
    /// status lists the cluster (a hub may clean up decisions it already acted on).
    /// </summary>
    private static IEnumerable<Finding> PlacementFindings(
        DrSettings settings, HubReading hub, IEnumerable<(PolicyPlan Plan, HubPolicy Hub)> present, List<(PolicyPlan Plan, HubPolicy Hub)> placed)
    {
        var placements = hub.Placements.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var unplaced = new List<PolicyPlan>();
        foreach (var (policy, root) in present)
        {
            var decided = placements.TryGetValue(PolicyNames.Placement(policy.Cluster), out var placement) && placement.DecidedClusters.Contains(policy.Cluster, StringComparer.Ordinal);
            if (decided || root.Clusters.Any(c => c.Cluster == policy.Cluster))
            {
                placed.Add((policy, root));
            }
            else
            {
                unplaced.Add(policy);
            }
        }

        if (unplaced.Count == 0)
        {
            return placed.Count == 0 ? [] : [Finding.Ok($"{Counted.Of(placed.Count, "policy", "policies")} placed on {(placed.Count == 1 ? "its" : "their")} cluster")];
        }

        return unplaced.GroupBy(p => p.Cluster).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var placement = $"Placement {hub.Namespace}/{PolicyNames.Placement(g.Key)}";
            var policies = $"{Counted.Of(g.Count(), "policy", "policies")} not placed on {g.Key} ({NameList.Of([.. g.Select(p => p.Name)])})";
            return placements.ContainsKey(PolicyNames.Placement(g.Key))
                ? Finding.Fail($"{placement} selects no cluster {g.Key}: {policies}",
                    $"check that ManagedCluster {g.Key} has the label name={g.Key} and is in ManagedClusterSet {settings.ClusterSet} (oc get managedcluster {g.Key} --show-labels)")
                : Finding.Fail($"{placement} not found on the hub: {policies}", ApplyPlacements);
        });
    }

    private static List<Finding> ComplianceFindings(List<(PolicyPlan Plan, HubPolicy Hub)> placed)
    {
        var silent = new List<PolicyPlan>();
        var notCompliant = new List<string>();
        foreach (var (policy, root) in placed)
        {
            var state = root.Clusters.Where(c => c.Cluster == policy.Cluster).Select(c => c.Compliance).FirstOrDefault();
            if (state == ComplianceState.Unknown)
            {
                silent.Add(policy);
            }
            else if (state != ComplianceState.Compliant)
            {
                notCompliant.Add($"{policy.Name} {state} on {policy.Cluster}");
            }
        }

        var findings = silent.GroupBy(p => p.Cluster).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Finding.Fail(
            $"{Counted.Of(g.Count(), "policy", "policies")} on {g.Key} {(g.Count() == 1 ? "reports" : "report")} no compliance ({NameList.Of([.. g.Select(p => p.Name)])})",
            $"check the policy add-ons of {g.Key} (oc get managedclusteraddons -n {g.Key})")).ToList();
        if (notCompliant.Count > 0)
        {
            findings.Add(Finding.Warn($"{Counted.Of(notCompliant.Count, "policy", "policies")} not compliant: {NameList.Of(notCompliant)}", "acmdr report shows which VMs and why"));
        }

        if (findings.Count == 0 && placed.Count > 0)
        {
            findings.Add(Finding.Ok($"{Counted.Of(placed.Count, "policy", "policies")} {(placed.Count == 1 ? "reports" : "report")} Compliant"));
        }

        return findings;
    }
}
