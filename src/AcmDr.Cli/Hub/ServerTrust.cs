using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AcmDr.Core.Compliance;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Which server certificates a cluster's kubeconfig entry accepts, decided as kubectl decides:
/// the chain must lead to the kubeconfig's certificate-authority (or, without one, to the system's
/// trust store), and the certificate must name the host (tls-server-name when set, else the
/// server URL's host) by Go's rules; only <c>insecure-skip-tls-verify: true</c> turns this off.
/// KubernetesClient's own check ignores a wrong name whenever a certificate-authority is given,
/// so acmdr installs this one on every connection instead.
/// </summary>
public sealed class ServerTrust
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2Collection? roots;

    private ServerTrust(string server, string role, string verifiedHost, X509Certificate2Collection? roots, bool skipVerify)
    {
        Server = server;
        Role = role;
        VerifiedHost = verifiedHost;
        this.roots = roots;
        SkipVerify = skipVerify;
    }

    public string Server { get; }

    public string Role { get; }

    /// <summary>The name the certificate must carry.</summary>
    public string VerifiedHost { get; }

    public bool SkipVerify { get; }

    /// <summary>The PEM certificate-authority bytes as the kubeconfig gives them (for exec plugins' cluster info).</summary>
    public byte[]? AuthorityPem { get; private init; }

    public static ServerTrust FromKubeconfig(ClusterEndpoint endpoint, string clusterName, string kubeconfigDirectory, string role)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var server = endpoint.Server ?? "";
        var pem = AuthorityBytes(endpoint, clusterName, kubeconfigDirectory);
        if (endpoint.SkipTlsVerify && pem is not null)
        {
            // kubectl's own rule: a CA and "trust anyone" together are a mistake, not a choice.
            throw new KubeConfigException($"cluster '{clusterName}' sets both a certificate-authority and insecure-skip-tls-verify, which kubectl does not allow either");
        }

        var roots = pem is null ? null : Roots(pem, clusterName);
        var host = string.IsNullOrEmpty(endpoint.TlsServerName) ? UrlHost(server) : endpoint.TlsServerName;
        return new ServerTrust(server, role, host, roots, endpoint.SkipTlsVerify) { AuthorityPem = pem };
    }

    /// <summary>The handler's certificate check; throws <see cref="ServerCertificateRejectedException"/> to say why it refuses.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (SkipVerify)
        {
            return true;
        }

        if (certificate is null)
        {
            throw Rejected("it presented no certificate");
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var ours = new X509Chain();
        ours.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        ours.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (roots is not null)
        {
            ours.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            ours.ChainPolicy.CustomTrustStore.AddRange(roots);
        }

        if (chain is not null)
        {
            // The intermediates the server sent: they help build the chain but confer no trust.
            ours.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        if (!ours.Build(leaf))
        {
            throw Rejected(Describe(ours.ChainStatus));
        }

        return CertificateHostName.Mismatch(leaf, VerifiedHost) is { } why ? throw Rejected(why) : true;
    }

    private ServerCertificateRejectedException Rejected(string why) =>
        new($"{Role}: refusing {StatusText.Clean(Server)}: its TLS certificate is not accepted: {why}; nothing was sent "
            + "(the kubeconfig's certificate-authority, tls-server-name and insecure-skip-tls-verify decide this, as for kubectl)");

    private string Describe(X509ChainStatus[] status)
    {
        var flags = status.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            return roots is null
                ? "it is signed by an unknown authority (the kubeconfig names no certificate-authority, so the system's trust store applies)"
                : "it is signed by an unknown authority (not by the kubeconfig's certificate-authority)";
        }

        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return "it has expired or is not yet valid";
        }

        if ((flags & X509ChainStatusFlags.NotValidForUsage) != 0)
        {
            return "it is not meant for server authentication";
        }

        return StatusText.Clean(string.Join("; ", status.Select(s => s.StatusInformation)));
    }

    private static byte[]? AuthorityBytes(ClusterEndpoint endpoint, string clusterName, string kubeconfigDirectory)
    {
        if (!string.IsNullOrEmpty(endpoint.CertificateAuthorityData))
        {
            try
            {
                return Convert.FromBase64String(endpoint.CertificateAuthorityData);
            }
            catch (FormatException)
            {
                throw new KubeConfigException($"certificate-authority-data of cluster '{clusterName}' is not valid base64");
            }
        }

        if (string.IsNullOrEmpty(endpoint.CertificateAuthority))
        {
            return null;
        }

        var path = Path.GetFullPath(endpoint.CertificateAuthority, kubeconfigDirectory);
        try
        {
            return KubeconfigFile.ReadBounded(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read certificate-authority '{path}' of cluster '{clusterName}': {ex.Message}");
        }
    }

    private static X509Certificate2Collection Roots(byte[] pem, string clusterName)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(System.Text.Encoding.UTF8.GetString(pem));
        }
        catch (CryptographicException ex)
        {
            throw new KubeConfigException($"the certificate-authority of cluster '{clusterName}' holds a damaged certificate: {ex.Message}");
        }

        return roots.Count > 0
            ? roots
            : throw new KubeConfigException($"the certificate-authority of cluster '{clusterName}' holds no PEM certificate");
    }

    /// <summary>
    /// The host as Go's url.Parse and Hostname give it, written as in the kubeconfig: .NET's Uri rewrites
    /// forms such as 127.1 into 127.0.0.1, which Go would verify as a DNS name. A non-ASCII name is
    /// verified in its ASCII (punycode) form, as Go's HTTP client dials it.
    /// </summary>
    internal static string UrlHost(string server)
    {
        var rest = server;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end >= 0 ? rest[..end] : rest;
        var at = authority.LastIndexOf('@');
        var hostPort = at >= 0 ? authority[(at + 1)..] : authority;
        string host;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? hostPort[1..close] : hostPort;
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon >= 0 ? hostPort[..colon] : hostPort;
        }

        return host.AsSpan().ContainsAnyExceptInRange('\0', '\x7f') ? new IdnMapping().GetAscii(host) : host;
    }
}
