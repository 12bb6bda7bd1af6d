using System.Security.Authentication;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Thrown from the TLS handshake when <see cref="ServerTrust"/> refuses the server's certificate, so the
/// reason (not .NET's generic "the SSL connection could not be established") reaches the user.
/// </summary>
public sealed class ServerCertificateRejectedException : AuthenticationException
{
    public ServerCertificateRejectedException()
    {
    }

    public ServerCertificateRejectedException(string message)
        : base(message)
    {
    }

    public ServerCertificateRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
