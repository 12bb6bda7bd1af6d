using System.Net;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>
/// acmdr verifies the server certificate's chain and host name as kubectl does, on a real TLS
/// listener with certificates made here; a refused server never sees a request, so never the token.
/// </summary>
[TestClass]
public sealed class TlsVerificationTests
{
    [TestMethod]
    [DataRow("localhost", new[] { "localhost" }, "", DisplayName = "DNS name in the SANs")]
    [DataRow("127.0.0.1", new string[0], "127.0.0.1", DisplayName = "IP address in the IP SANs")]
    [DataRow("localhost", new[] { "other.example", "LOCALHOST" }, "", DisplayName = "one of several names, any case")]
    public async Task A_certificate_naming_the_host_is_accepted(string host, string[] names, string ip)
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", names, ip.Length > 0 ? [IPAddress.Parse(ip)] : []));

        var result = await hub.FlipAsync(hub.Kubeconfig(host, $"certificate-authority-data: {pki.AuthorityData}"));

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Site.Should().Be("DR");
    }

    [TestMethod]
    [DataRow("localhost", new[] { "other.example" }, "", "valid for other.example, not localhost", DisplayName = "another host's certificate")]
    [DataRow("localhost", new string[0], "127.0.0.1", "not valid for any names, but localhost was wanted", DisplayName = "IP-only certificate reached by name")]
    [DataRow("127.0.0.1", new[] { "localhost" }, "", "doesn't contain any IP SANs", DisplayName = "name-only certificate reached by IP")]
    [DataRow("localhost", new string[0], "", "only in the legacy Common Name field", DisplayName = "no SANs, the name only in the Common Name")]
    public async Task A_certificate_for_another_host_is_refused_before_any_request(string host, string[] names, string ip, string why)
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server(host, names, ip.Length > 0 ? [IPAddress.Parse(ip)] : []));

        var result = await hub.FlipAsync(hub.Kubeconfig(host, $"certificate-authority-data: {pki.AuthorityData}"));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain($"https://{host}:{hub.Port}").And.Contain(why).And.NotContain("   at ");
        result.Err.TrimEnd().Split('\n').Should().ContainSingle(result.ToString());
        hub.Server.Requests.Entries.Should().BeEmpty("the token must not have been sent");
        hub.Site.Should().Be("Primary");
    }

    [TestMethod]
    [DataRow("other.example", DisplayName = "tls-server-name is the certificate's name")]
    [DataRow("api.hub.example", DisplayName = "a wildcard covers one left-most label")]
    public async Task Tls_server_name_is_the_name_verified_instead_of_the_url_host(string serverName)
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["other.example", "*.hub.example"]));

        var result = await hub.FlipAsync(hub.Kubeconfig("localhost", $"""
            certificate-authority-data: {pki.AuthorityData}
            tls-server-name: {serverName}
            """));

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Site.Should().Be("DR");
    }

    [TestMethod]
    [DataRow("a.api.hub.example", DisplayName = "a wildcard does not cover two labels")]
    [DataRow("hub.example", DisplayName = "a wildcard does not cover the bare domain")]
    [DataRow("localhost", DisplayName = "tls-server-name replaces the URL host, which then does not count")]
    public async Task A_tls_server_name_the_certificate_does_not_carry_is_refused(string serverName)
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["*.hub.example"], IPAddress.Loopback));

        var result = await hub.FlipAsync(hub.Kubeconfig("127.0.0.1", $"""
            certificate-authority-data: {pki.AuthorityData}
            tls-server-name: {serverName}
            """));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain($"valid for *.hub.example, not {serverName}");
        hub.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("true")]
    [DataRow("yes", DisplayName = "YAML 1.1 yes, which kubectl's reader takes as true")]
    public async Task Insecure_skip_tls_verify_accepts_any_certificate_as_kubectl_does(string value)
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["other.example"]));

        var result = await hub.FlipAsync(hub.Kubeconfig("localhost", $"insecure-skip-tls-verify: {value}"));

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Site.Should().Be("DR");
    }

    [TestMethod]
    [DataRow("insecure-skip-tls-verify: false", "unknown authority", DisplayName = "skip flag false, no CA: the system's trust store applies")]
    [DataRow("", "the system's trust store applies", DisplayName = "no CA at all: the system's trust store applies")]
    [DataRow("certificate-authority-data: OTHER", "not by the kubeconfig's certificate-authority", DisplayName = "another CA")]
    public async Task A_certificate_from_an_untrusted_authority_is_refused(string cluster, string why)
    {
        using var pki = new TestPki();
        using var other = new TestPki("another-ca");
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["localhost"]));

        var result = await hub.FlipAsync(hub.Kubeconfig("localhost", cluster.Replace("OTHER", other.AuthorityData, StringComparison.Ordinal)));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain("signed by an unknown authority").And.Contain(why);
        result.Err.TrimEnd().Split('\n').Should().ContainSingle();
        hub.Server.Requests.Entries.Should().BeEmpty();
        hub.Site.Should().Be("Primary");
    }

    [TestMethod]
    public async Task A_certificate_authority_file_is_read_beside_the_kubeconfig()
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["localhost"]));
        hub.Dir.File("ca.pem", pki.AuthorityPem);

        var result = await hub.FlipAsync(hub.Kubeconfig("localhost", "certificate-authority: ca.pem"));

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [TestMethod]
    public async Task A_certificate_authority_together_with_insecure_skip_tls_verify_is_refused_as_by_kubectl()
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["other.example"]));

        var result = await hub.FlipAsync(hub.Kubeconfig("localhost", $"""
            certificate-authority-data: {pki.AuthorityData}
            insecure-skip-tls-verify: true
            """));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain("both a certificate-authority and insecure-skip-tls-verify");
        hub.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_managed_cluster_is_verified_the_same_way()
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("cluster", ["other.example"]));

        var result = await CliRunner.RunAsync(hub.Dir.Path, "relocate", "--to", "DR",
            "--kubeconfig", hub.Kubeconfig("localhost", $"certificate-authority-data: {pki.AuthorityData}"));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().StartWith("acmdr: managed cluster: refusing").And.Contain("valid for other.example, not localhost");
        hub.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("\"true\"")]
    [DataRow("'yes'")]
    public async Task A_quoted_insecure_skip_tls_verify_is_refused_as_by_kubectl(string value)
    {
        using var pki = new TestPki();
        await using var hub = await TlsHub.StartAsync(pki.Server("hub", ["other.example"]));

        var result = await hub.FlipAsync(hub.Kubeconfig("localhost", $"insecure-skip-tls-verify: {value}"));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain("is quoted, so it is a string");
        hub.Server.Requests.Entries.Should().BeEmpty();
    }
}
