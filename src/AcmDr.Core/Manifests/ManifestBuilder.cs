using System.Globalization;
using AcmDr.Core.Planning;

namespace AcmDr.Core.Manifests;

/// <summary>Every file <c>acmdr generate</c> writes, with paths relative to the output directory.</summary>
public static class ManifestBuilder
{
    public const string PoliciesDir = "policies";
    public const string PlacementsDir = "placements";
    public const string BaseDir = "policies/base";

    public static IReadOnlyList<GeneratedFile> Build(DrPlan plan, SwitchState state)
    {
        var settings = plan.Settings;
        var files = new List<GeneratedFile>();
        var baseResources = new List<string>();

        void AddBase(string relative, Mapping document)
        {
            files.Add(new GeneratedFile($"{BaseDir}/{relative}", [document]));
            baseResources.Add(relative);
        }

        AddBase($"{PolicyNames.SwitchConfigMap}.yaml", SwitchManifest.Build(settings, state));
        foreach (var set in plan.PolicySets)
        {
            AddBase($"policyset-{set.Name["dr-".Length..]}.yaml", PlacementManifests.PolicySet(settings, set));
        }

        foreach (var policy in plan.Policies)
        {
            AddBase($"tier-{policy.Tier.ToString(CultureInfo.InvariantCulture)}/{policy.Name}.yaml", PolicyManifest.Build(settings, policy));
        }

        files.Add(new GeneratedFile($"{BaseDir}/kustomization.yaml", [KustomizeManifests.Base(baseResources)]));

        foreach (var site in settings.Sites.Skip(1))
        {
            files.Add(new GeneratedFile($"{PoliciesDir}/overlays/{KustomizeManifests.OverlayDirectory(site)}/kustomization.yaml",
                [KustomizeManifests.SiteOverlay(settings, site)]));
        }

        files.Add(new GeneratedFile($"{PoliciesDir}/rbac/acmdr-flip.yaml", [RbacManifests.Role(settings), RbacManifests.RoleBinding(settings)]));
        files.Add(new GeneratedFile($"{PoliciesDir}/rbac/kustomization.yaml", [KustomizeManifests.Base(["acmdr-flip.yaml"])]));

        var placementResources = new List<string>();
        foreach (var cluster in plan.Clusters)
        {
            var policies = plan.Policies.Where(p => p.Cluster == cluster).Select(p => p.Name);
            files.Add(new GeneratedFile($"{PlacementsDir}/placement-{cluster}.yaml", [PlacementManifests.Placement(settings, cluster)]));
            files.Add(new GeneratedFile($"{PlacementsDir}/binding-{cluster}.yaml", [PlacementManifests.Binding(settings, cluster, policies)]));
            placementResources.Add($"placement-{cluster}.yaml");
            placementResources.Add($"binding-{cluster}.yaml");
        }

        files.Add(new GeneratedFile($"{PlacementsDir}/managedclustersetbinding.yaml", [PlacementManifests.ClusterSetBinding(settings)]));
        placementResources.Add("managedclustersetbinding.yaml");
        files.Add(new GeneratedFile($"{PlacementsDir}/kustomization.yaml", [KustomizeManifests.Base(placementResources)]));

        return files;
    }
}
