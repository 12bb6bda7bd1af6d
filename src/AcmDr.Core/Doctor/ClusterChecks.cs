using AcmDr.Core.Planning;
using AcmDr.Core.Text;

namespace AcmDr.Core.Doctor;

/// <summary>
/// What a managed cluster must have before a flip can move its VMs: Ready nodes at every site,
/// KubeVirt set up to live-migrate (see <see cref="KubeVirtChecks"/>), and the inventory's VMs.
/// </summary>
public static class ClusterChecks
{
    public static IReadOnlyList<Finding> Check(DrPlan plan, ClusterReading cluster)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(cluster);
        var subject = $"cluster {cluster.Cluster}";
        var label = plan.Settings.SiteLabel;
        var findings = new List<Finding>();
        var readyPerSite = new List<int>();
        foreach (var site in plan.Settings.Sites)
        {
            var nodes = cluster.Nodes.Where(n => n.Site == site).ToList();
            var ready = nodes.Count(n => n.Ready);
            if (ready > 0)
            {
                readyPerSite.Add(ready);
                findings.Add(Finding.Ok($"{subject}: {Counted.Of(nodes.Count, "node")} at site {site} ({ready} Ready)"));
                continue;
            }

            var labelled = nodes.Count == 0 ? $"no node labelled {label}={site}" : $"{Counted.Of(nodes.Count, "node")} labelled {label}={site}, none Ready";
            findings.Add(Finding.Fail($"{subject}: no Ready node at site {site} ({labelled}): VMs sent there cannot run",
                $"oc label node NODE {label}={site} for each node of site {site}"));
        }

        var policies = plan.Policies.Where(p => p.Cluster == cluster.Cluster && p.Dual is null).ToList();
        var largest = policies.GroupBy(p => p.Tier)
            .Select(g => new TierLoad(g.Key, g.Sum(p => p.Vms.Count)))
            .OrderByDescending(t => t.Vms).ThenBy(t => t.Tier)
            .FirstOrDefault();
        findings.AddRange(KubeVirtChecks.Check(subject, cluster.KubeVirts, largest, readyPerSite.Count == 0 ? null : readyPerSite.Min()));

        var vms = policies.SelectMany(p => p.Vms).ToList();
        var missing = vms.Where(vm => !cluster.FoundVms.Contains(vm)).Select(vm => vm.ToString()).ToList();
        findings.Add(missing.Count == 0
            ? Finding.Ok($"{subject}: {Counted.Of(vms.Count, "VM")} of the inventory found")
            : Finding.Fail($"{subject}: {missing.Count} of {Counted.Of(vms.Count, "VM")} of the inventory not found ({NameList.Of(missing)})",
                $"create them, correct the inventory's cluster column, or give this cluster's context as --managed-context {cluster.Cluster}=CONTEXT"));
        return findings;
    }
}
