using AcmDr.Core.Manifests;

namespace AcmDr.Core.Managed;

/// <summary>
/// Break glass as a kustomize directory for <c>oc apply -k</c>: one folder per tier, each VM a partial
/// VirtualMachine holding only its name and the site nodeSelector key. kustomize can only patch
/// resources it is given and the VMs live only on the cluster, so the partial objects are the
/// resources. Applying one merges into the live VM (three-way merge: fields it does not mention are
/// kept); on a cluster without that VM the create is rejected, since the VM schema requires
/// <c>spec.template.spec.domain</c>, so it cannot create a half VM.
/// </summary>
public static class BreakGlassManifests
{
    public const string Kustomization = "kustomization.yaml";

    public static string TierDirectory(int tier) => $"tier-{tier.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Namespaces and names are DNS-1123 labels, which have no dot: the file name is unambiguous.</summary>
    public static string VmFile(ScopedVm vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return $"{vm.Vm.Namespace}.{vm.Vm.Name}.yaml";
    }

    public static Mapping PartialVm(ScopedVm vm, string siteLabel, string site)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return new Mapping()
            .Add("apiVersion", "kubevirt.io/v1")
            .Add("kind", "VirtualMachine")
            .Add("metadata", new Mapping().Add("name", vm.Vm.Name).Add("namespace", vm.Vm.Namespace))
            .Add("spec", new Mapping()
                .Add("template", new Mapping()
                    .Add("spec", new Mapping()
                        .Add("nodeSelector", new Mapping().Add(siteLabel, site)))));
    }

    public static Mapping KustomizationOf(IEnumerable<string> resources) =>
        new Mapping()
            .Add("apiVersion", "kustomize.config.k8s.io/v1beta1")
            .Add("kind", "Kustomization")
            .Add("resources", Sequence.Of(resources));

    /// <summary>Every file of the directory, path relative to it, as manifest documents.</summary>
    public static IReadOnlyList<(string Path, Mapping Document)> Directory(IReadOnlyList<ScopedVm> scope, string siteLabel, string site)
    {
        var files = new List<(string, Mapping)>();
        var tiers = ManagedScope.ByTier(scope);
        files.Add((Kustomization, KustomizationOf(tiers.Select(t => TierDirectory(t.Key)))));
        foreach (var tier in tiers)
        {
            var dir = TierDirectory(tier.Key);
            files.Add(($"{dir}/{Kustomization}", KustomizationOf(tier.Select(VmFile))));
            files.AddRange(tier.Select(vm => ($"{dir}/{VmFile(vm)}", PartialVm(vm, siteLabel, site))));
        }

        return files;
    }
}
