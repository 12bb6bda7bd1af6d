using System.Security.Cryptography.X509Certificates;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core;
using FluentAssertions;
using k8s;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>tokenFile and exec credential plugins, against a server that records the Authorization header, with real files and processes.</summary>
[TestClass]
public sealed class CredentialTests
{
    private static string Kubeconfig(TempDir dir, string server, string user) => dir.File("kube/config", $"""
        apiVersion: v1
        kind: Config
        current-context: hub
        clusters:
        - name: hub
          cluster:
            server: {server}
        contexts:
        - name: hub
          context: {"{"}cluster: hub, user: alice{"}"}
        users:
        - name: alice
          user:
        {string.Join("\n", user.Split('\n').Select(l => "    " + l))}
        """);

    private static string Script(TempDir dir, string name, string body)
    {
        var path = dir.File($"kube/{name}", "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static async Task<string> AuthorizationSentAsync(ClusterConnection cluster, HeaderRecordingServer server)
    {
        await cluster.Client.CoreV1.ReadNamespacedConfigMapAsync("x", "y");
        return server.Authorizations.Last();
    }

    [TestMethod]
    public async Task A_token_file_is_read_beside_the_kubeconfig_and_sent_trimmed()
    {
        using var dir = new TempDir();
        await using var server = await HeaderRecordingServer.StartAsync();
        dir.File("kube/token", "s3cret-token\n");

        var cluster = ClusterConnection.Open(Kubeconfig(dir, server.Url, "tokenFile: token"), null);

        (await AuthorizationSentAsync(cluster, server)).Should().Be("Bearer s3cret-token");
    }

    [TestMethod]
    public async Task A_token_file_is_read_again_after_a_minute()
    {
        using var dir = new TempDir();
        await using var server = await HeaderRecordingServer.StartAsync();
        var token = dir.File("kube/token", "first");
        var clock = new SettableClock(DateTimeOffset.UnixEpoch);
        var cluster = ClusterConnection.Open(Kubeconfig(dir, server.Url, "tokenFile: token"), null, settings: ConnectionSettings.Default with { Clock = clock });
        File.WriteAllText(token, "rotated");

        var withinTheMinute = await AuthorizationSentAsync(cluster, server);
        clock.Now += TimeSpan.FromMinutes(1);
        var afterIt = await AuthorizationSentAsync(cluster, server);
        File.Delete(token);
        clock.Now += TimeSpan.FromMinutes(1);
        var whileMissing = await AuthorizationSentAsync(cluster, server);

        (withinTheMinute, afterIt, whileMissing).Should().Be(("Bearer first", "Bearer rotated", "Bearer rotated"));
    }

    [TestMethod]
    [DataRow(false, DisplayName = "from files beside the kubeconfig")]
    [DataRow(true, DisplayName = "from an exec plugin")]
    public async Task A_client_certificate_is_presented(bool fromPlugin)
    {
        using var dir = new TempDir();
        using var pki = new TestPki();
        await using var server = await HeaderRecordingServer.StartAsync(pki.Server("api", ["localhost"]));
        using var client = pki.Server("alice-client", []);
        var certificatePem = client.ExportCertificatePem();
        var keyPem = client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        dir.File("kube/client.crt", certificatePem);
        dir.File("kube/client.key", keyPem);
        Script(dir, "plugin", $$$"""
            printf '%s\n' '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"{{{certificatePem.ReplaceLineEndings("\\n")}}}","clientKeyData":"{{{keyPem.ReplaceLineEndings("\\n")}}}"}}'
            """);
        var user = fromPlugin ? "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin}" : "client-certificate: client.crt\nclient-key: client.key";
        var kubeconfig = Kubeconfig(dir, server.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), user);
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace("    server:", $"    certificate-authority-data: {pki.AuthorityData}\n    server:", StringComparison.Ordinal));

        var cluster = ClusterConnection.Open(kubeconfig, null);

        (await AuthorizationSentAsync(cluster, server)).Should().BeEmpty();
        server.ClientCertificates.Should().ContainSingle().Which.Should().Be("CN=alice-client");
    }

    [TestMethod]
    public async Task A_token_wins_over_a_token_file_as_in_kubectl()
    {
        using var dir = new TempDir();
        await using var server = await HeaderRecordingServer.StartAsync();

        var cluster = ClusterConnection.Open(Kubeconfig(dir, server.Url, "token: inline\ntokenFile: missing"), null);

        (await AuthorizationSentAsync(cluster, server)).Should().Be("Bearer inline");
    }

    [TestMethod]
    public async Task An_exec_plugin_gets_its_args_env_and_exec_info_and_its_token_is_sent()
    {
        using var dir = new TempDir();
        await using var server = await HeaderRecordingServer.StartAsync();
        Script(dir, "plugin", """
            printf '%s\n' "$1" "$2" "$MODE" > "$(dirname "$0")/seen"
            printf '%s' "$KUBERNETES_EXEC_INFO" >> "$(dirname "$0")/seen"
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"from-plugin"}}'
            """);

        var cluster = ClusterConnection.Open(Kubeconfig(dir, server.Url, """
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: ./plugin
              args: ["two words", "--flag"]
              env:
              - name: MODE
                value: dr
              provideClusterInfo: true
            """), null);

        (await AuthorizationSentAsync(cluster, server)).Should().Be("Bearer from-plugin");
        var seen = File.ReadAllLines(dir.File("kube/seen"));
        seen[..3].Should().Equal("two words", "--flag", "dr");
        seen[3].Should().Contain("\"kind\":\"ExecCredential\"").And.Contain("\"interactive\":false").And.Contain($"\"server\":\"{server.Url}\"");
    }

    [TestMethod]
    public async Task An_exec_token_past_its_expiry_is_fetched_again()
    {
        using var dir = new TempDir();
        await using var server = await HeaderRecordingServer.StartAsync();
        var clock = new SettableClock(DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Script(dir, "plugin", """
            echo x >> "$(dirname "$0")/runs"
            n=$(wc -l < "$(dirname "$0")/runs" | tr -d ' ')
            echo "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t-$n\",\"expirationTimestamp\":\"2026-12-02T10:05:00Z\"}}"
            """);
        var settings = ConnectionSettings.Default with { Clock = clock };

        var cluster = ClusterConnection.Open(Kubeconfig(dir, server.Url, "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./plugin}"), null, settings: settings);
        var first = await AuthorizationSentAsync(cluster, server);
        var beforeExpiry = await AuthorizationSentAsync(cluster, server);
        clock.Now = DateTimeOffset.Parse("2026-12-02T10:05:01Z", System.Globalization.CultureInfo.InvariantCulture);
        var afterExpiry = await AuthorizationSentAsync(cluster, server);

        (first, beforeExpiry, afterExpiry).Should().Be(("Bearer t-1", "Bearer t-1", "Bearer t-2"));
    }

    [TestMethod]
    public void A_hanging_exec_plugin_is_killed_with_its_children_after_the_bounded_wait()
    {
        using var dir = new TempDir();
        Script(dir, "plugin", """
            echo "waiting for the identity provider" >&2
            sleep 300 &
            echo $! > "$(dirname "$0")/grandchild"
            echo $$ > "$(dirname "$0")/child"
            wait
            """);
        var settings = ConnectionSettings.Default with { ExecTimeout = TimeSpan.FromSeconds(1) };

        var error = FluentActions.Invoking(() => ClusterConnection.Open(
                Kubeconfig(dir, "https://127.0.0.1:1", "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin}"), null, settings: settings))
            .Should().Throw<AcmDrException>().Which;

        error.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        error.Message.Should().Be("hub: exec credential plugin './plugin' of user 'alice' did not answer within 1 s; it was stopped with its child processes: waiting for the identity provider");
        foreach (var pidFile in new[] { "kube/child", "kube/grandchild" })
        {
            var pid = int.Parse(File.ReadAllText(dir.File(pidFile)), System.Globalization.CultureInfo.InvariantCulture);
            IsRunning(pid).Should().BeFalse($"{pidFile} ({pid}) must have been killed");
        }
    }

    [TestMethod]
    [DataRow("echo 'error: token expired' >&2; echo 'see https://sso.example/login' >&2; echo '  at Plugin.Main()' >&2; exit 2",
        "failed with exit code 2: error: token expired / see https://sso.example/login / at Plugin.Main()", DisplayName = "fails, multi-line stderr")]
    [DataRow("printf 'bad \\033]0;title\\007news\\n' >&2; exit 1", "failed with exit code 1: bad news", DisplayName = "terminal escapes on stderr are dropped")]
    [DataRow("echo 'not json'", "printed no valid ExecCredential JSON", DisplayName = "not JSON")]
    [DataRow("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\"}}'",
        "answered apiVersion 'client.authentication.k8s.io/v1beta1' where it was asked for client.authentication.k8s.io/v1", DisplayName = "another apiVersion")]
    [DataRow("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'",
        "returned neither a token nor a client certificate and key", DisplayName = "no credential")]
    [DataRow("echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\"}'", "without a status", DisplayName = "no status")]
    public void A_failing_exec_plugin_is_one_line(string body, string expected)
    {
        using var dir = new TempDir();
        Script(dir, "plugin", body);

        var error = FluentActions.Invoking(() => ClusterConnection.Open(
                Kubeconfig(dir, "https://127.0.0.1:1", "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./plugin}"), null))
            .Should().Throw<AcmDrException>().Which;

        error.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        error.Message.Should().StartWith("hub: exec credential plugin './plugin' of user 'alice' ").And.Contain(expected);
        error.Message.Should().NotContain("\n").And.NotContain("\u001b");
    }

    /// <summary>A process that is gone or a zombie (killed, not yet reaped by init in a container) is not running.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
