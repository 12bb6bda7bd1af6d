using AcmDr.Cli.Tests.Infrastructure;

namespace AcmDr.Cli.Tests.Options;

/// <summary>A scratch directory with the example inventory and a kubeconfig whose only context, "site", points at a closed port.</summary>
internal static class OptionsTestDir
{
    public static TempDir Create()
    {
        var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("kubeconfig", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: site
              cluster:
                server: https://127.0.0.1:1
                insecure-skip-tls-verify: true
            users:
            - name: admin
              user:
                token: t
            contexts:
            - name: site
              context: {cluster: site, user: admin}
            current-context: site
            """);
        return dir;
    }

    /// <summary>Every command that talks to a cluster, with what it needs besides the cluster to get that far.</summary>
    public static IEnumerable<object[]> ClusterCommands =>
    [
        [new[] { "flip", "--to", "DR" }],
        [new[] { "report", "--to", "DR" }],
        [new[] { "wait", "--to", "DR", "--timeout", "1m" }],
        [new[] { "breakglass", "--to", "DR" }],
        [new[] { "relocate", "--to", "DR" }],
    ];
}
