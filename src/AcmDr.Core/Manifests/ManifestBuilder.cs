using System.Globalization;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Manifests;

/// <summary>Every file <c>acmdr generate</c> writes, with paths relative to the output directory.</summary>
public static class ManifestBuilder
{
    public const string PoliciesDir = "policies";
    public const string PlacementsDir = "placements";
    public const string BaseDir = "policies/base";

    public static IReadOnlyList<GeneratedFile> Build(DrPlan plan, SwitchState state) => Enumerate(plan, state).ToList();

    /// <summary>
    /// The same files as <see cref="Build"/>, each built only when asked for: a caller that renders
    /// and writes them one by one holds one policy's tree at a time, not 100,000 VMs' worth.
    /// </summary>
    public static IEnumerable<GeneratedFile> Enumerate(DrPlan plan, SwitchState state)
    {
        var settings = plan.Settings;
        var baseResources = new List<string>();

        GeneratedFile Base(string relative, Mapping document)
        {
            baseResources.Add(relative);
            return new GeneratedFile($"{BaseDir}/{relative}", [document]);
        }

        yield return Base($"{PolicyNames.SwitchConfigMap}.yaml", SwitchManifest.Build(settings, state));
        foreach (var set in plan.PolicySets)
        {
            yield return Base($"policyset-{set.Name["dr-".Length..]}.yaml", PlacementManifests.PolicySet(settings, set));
        }

        foreach (var policy in plan.Policies)
        {
            yield return Base($"tier-{policy.Tier.ToString(CultureInfo.InvariantCulture)}/{policy.Name}.yaml", PolicyManifest.Build(settings, policy));
        }

        yield return new GeneratedFile($"{BaseDir}/kustomization.yaml", [KustomizeManifests.Base(baseResources)]);

        foreach (var site in settings.Sites.Skip(1))
        {
            yield return new GeneratedFile($"{PoliciesDir}/overlays/{KustomizeManifests.OverlayDirectory(site)}/kustomization.yaml",
                [KustomizeManifests.SiteOverlay(settings, site)]);
        }

        yield return new GeneratedFile($"{PoliciesDir}/rbac/acmdr-flip.yaml", [RbacManifests.Role(settings), RbacManifests.RoleBinding(settings)]);
        yield return new GeneratedFile($"{PoliciesDir}/rbac/kustomization.yaml", [KustomizeManifests.Base(["acmdr-flip.yaml"])]);

        var placementResources = new List<string>();
        foreach (var cluster in plan.Clusters)
        {
            var policies = plan.Policies.Where(p => p.Cluster == cluster).Select(p => p.Name);
            yield return new GeneratedFile($"{PlacementsDir}/placement-{cluster}.yaml", [PlacementManifests.Placement(settings, cluster)]);
            yield return new GeneratedFile($"{PlacementsDir}/binding-{cluster}.yaml", [PlacementManifests.Binding(settings, cluster, policies)]);
            placementResources.Add($"placement-{cluster}.yaml");
            placementResources.Add($"binding-{cluster}.yaml");
        }

        yield return new GeneratedFile($"{PlacementsDir}/managedclustersetbinding.yaml", [PlacementManifests.ClusterSetBinding(settings)]);
        placementResources.Add("managedclustersetbinding.yaml");
        yield return new GeneratedFile($"{PlacementsDir}/kustomization.yaml", [KustomizeManifests.Base(placementResources)]);
    }
}
