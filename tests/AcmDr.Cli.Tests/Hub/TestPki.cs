using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>A certificate authority made in the test, issuing server certificates with chosen Subject Alternative Names.</summary>
public sealed class TestPki : IDisposable
{
    private readonly RSA key = RSA.Create(2048);

    public TestPki(string name = "acmdr-test-ca")
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public X509Certificate2 Authority { get; }

    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>The base64 of the PEM, as certificate-authority-data holds it.</summary>
    public string AuthorityData => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AuthorityPem));

    /// <summary>A server certificate (with its key) for the given DNS names and IP addresses; the Common Name is set but Go ignores it.</summary>
    public X509Certificate2 Server(string commonName, string[] dnsNames, params IPAddress[] addresses)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        if (dnsNames.Length > 0 || addresses.Length > 0)
        {
            request.CertificateExtensions.Add(AlternativeNames(dnsNames, addresses));
        }

        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Through PKCS#12 so the server's TLS stack gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// Encoded by hand rather than with SubjectAlternativeNameBuilder, which refuses names a hostile
    /// server could still put in its certificate (control characters are valid IA5String).
    /// </summary>
    private static X509Extension AlternativeNames(string[] dnsNames, IPAddress[] addresses)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var name in dnsNames)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, name, new Asn1Tag(TagClass.ContextSpecific, 2));
            }

            foreach (var address in addresses)
            {
                writer.WriteOctetString(address.GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
            }
        }

        return new X509Extension("2.5.29.17", writer.Encode(), false);
    }

    public void Dispose()
    {
        Authority.Dispose();
        key.Dispose();
    }
}
