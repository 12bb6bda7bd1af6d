using System.Globalization;
using System.Text;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Manifests;

/// <summary>Every file <c>acmdr generate</c> writes, with paths relative to the output directory.</summary>
public static class ManifestBuilder
{
    public const string PoliciesDir = "policies";
    public const string PlacementsDir = "placements";
    public const string BaseDir = "policies/base";
    public const string DualDir = "dual";

    /// <summary>Every file's path, in order, with its documents still to build (see <see cref="PendingFile"/>).</summary>
    public static IReadOnlyList<PendingFile> Pending(DrPlan plan, SwitchState state)
    {
        var settings = plan.Settings;
        var files = new List<PendingFile>(plan.Policies.Count + plan.PolicySets.Count + (4 * plan.Clusters.Count) + 8);
        var baseResources = new List<string>();

        void Add(string relative, Func<IReadOnlyList<Mapping>> documents) => files.Add(new PendingFile(relative, _ => documents()));

        void Base(string relative, Func<StringBuilder, Mapping> document)
        {
            baseResources.Add(relative);
            files.Add(new PendingFile($"{BaseDir}/{relative}", scratch => [document(scratch)]));
        }

        Base($"{PolicyNames.SwitchConfigMap}.yaml", _ => SwitchManifest.Build(settings, state));
        foreach (var set in plan.PolicySets)
        {
            Base($"policyset-{set.Name["dr-".Length..]}.yaml", _ => PlacementManifests.PolicySet(settings, set));
        }

        var gates = new MoveGates(plan);
        foreach (var policy in plan.Policies)
        {
            Base($"tier-{policy.Tier.ToString(CultureInfo.InvariantCulture)}/{policy.Name}.yaml", scratch => PolicyManifest.Build(settings, policy, scratch, gates.Of(policy)));
        }

        Add($"{BaseDir}/kustomization.yaml", () => [KustomizeManifests.Base(baseResources)]);

        foreach (var site in settings.Sites.Skip(1))
        {
            Add($"{PoliciesDir}/overlays/{KustomizeManifests.OverlayDirectory(site)}/kustomization.yaml",
                () => [KustomizeManifests.SiteOverlay(settings, site)]);
        }

        Add($"{PoliciesDir}/rbac/acmdr-flip.yaml", () => [RbacManifests.Role(settings), RbacManifests.RoleBinding(settings)]);
        Add($"{PoliciesDir}/rbac/kustomization.yaml", () => [KustomizeManifests.Base(["acmdr-flip.yaml"])]);

        var placementResources = new List<string>();
        foreach (var cluster in plan.Clusters)
        {
            Add($"{PlacementsDir}/placement-{cluster}.yaml", () => [PlacementManifests.Placement(settings, cluster)]);
            Add($"{PlacementsDir}/binding-{cluster}.yaml",
                () => [PlacementManifests.Binding(settings, cluster, plan.Policies.Where(p => p.Cluster == cluster).Select(p => p.Name))]);
            placementResources.Add($"placement-{cluster}.yaml");
            placementResources.Add($"binding-{cluster}.yaml");
        }

        Add($"{PlacementsDir}/managedclustersetbinding.yaml", () => [PlacementManifests.ClusterSetBinding(settings)]);
        placementResources.Add("managedclustersetbinding.yaml");
        if (plan.HasDual)
        {
            DualPlacements(plan, Add);
            placementResources.Add(DualDir);
        }

        Add($"{PlacementsDir}/kustomization.yaml", () => [KustomizeManifests.Base(placementResources)]);
        return files;
    }

    /// <summary>The dual apps' Placements (and the cluster set's binding in their namespace) in a kustomization of their own.</summary>
    private static void DualPlacements(DrPlan plan, Action<string, Func<IReadOnlyList<Mapping>>> add)
    {
        var settings = plan.Settings;
        var resources = new List<string>();
        foreach (var policy in plan.Policies)
        {
            if (policy.Dual is { } dual)
            {
                add($"{PlacementsDir}/{DualDir}/{dual.Name}.yaml", () => [DualManifests.Placement(settings, dual, policy.App)]);
                resources.Add($"{dual.Name}.yaml");
            }
        }

        if (DualManifests.NeedsClusterSetBinding(settings))
        {
            add($"{PlacementsDir}/{DualDir}/managedclustersetbinding.yaml", () => [DualManifests.ClusterSetBinding(settings)]);
            resources.Add("managedclustersetbinding.yaml");
        }

        add($"{PlacementsDir}/{DualDir}/kustomization.yaml", () => [KustomizeManifests.Base(resources)]);
    }
}
