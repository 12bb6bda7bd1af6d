namespace AcmDr.Core.Planning;

/// <summary>
/// The policies a policy's <c>-move</c> template waits for on the managed cluster: those its dependencies name
/// (the previous tier present on its cluster, through the tier's PolicySet, and its app's <c>depends_on</c>), on
/// its cluster. ACM gates on a dependency's last reported compliance, which right after a flip is still the
/// compliance from before it, so the template also checks on the cluster that those policies' VMs run where
/// their own site is (see <see cref="Manifests.MoveTemplates"/>).
/// </summary>
public sealed class MoveGates(DrPlan plan)
{
    private readonly Dictionary<string, PolicyPlan> policies = plan.Policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, TierSetPlan> sets = plan.PolicySets.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyList<PolicyPlan> Of(PolicyPlan policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Dependencies
            .SelectMany(d => d.Kind == PolicyDependency.PolicySetKind ? sets[d.Name].Policies : [d.Name])
            .Select(name => policies[name])
            .Where(p => p.Cluster == policy.Cluster)
            .Distinct()
            .ToList();
    }
}
