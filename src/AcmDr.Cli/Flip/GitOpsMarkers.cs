namespace AcmDr.Cli.Flip;

/// <summary>
/// Signs that a GitOps controller manages the switch and would revert a change made on the hub.
/// </summary>
public static class GitOpsMarkers
{
    private static readonly string[] AnnotationPrefixes =
    [
        "argocd.argoproj.io/tracking-id",
        "argocd.argoproj.io/instance",
        "apps.open-cluster-management.io/hosting-subscription",
        "kustomize.toolkit.fluxcd.io/",
        "helm.toolkit.fluxcd.io/",
    ];

    private static readonly string[] LabelPrefixes =
    [
        "argocd.argoproj.io/instance",
        "app.kubernetes.io/instance", // Argo CD's default label tracking
        "kustomize.toolkit.fluxcd.io/",
        "helm.toolkit.fluxcd.io/",
        "apps.open-cluster-management.io/",
    ];

    /// <summary>The first marker found, as "label x=y" or "annotation x", or null.</summary>
    public static string? Find(IDictionary<string, string>? labels, IDictionary<string, string>? annotations)
    {
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            if (AnnotationPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                return $"annotation {key}={value}";
            }
        }

        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            if (LabelPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            {
                return $"label {key}={value}";
            }
        }

        return null;
    }
}
