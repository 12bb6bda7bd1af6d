using System.Net.Http.Headers;
using k8s.Authentication;

namespace AcmDr.Cli.Hub;

/// <summary>
/// The bearer token of an exec credential plugin, run again (bounded, as the first time) once the
/// expirationTimestamp it gave has passed, as kubectl does; concurrent requests share one run.
/// </summary>
internal sealed class ExecTokenSource(ExecCredentialPlugin plugin, ExecCredential first, TimeProvider clock) : ITokenProvider
{
    private readonly Lock gate = new();
    private ExecCredential current = first;
    private Task<ExecCredential>? running;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        Task<ExecCredential> run;
        lock (gate)
        {
            if (running is null && !(current.Expires is { } expires && clock.GetUtcNow() >= expires))
            {
                return new AuthenticationHeaderValue("Bearer", current.Token);
            }

            run = running ??= plugin.RunAsync(CancellationToken.None);
        }

        ExecCredential renewed;
        try
        {
            renewed = await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                if (ReferenceEquals(running, run) && run.IsCompleted)
                {
                    running = null;
                }
            }
        }

        lock (gate)
        {
            current = renewed.Token is null
                ? throw plugin.Failure("returned no token when run again, where it gave one before")
                : renewed;
            return new AuthenticationHeaderValue("Bearer", renewed.Token);
        }
    }
}
