using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core;
using FluentAssertions;
using k8s;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>acmdr reads kubeconfigs itself (KubernetesClient's loader costs 300 ms of start-up); it must read them as that loader does.</summary>
[TestClass]
public sealed class KubeconfigTests
{
    private const string Rich = """
        apiVersion: v1
        kind: Config
        preferences:
          colors: true
        current-context: east
        clusters:
        - name: east-cluster
          cluster:
            server: https://api.east.example:6443
            insecure-skip-tls-verify: true
            tls-server-name: api.east
            extensions:
            - name: client.authentication.k8s.io/exec
              extension:
                audience: east
        - name: west-cluster
          cluster:
            server: https://api.west.example:6443
            certificate-authority-data: Zm9v
        contexts:
        - name: east
          context:
            cluster: east-cluster
            user: oidc
            namespace: acmdr
        - name: west
          context: &west
            cluster: west-cluster
            user: exec
        - name: west-again
          context:
            <<: *west
            namespace: other
        users:
        - name: oidc
          user:
            auth-provider:
              name: oidc
              config:
                client-id: acmdr
                idp-issuer-url: https://idp.example
            as: admin
            as-groups: [ops, dr]
            as-user-extra:
              reason: rehearsal
        - name: exec
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: oc
              args: [whoami, --show-token]
              env:
              - name: KUBECONFIG_MODE
                value: dr
              installHint: install oc
              provideClusterInfo: true
            token: "12345"
            username: u
            password: p
            client-certificate: certs/client.crt
            client-key: certs/client.key
        """;

    [TestMethod]
    public void A_kubeconfig_reads_as_kubernetes_client_reads_it()
    {
        using var dir = new TempDir();
        var path = dir.File("kube/config", Rich);

        var ours = ClusterConnection.LoadKubeconfig(path);
        var theirs = KubernetesClientConfiguration.LoadKubeConfig(path);

        JsonSerializer.Serialize(ours).Should().Be(JsonSerializer.Serialize(theirs));
        ours.FileName.Should().Be(Path.GetFullPath(path), "relative certificate paths are read beside the kubeconfig");
        ours.Contexts.Single(c => c.Name == "west-again").ContextDetails.Cluster.Should().Be("west-cluster", "merge keys are followed");
    }

    [TestMethod]
    public void A_relative_certificate_authority_is_read_beside_the_kubeconfig()
    {
        using var dir = new TempDir();
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest("CN=hub-ca", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        dir.File("kube/ca.pem", certificate.ExportCertificatePem());
        var path = dir.File("kube/config", """
            apiVersion: v1
            kind: Config
            current-context: hub
            clusters:
            - name: hub
              cluster:
                server: https://127.0.0.1:1
                certificate-authority: ca.pem
            contexts:
            - name: hub
              context:
                cluster: hub
                user: alice
            users:
            - name: alice
              user:
                token: t
            """);

        var hub = ClusterConnection.Open(path, null);

        hub.Server.Should().StartWith("https://127.0.0.1:1");
        hub.User.Should().Be("alice");
    }

    [TestMethod]
    public void A_broken_or_empty_kubeconfig_is_one_clear_error()
    {
        using var dir = new TempDir();
        var broken = dir.File("broken", "clusters: [unclosed\n");
        var empty = dir.File("empty", "");

        var brokenError = FluentActions.Invoking(() => ClusterConnection.Open(broken, null)).Should().Throw<AcmDrException>().Which;
        var emptyError = FluentActions.Invoking(() => ClusterConnection.Open(empty, null)).Should().Throw<AcmDrException>().Which;

        brokenError.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        brokenError.Message.Should().StartWith($"hub: cannot use kubeconfig '{broken}'");
        emptyError.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        emptyError.Message.Should().Contain("holds no kubeconfig");
    }
}
