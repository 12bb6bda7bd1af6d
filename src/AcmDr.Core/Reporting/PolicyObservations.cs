using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Reporting;

/// <summary>
/// Matches root and replicated policies into one observation per root policy and cluster, and reads
/// the workloads a policy carries from its labels and annotations.
/// </summary>
public static class PolicyObservations
{
    public const string RootPolicyLabel = "policy.open-cluster-management.io/root-policy";
    public const string ClusterNameLabel = "policy.open-cluster-management.io/cluster-name";

    public static IReadOnlyList<PolicyObservation> From(HubSnapshot snapshot, string hubNamespace)
    {
        var prefix = hubNamespace + ".";
        var replicated = new Dictionary<(string Root, string Cluster), HubPolicy>();
        foreach (var policy in snapshot.Policies)
        {
            if (policy.Labels.TryGetValue(RootPolicyLabel, out var root) && root.StartsWith(prefix, StringComparison.Ordinal)
                && policy.Labels.TryGetValue(ClusterNameLabel, out var cluster))
            {
                replicated[(root[prefix.Length..], cluster)] = policy;
            }
        }

        var observations = new Dictionary<(string Root, string Cluster), PolicyObservation>();
        foreach (var root in Roots(snapshot, hubNamespace))
        {
            foreach (var (cluster, compliance) in root.Clusters)
            {
                replicated.TryGetValue((root.Name, cluster), out var copy);
                observations[(root.Name, cluster)] = Observation(root.Name, cluster, compliance, copy);
            }
        }

        // A replicated policy whose root was not dumped (or does not list the cluster yet) still tells.
        foreach (var ((root, cluster), copy) in replicated)
        {
            observations.TryAdd((root, cluster), Observation(root, cluster, copy.Compliance, copy));
        }

        return observations.Values.ToList();
    }

    /// <summary>The VMs the policies carry: from root policies, or from replicated ones whose root is missing.</summary>
    public static (IReadOnlyList<Workload> Workloads, IReadOnlyList<string> Problems) Workloads(HubSnapshot snapshot, string hubNamespace)
    {
        var carriers = new Dictionary<string, HubPolicy>(StringComparer.Ordinal);
        foreach (var root in Roots(snapshot, hubNamespace))
        {
            carriers[root.Name] = root;
        }

        var prefix = hubNamespace + ".";
        foreach (var policy in snapshot.Policies)
        {
            if (policy.Labels.TryGetValue(RootPolicyLabel, out var root) && root.StartsWith(prefix, StringComparison.Ordinal))
            {
                carriers.TryAdd(root[prefix.Length..], policy);
            }
        }

        var workloads = new List<Workload>();
        var problems = new List<string>();
        var drpcsByApp = snapshot.Drpcs.Where(d => d.App is not null).GroupBy(d => d.App!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var drpcTemplates = snapshot.Policies.SelectMany(p => p.Templates).Select(t => t.Template)
            .Where(t => t.EndsWith("-drpc", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, policy) in carriers.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var labels = policy.Labels;
            labels.TryGetValue(PolicyNames.AppLabel, out var app);
            labels.TryGetValue(PolicyNames.ClusterLabel, out var cluster);
            policy.Annotations.TryGetValue(PolicyNames.VmsAnnotation, out var vms);
            if (app is null || cluster is null || vms is null || !labels.TryGetValue(PolicyNames.TierLabel, out var tierText)
                || !int.TryParse(tierText, NumberStyles.None, CultureInfo.InvariantCulture, out var tier))
            {
                problems.Add($"policy {name} lacks the acmdr labels or the {PolicyNames.VmsAnnotation} annotation; its VMs are not reported");
                continue;
            }

            int? rto = policy.Annotations.TryGetValue(PolicyNames.RtoAnnotation, out var rtoText)
                && int.TryParse(rtoText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;
            foreach (var vm in vms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var slash = vm.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == vm.Length - 1)
                {
                    problems.Add($"policy {name}: '{vm}' in {PolicyNames.VmsAnnotation} is not namespace/name");
                    continue;
                }

                workloads.Add(new Workload(app, tier, vm[..slash], vm[(slash + 1)..], cluster, rto, DualOf(drpcsByApp, drpcTemplates, name, app)));
            }
        }

        return (workloads, problems);
    }

    /// <summary>
    /// A dual-cluster app's policy (a <c>-drpc</c> template, or a DRPC of its app): its VMs are told by the DRPC. Without the
    /// inventory its clusters are not known; the DRPC's target-cluster annotation stands in.
    /// </summary>
    private static DualWorkload? DualOf(Dictionary<string, DrpcObservation> drpcsByApp, HashSet<string> drpcTemplates, string name, string app)
    {
        var drpc = drpcsByApp.GetValueOrDefault(app);
        return drpc is not null || drpcTemplates.Contains(PolicyNames.DrpcTemplate(name))
            ? new DualWorkload(drpc?.Name ?? PolicyNames.DualResource(app), null, null, [])
            : null;
    }

    private static IEnumerable<HubPolicy> Roots(HubSnapshot snapshot, string hubNamespace) =>
        snapshot.Policies.Where(p => p.Namespace == hubNamespace && !p.Labels.ContainsKey(RootPolicyLabel));

    private static PolicyObservation Observation(string root, string cluster, ComplianceState compliance, HubPolicy? copy)
    {
        TemplateObservation? Template(string name) =>
            copy?.Templates.FirstOrDefault(t => t.Template == name).Status;
        return new PolicyObservation(root, cluster, compliance,
            Template(PolicyNames.SiteTemplate(root)), Template(PolicyNames.RunningTemplate(root)));
    }
}
