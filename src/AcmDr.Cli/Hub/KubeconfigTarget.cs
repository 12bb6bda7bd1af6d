using AcmDr.Core;
using AcmDr.Core.Compliance;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace AcmDr.Cli.Hub;

/// <summary>
/// The context, cluster and user a command talks to, looked up by exact name as kubectl does (in a
/// merged kubeconfig the first file defining a name wins).
/// </summary>
internal sealed record KubeconfigTarget(Context Context, k8s.KubeConfigModels.Cluster Cluster, User? User)
{
    /// <summary>Resolves the context, telling <paramref name="blame"/> the file an error from here on is in.</summary>
    public static KubeconfigTarget Resolve(MergedKubeconfig merged, string? context, string role, Action<string> blame)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(blame);
        var kubeconfig = merged.Config;
        var path = merged.Shown;
        var name = context ?? kubeconfig.CurrentContext;
        if (string.IsNullOrEmpty(name))
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable, $"{role}: {path} {(merged.Files.Count > 1 ? "set" : "sets")} no current-context; name one with --context");
        }

        var entry = kubeconfig.Contexts?.FirstOrDefault(c => c?.Name == name)
            ?? throw new AcmDrException(ExitCodes.ClusterUnavailable,
                $"{role}: context '{StatusText.Clean(name)}' not found in {path} (contexts: {string.Join(", ", kubeconfig.Contexts?.Select(c => StatusText.Clean(c?.Name)).Distinct(StringComparer.Ordinal) ?? [])})");
        blame(merged.FileOf(entry));
        var clusterName = entry.ContextDetails?.Cluster;
        var cluster = kubeconfig.Clusters?.FirstOrDefault(c => c?.Name == clusterName);
        if (cluster?.ClusterEndpoint is null)
        {
            throw new KubeConfigException($"cluster '{StatusText.Clean(clusterName)}' of context '{StatusText.Clean(name)}' was not found");
        }

        var server = cluster.ClusterEndpoint.Server;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new KubeConfigException($"cluster '{StatusText.Clean(clusterName)}' has no https server URL (server: '{StatusText.Clean(server)}')");
        }

        var userName = entry.ContextDetails?.User;
        if (string.IsNullOrEmpty(userName))
        {
            return new KubeconfigTarget(entry, cluster, null);
        }

        var user = kubeconfig.Users?.FirstOrDefault(u => u?.Name == userName)
            ?? throw new KubeConfigException($"user '{StatusText.Clean(userName)}' of context '{StatusText.Clean(name)}' was not found");
        return new KubeconfigTarget(entry, cluster, user);
    }
}
