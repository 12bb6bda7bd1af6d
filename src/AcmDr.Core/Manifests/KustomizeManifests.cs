using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Manifests;

/// <summary>Kustomizations: the bases, and one overlay per non-home site that changes only the switch.</summary>
public static class KustomizeManifests
{
    public static Mapping Base(IEnumerable<string> resources) =>
        Head().Add("resources", Sequence.Of(Meta.Sorted(resources)));

    /// <summary>
    /// The state "everything at <paramref name="site"/>" as a one-line delta on the base: a JSON patch
    /// replacing the switch's <c>site</c> value, which a reviewer can check at a glance.
    /// </summary>
    public static Mapping SiteOverlay(DrSettings settings, string site)
    {
        // Site names are validated label values; JSON-quoting keeps a site such as "1" a string.
        var patch = "- op: replace\n  path: /data/site\n  value: \"" + site + "\"";
        return Head()
            .Add("resources", Sequence.Of(["../../base"]))
            .Add("patches", new Sequence().Add(new Mapping()
                .Add("target", new Mapping()
                    .Add("version", "v1")
                    .Add("kind", "ConfigMap")
                    .Add("name", PolicyNames.SwitchConfigMap)
                    .Add("namespace", settings.HubNamespace))
                .Add("patch", patch)));
    }

    /// <summary>The folder of a site's overlay: kustomize folders are lower-case by convention.</summary>
    public static string OverlayDirectory(string site) => site.ToLowerInvariant();

    private static Mapping Head() =>
        new Mapping().Add("apiVersion", "kustomize.config.k8s.io/v1beta1").Add("kind", "Kustomization");
}
