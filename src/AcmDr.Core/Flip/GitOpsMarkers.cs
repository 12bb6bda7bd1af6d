namespace AcmDr.Core.Flip;

/// <summary>
/// Signs that a GitOps controller manages the switch and would revert a change made on the hub.
/// </summary>
public static class GitOpsMarkers
{
    // Built on each use (a flip reads a handful of keys): a mutation-testing run can change it per test.
    private static string[] AnnotationPrefixes =>
    [
        "argocd.argoproj.io/tracking-id",
        "argocd.argoproj.io/instance",
        "apps.open-cluster-management.io/hosting-subscription",
        "kustomize.toolkit.fluxcd.io/",
        "helm.toolkit.fluxcd.io/",
    ];

    private static string[] LabelPrefixes =>
    [
        "argocd.argoproj.io/instance",
        "app.kubernetes.io/instance", // Argo CD's default label tracking
        "kustomize.toolkit.fluxcd.io/",
        "helm.toolkit.fluxcd.io/",
        "apps.open-cluster-management.io/",
    ];

    /// <summary>
    /// Refuses to change the switch named <paramref name="name"/> on the hub when a GitOps controller
    /// manages it (see <see cref="Find"/>), unless <paramref name="force"/>d.
    /// </summary>
    public static void Check(string name, IEnumerable<KeyValuePair<string, string>>? labels, IEnumerable<KeyValuePair<string, string>>? annotations, bool force)
    {
        if (!force && Find(labels, annotations) is { } marker)
        {
            throw new AcmDrException(ExitCodes.Refused,
                $"refused: {name} is managed by GitOps ({marker}) and the controller would revert a change on the hub; flip in Git instead (acmdr flip --in-git), or pass --force");
        }
    }

    /// <summary>The first marker found, annotations before labels, as "annotation x=y" or "label x=y", or null.</summary>
    public static string? Find(IEnumerable<KeyValuePair<string, string>>? labels, IEnumerable<KeyValuePair<string, string>>? annotations)
    {
        foreach (var (key, value) in annotations ?? [])
        {
            if (AnnotationPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                return $"annotation {key}={value}";
            }
        }

        foreach (var (key, value) in labels ?? [])
        {
            if (LabelPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                return $"label {key}={value}";
            }
        }

        return null;
    }
}
