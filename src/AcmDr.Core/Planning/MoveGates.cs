using System.Globalization;

namespace AcmDr.Core.Planning;

/// <summary>
/// A group of VMs a policy's <c>-move</c> template waits for on its cluster, found there by one label
/// (<see cref="PolicyNames.TierLabel"/> or <see cref="PolicyNames.AppLabel"/>, which every VM's <c>-site</c>
/// template sets) and counted, so a VM whose label is not there yet holds the gate closed too.
/// </summary>
public sealed record MoveGate(string LabelKey, string LabelValue, int Count)
{
    public string Selector => $"{LabelKey}={LabelValue}";
}

/// <summary>
/// What a policy's <c>-move</c> template waits for on the managed cluster: the groups its dependencies name
/// (the previous tier present on its cluster, through the tier's PolicySet, and its app's <c>depends_on</c>), on
/// its cluster. ACM gates on a dependency's last reported compliance, which right after a flip is still the
/// compliance from before it, so the template checks on the cluster that those VMs run where their site is
/// (see <see cref="Manifests.MoveTemplates"/>). A gate is one selector, so the template's size does not grow
/// with the size of the tier waited for.
/// </summary>
public sealed class MoveGates(DrPlan plan)
{
    private readonly Dictionary<string, PolicyPlan> policies = plan.Policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, TierSetPlan> sets = plan.PolicySets.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyList<MoveGate> Of(PolicyPlan policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Dual is not null)
        {
            return OfDual(policy);
        }

        var gates = new List<MoveGate>();
        foreach (var dependency in policy.Dependencies)
        {
            if (dependency.Kind == PolicyDependency.PolicySetKind)
            {
                var set = sets[dependency.Name];
                var count = set.Policies.Select(name => policies[name]).Where(p => p.Cluster == policy.Cluster && p.Dual is null).Sum(p => p.Vms.Count);
                gates.Add(new MoveGate(PolicyNames.TierLabel, set.Tier.ToString(CultureInfo.InvariantCulture), count));
            }
            else if (policies[dependency.Name] is { } app && app.Cluster == policy.Cluster && app.Dual is null)
            {
                gates.Add(new MoveGate(PolicyNames.AppLabel, app.App, app.Vms.Count));
            }
        }

        return gates;
    }

    /// <summary>
    /// What a dual app's <c>-drpc</c> template waits for: the DRPlacementControls of the dual apps its dependencies name
    /// (all on the hub cluster), found in the dual namespace by the tier or app label its <c>-drpc</c> template sets, and
    /// counted in apps: one DRPC each (see <see cref="Manifests.DualTemplates"/>).
    /// </summary>
    private List<MoveGate> OfDual(PolicyPlan policy)
    {
        var gates = new List<MoveGate>();
        foreach (var dependency in policy.Dependencies)
        {
            if (dependency.Kind == PolicyDependency.PolicySetKind)
            {
                var set = sets[dependency.Name];
                var count = set.Policies.Select(name => policies[name]).Count(p => p.Cluster == policy.Cluster && p.Dual is not null);
                if (count > 0)
                {
                    gates.Add(new MoveGate(PolicyNames.TierLabel, set.Tier.ToString(CultureInfo.InvariantCulture), count));
                }
            }
            else if (policies[dependency.Name] is { Dual: not null } app && app.Cluster == policy.Cluster)
            {
                gates.Add(new MoveGate(PolicyNames.AppLabel, app.App, 1));
            }
        }

        return gates;
    }
}
