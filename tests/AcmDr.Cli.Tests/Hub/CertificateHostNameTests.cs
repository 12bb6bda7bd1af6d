using System.Net;
using AcmDr.Cli.Hub;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>Host name matching by Go's crypto/x509 rules (what kubectl applies), on certificates made here.</summary>
[TestClass]
public sealed class CertificateHostNameTests
{
    private static readonly TestPki Pki = new();

    [ClassCleanup]
    public static void Cleanup() => Pki.Dispose();

    [TestMethod]
    [DataRow("api.example.com", "", "api.example.com", true)]
    [DataRow("api.example.com", "", "API.Example.COM", true)]
    [DataRow("api.example.com", "", "api.example.com.", true)]
    [DataRow("*.example.com", "", "api.example.com", true)]
    [DataRow("*.Example.COM", "", "Api.example.com", true)]
    [DataRow("*.example.com", "", "example.com", false)]
    [DataRow("*.example.com", "", "a.b.example.com", false)]
    [DataRow("a*.example.com", "", "abc.example.com", false)]
    [DataRow("*", "", "localhost", false)]
    [DataRow("api.*.com", "", "api.example.com", false)]
    [DataRow("under_score.example.com", "", "under_score.example.com", true)]
    [DataRow("example.com", "", "other.com", false)]
    [DataRow("", "10.0.0.1", "10.0.0.1", true)]
    [DataRow("", "10.0.0.1", "[10.0.0.1]", true)]
    [DataRow("", "10.0.0.1", "10.0.0.2", false)]
    [DataRow("10.0.0.1", "", "10.0.0.1", false)]
    [DataRow("", "10.0.0.1", "010.0.0.1", false)]
    [DataRow("", "127.0.0.1", "127.1", false)]
    [DataRow("", "::1", "::1", true)]
    [DataRow("", "::1", "[::1]", true)]
    [DataRow("", "127.0.0.1", "::ffff:127.0.0.1", true)]
    [DataRow("", "fe80::1", "fe80::1%eth0", false)]
    public void Matches_as_go_does(string dnsNames, string ipAddresses, string host, bool valid)
    {
        using var certificate = Pki.Server("cn.example.com",
            dnsNames.Split(',', StringSplitOptions.RemoveEmptyEntries),
            [.. ipAddresses.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(IPAddress.Parse)]);

        var mismatch = CertificateHostName.Mismatch(certificate, host);

        (mismatch is null).Should().Be(valid, mismatch ?? "it matched");
    }

    [TestMethod]
    public void The_common_name_never_counts()
    {
        using var certificate = Pki.Server("api.example.com", []);

        CertificateHostName.Mismatch(certificate, "api.example.com").Should().Contain("legacy Common Name");
    }

    [TestMethod]
    public void Names_from_a_hostile_certificate_cannot_reach_the_terminal()
    {
        using var certificate = Pki.Server("x", ["evil\u001b]0;pwned\u0007.example.com"]);

        CertificateHostName.Mismatch(certificate, "api.example.com").Should().NotContain("\u001b").And.NotContain("\u0007");
    }
}
