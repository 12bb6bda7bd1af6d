using System.Security.Cryptography.X509Certificates;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>A fake hub served over HTTPS with a given certificate, holding the switch, and a scratch folder for kubeconfigs.</summary>
public sealed class TlsHub : IAsyncDisposable
{
    private TlsHub(FakeApiServer server, TempDir dir)
    {
        Server = server;
        Dir = dir;
    }

    public FakeApiServer Server { get; }

    public TempDir Dir { get; }

    public int Port => Server.BaseUri.Port;

    public string? Site => Server.Store.Get(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites")?["data"]?["site"]?.GetValue<string>();

    public static async Task<TlsHub> StartAsync(X509Certificate2 certificate)
    {
        var server = await FakeApiServer.StartAsync(httpsCertificate: certificate);
        var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var generated = await CliRunner.RunAsync(dir.Path, "generate");
        if (generated.ExitCode != 0)
        {
            throw new InvalidOperationException(generated.ToString());
        }

        server.Store.Put(FakeHub.SwitchFrom(File.ReadAllText(dir.File("policies/base/acmdr-sites.yaml"))));
        return new TlsHub(server, dir);
    }

    /// <summary>Writes a kubeconfig for this hub; <paramref name="cluster"/> is the cluster entry's lines after <c>server:</c>.</summary>
    public string Kubeconfig(string host, string cluster, string user = "token: fake-token")
    {
        var indentedCluster = string.Join("\n", cluster.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l.Trim()));
        return Dir.File($"kubeconfig-{Guid.NewGuid():N}", $"""
            apiVersion: v1
            kind: Config
            current-context: hub
            clusters:
            - name: hub
              cluster:
                server: https://{host}:{Port}
            {indentedCluster}
            contexts:
            - name: hub
              context:
                cluster: hub
                user: alice
            users:
            - name: alice
              user:
                {user}
            """);
    }

    public Task<CliResult> FlipAsync(string kubeconfig) =>
        CliRunner.RunAsync(Dir.Path, "flip", "--to", "DR", "--reason", "tls test", "--kubeconfig", kubeconfig);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
