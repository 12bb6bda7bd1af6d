using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class LiveHubErrorTests
{
    /// <summary>A kubeconfig naming a port nothing listens on.</summary>
    private static string UnreachableKubeconfig(TempDir dir) => HubKubeconfig(dir, "https://127.0.0.1:1");

    /// <summary>A kubeconfig for a hub at <paramref name="server"/>, with TLS checks off (the servers here are plain or closed).</summary>
    private static string HubKubeconfig(TempDir dir, string server) => dir.File("kubeconfig", $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: hub
          cluster:
            server: {{server}}
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: t
        contexts:
        - name: hub
          context: {cluster: hub, user: admin}
        current-context: hub
        """);

    [TestMethod]
    public async Task Report_on_an_unreachable_hub_exits_3()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "report", "--kubeconfig", UnreachableKubeconfig(dir), "--to", "DR");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain("127.0.0.1:1").And.NotContain("   at ");
    }

    /// <summary>A failed TLS handshake is not a blip: one line at once, no retries.</summary>
    [TestMethod]
    [DataRow("report")]
    [DataRow("wait")]
    public async Task A_hub_that_fails_the_tls_handshake_exits_3_without_retrying(string command)
    {
        using var dir = new TempDir();
        await using var plain = await FakeKube.FakeApiServer.StartAsync();
        var kubeconfig = HubKubeconfig(dir, $"https://127.0.0.1:{plain.BaseUri.Port}");

        string[] wait = command == "wait" ? ["--timeout", "1m"] : [];
        var result = await CliRunner.RunAsync(dir.Path, [command, "--kubeconfig", kubeconfig, "--to", "DR", .. wait]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain($"127.0.0.1:{plain.BaseUri.Port}").And.NotContain("retrying").And.NotContain("inner exception");
    }

    [TestMethod]
    public async Task Report_with_an_unknown_context_exits_3()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "report", "--kubeconfig", UnreachableKubeconfig(dir), "--context", "nope", "--to", "DR");

        result.ExitCode.Should().Be(3);
        result.Err.Should().Contain("context 'nope' not found");
    }

    [TestMethod]
    public async Task Wait_on_an_unreachable_hub_exits_3()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "wait", "--kubeconfig", UnreachableKubeconfig(dir), "--to", "DR", "--timeout", "20s");

        result.ExitCode.Should().Be(3, result.ToString());
    }

    [TestMethod]
    [DataRow("--timeout", "soon")]
    [DataRow("--timeout", "0s")]
    public async Task Wait_rejects_a_bad_timeout(string option, string value)
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "wait", "--kubeconfig", UnreachableKubeconfig(dir), "--to", "DR", option, value);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("--timeout");
    }

    [TestMethod]
    public async Task Wait_needs_a_target_site()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "wait", "--kubeconfig", UnreachableKubeconfig(dir));

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("--to");
    }
}
