using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Whether a server certificate is valid for a host, by the rules of Go's crypto/x509
/// (Certificate.VerifyHostname), which kubectl applies: only the Subject Alternative Names count
/// (the Common Name is ignored), an IP address matches only IP SANs, a DNS name only DNS SANs, and a
/// wildcard stands for exactly one whole left-most label. .NET's own check falls back to the Common
/// Name and matches differently, so acmdr does not use it.
/// </summary>
public static class CertificateHostName
{
    private const int NamesShown = 8;

    /// <summary>Null when <paramref name="certificate"/> is valid for <paramref name="host"/>; else why not, in kubectl's words.</summary>
    public static string? Mismatch(X509Certificate2 certificate, string host)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(host);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var dnsNames = san?.EnumerateDnsNames().ToList() ?? [];
        var ipAddresses = san?.EnumerateIPAddresses().ToList() ?? [];

        var candidateIp = host.Length >= 3 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (ParseGoIp(candidateIp) is { } ip)
        {
            if (ipAddresses.Any(a => Normalize(a).Equals(ip)))
            {
                return null;
            }

            return ipAddresses.Count == 0
                ? $"it cannot be validated for {candidateIp} because it doesn't contain any IP SANs"
                : $"it is valid for {List(ipAddresses.Select(a => a.ToString()))}, not {candidateIp}";
        }

        var candidate = LowerAscii(host);
        var validCandidate = ValidHostname(candidate, isPattern: false);
        foreach (var name in dnsNames)
        {
            var matches = validCandidate && ValidHostname(name, isPattern: true)
                ? MatchHostnames(name, candidate)
                : MatchExactly(name, candidate);
            if (matches)
            {
                return null;
            }
        }

        if (san is null && MatchHostnames(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), host))
        {
            return $"it names {host} only in the legacy Common Name field, which kubectl ignores: the name must be in its Subject Alternative Names";
        }

        return dnsNames.Count > 0
            ? $"it is valid for {List(dnsNames)}, not {host}"
            : $"it is not valid for any names, but {host} was wanted";
    }

    /// <summary>Go's net.ParseIP: dotted-quad IPv4 without leading zeros, or IPv6 without a zone; nothing else.</summary>
    private static IPAddress? ParseGoIp(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return !text.Contains('%', StringComparison.Ordinal) && IPAddress.TryParse(text, out var v6) ? Normalize(v6) : null;
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit)
                || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return new IPAddress(bytes);
    }

    /// <summary>Go compares an IPv4 address equal to its IPv4-mapped IPv6 form.</summary>
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool MatchExactly(string pattern, string host) =>
        host is not ("" or ".") && pattern is not ("" or ".") && LowerAscii(pattern) == LowerAscii(host);

    private static bool MatchHostnames(string pattern, string host)
    {
        pattern = LowerAscii(pattern);
        host = LowerAscii(host.EndsWith('.') ? host[..^1] : host);
        if (pattern.Length == 0 || host.Length == 0)
        {
            return false;
        }

        var patternParts = pattern.Split('.');
        var hostParts = host.Split('.');
        if (patternParts.Length != hostParts.Length)
        {
            return false;
        }

        for (var i = 0; i < patternParts.Length; i++)
        {
            if (!(i == 0 && patternParts[i] == "*") && patternParts[i] != hostParts[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Go's validHostname: letters, digits, '-' (not first), '_'; no empty label; a pattern may start with a whole "*" label.</summary>
    private static bool ValidHostname(string host, bool isPattern)
    {
        if (!isPattern && host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.Length == 0 || host == "*")
        {
            return false;
        }

        var labels = host.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                return false;
            }

            if (isPattern && i == 0 && label == "*")
            {
                continue;
            }

            for (var j = 0; j < label.Length; j++)
            {
                var c = label[j];
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '-' && j != 0)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Go lowers ASCII letters only; other characters stay as they are.</summary>
    private static string LowerAscii(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i];
            }
        });

    private static string List(IEnumerable<string> names)
    {
        var all = names.Select(StatusText.Clean).ToList();
        var shown = string.Join(", ", all.Take(NamesShown));
        return all.Count > NamesShown ? $"{shown} and {all.Count - NamesShown} more" : shown;
    }
}
