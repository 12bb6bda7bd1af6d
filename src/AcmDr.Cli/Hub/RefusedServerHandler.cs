using AcmDr.Core;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Turns a refused server certificate into the user error it is (exit 3, one line, not retried):
/// .NET wraps the handshake's reason in an HttpRequestException, which the retry logic would
/// otherwise take for a dropped connection and the user would see as "could not be established".
/// </summary>
internal sealed class RefusedServerHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (Refusal(ex) is { } refused)
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable, refused.Message, ex);
        }
    }

    private static ServerCertificateRejectedException? Refusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is ServerCertificateRejectedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
