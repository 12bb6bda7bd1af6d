using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>Every way a kubeconfig can be unusable ends in one line and exit 3 through the real command, never a stack trace.</summary>
[TestClass]
public sealed class BrokenKubeconfigTests
{
    private const string GoodCluster = "server: https://127.0.0.1:1\n    insecure-skip-tls-verify: true";
    private const string GoodUser = "token: t";
    private const string Server = "server: https://127.0.0.1:1\n    ";

    [TestMethod]
    [DataRow(Server + "certificate-authority-data: '%%%'", GoodUser, "certificate-authority-data of cluster 'hub' is not valid base64", DisplayName = "CA data not base64")]
    [DataRow(Server + "certificate-authority-data: aGVsbG8gd29ybGQ=", GoodUser, "holds no PEM certificate", DisplayName = "CA data is not a PEM")]
    [DataRow(Server + "certificate-authority: damaged.pem", GoodUser, "holds a damaged certificate", DisplayName = "CA PEM block is damaged")]
    [DataRow(Server + "certificate-authority: missing-ca.pem", GoodUser, "cannot read certificate-authority", DisplayName = "CA file missing")]
    [DataRow(Server + "certificate-authority: /dev/zero", GoodUser, "larger than 1 MiB", DisplayName = "CA file endless")]
    [DataRow(Server + "insecure-skip-tls-verify: maybe", GoodUser, "cannot use kubeconfig", DisplayName = "skip flag not a boolean")]
    [DataRow("server: not a url", GoodUser, "has no https server URL", DisplayName = "server not a URL")]
    [DataRow("server: ftp://127.0.0.1:1", GoodUser, "has no https server URL", DisplayName = "server not http(s)")]
    [DataRow("insecure-skip-tls-verify: true", GoodUser, "has no https server URL", DisplayName = "no server")]
    [DataRow(GoodCluster, "client-certificate: missing.crt\n    client-key: missing.key", "cannot read client-certificate", DisplayName = "client certificate file missing")]
    [DataRow(GoodCluster, "client-certificate-data: '%%%'\n    client-key-data: '%%%'", "client-certificate-data of user 'alice' is not valid base64", DisplayName = "client certificate data not base64")]
    [DataRow(GoodCluster, "client-certificate-data: aGVsbG8=\n    client-key-data: aGVsbG8=", "cannot be used", DisplayName = "client certificate and key not PEM")]
    [DataRow(GoodCluster, "client-certificate-data: aGVsbG8=", "has a client certificate without a key", DisplayName = "client certificate without key")]
    [DataRow(GoodCluster, "tokenFile: missing-token", "cannot read the tokenFile", DisplayName = "token file missing")]
    [DataRow(GoodCluster, "tokenFile: empty-token", "the file is empty", DisplayName = "token file empty")]
    [DataRow(GoodCluster, "tokenFile: /dev/zero", "larger than 1 MiB", DisplayName = "token file endless")]
    [DataRow(GoodCluster, "token: t\n    username: u\n    password: p", "both a user name and a token", DisplayName = "token and basic auth")]
    [DataRow(GoodCluster, "auth-provider: {name: azure, config: {access-token: x}}", "auth-provider 'azure'", DisplayName = "removed auth provider")]
    [DataRow(GoodCluster, "exec: {apiVersion: client.authentication.k8s.io/v1, command: no-such-plugin-acmdr, installHint: 'install it\nwith care'}", "could not be started", DisplayName = "exec plugin not found")]
    [DataRow(GoodCluster, "exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: true}", "has apiVersion 'client.authentication.k8s.io/v1alpha1'", DisplayName = "exec apiVersion retired")]
    [DataRow(GoodCluster, "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./fails}", "failed with exit code 3: line one / line two", DisplayName = "exec plugin fails")]
    [DataRow(GoodCluster, "exec: {apiVersion: client.authentication.k8s.io/v1, command: ./garbage}", "printed no valid ExecCredential JSON", DisplayName = "exec plugin prints garbage")]
    [DataRow(GoodCluster, "exec: {apiVersion: client.authentication.k8s.io/v1, command: true, env: [{value: x}]}", "has an env entry without a name", DisplayName = "exec env without name")]
    public async Task A_broken_kubeconfig_is_one_line_and_exit_3(string cluster, string user, string expected)
    {
        using var dir = new TempDir();
        dir.File("damaged.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        dir.File("empty-token", "\n  \n");
        Plugin(dir, "fails", "echo 'line one' >&2; echo 'line two' >&2; exit 3");
        Plugin(dir, "garbage", "echo '{\"apiVersion\": '");
        var kubeconfig = dir.File("config", $"""
            apiVersion: v1
            kind: Config
            current-context: hub
            clusters:
            - name: hub
              cluster:
                {cluster}
            contexts:
            - name: hub
              context: {"{"}cluster: hub, user: alice{"}"}
            users:
            - name: alice
              user:
                {user}
            """);

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--to", "DR", "--kubeconfig", kubeconfig);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain(expected).And.NotContain("   at ");
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle(result.ToString());
    }

    [TestMethod]
    [DataRow("current-context: hub\ncontexts: []", "context 'hub' not found", DisplayName = "context missing")]
    [DataRow("contexts: [{name: hub, context: {cluster: hub, user: alice}}]", "sets no current-context", DisplayName = "no current context")]
    [DataRow("current-context: hub\ncontexts: [{name: hub, context: {cluster: nope, user: alice}}]", "cluster 'nope' of context 'hub' was not found", DisplayName = "cluster missing")]
    [DataRow("current-context: hub\ncontexts: [{name: hub, context: {cluster: hub, user: bob}}]", "user 'bob' of context 'hub' was not found", DisplayName = "user missing")]
    [DataRow("current-context: hub\ncontexts: [{name: hub, context: {cluster: HUB, user: alice}}]", "cluster 'HUB' of context 'hub' was not found", DisplayName = "names are case-sensitive as in kubectl")]
    [DataRow("current-context: hub\ncontexts: 5", "cannot use kubeconfig", DisplayName = "contexts of the wrong shape")]
    public async Task A_kubeconfig_whose_references_do_not_resolve_is_one_line_and_exit_3(string contexts, string expected)
    {
        using var dir = new TempDir();
        var kubeconfig = dir.File("config", $"""
            apiVersion: v1
            kind: Config
            clusters: [{"{"}name: hub, cluster: {"{"}server: 'https://127.0.0.1:1', insecure-skip-tls-verify: true{"}"}{"}"}]
            users: [{"{"}name: alice, user: {"{"}token: t{"}"}{"}"}]
            {contexts}
            """);

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--to", "DR", "--kubeconfig", kubeconfig);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain(expected).And.NotContain("   at ");
        result.Err.TrimEnd('\n').Split('\n').Should().ContainSingle(result.ToString());
    }

    private static void Plugin(TempDir dir, string name, string body)
    {
        var path = dir.File(name, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
