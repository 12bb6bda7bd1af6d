using System.Net.Http.Headers;
using k8s.Authentication;

namespace AcmDr.Cli.Hub;

/// <summary>
/// The bearer token of an exec credential plugin, run again (bounded, as the first time) once the
/// expirationTimestamp it gave has passed, as kubectl does; concurrent requests share one run.
/// </summary>
internal sealed class ExecTokenSource(ExecCredentialPlugin plugin, ExecCredential first, TimeProvider clock) : ITokenProvider
{
    private readonly Lock _gate = new();
    private ExecCredential _current = first;
    private Task<ExecCredential>? _running;

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        Task<ExecCredential> run;
        lock (_gate)
        {
            if (_running is null && !(_current.Expires is { } expires && clock.GetUtcNow() >= expires))
            {
                return new AuthenticationHeaderValue("Bearer", _current.Token);
            }

            run = _running ??= plugin.RunAsync(CancellationToken.None);
        }

        ExecCredential renewed;
        try
        {
            renewed = await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_running, run) && run.IsCompleted)
                {
                    _running = null;
                }
            }
        }

        lock (_gate)
        {
            _current = renewed.Token is null
                ? throw plugin.Failure("returned no token when run again, where it gave one before")
                : renewed;
            return new AuthenticationHeaderValue("Bearer", renewed.Token);
        }
    }
}
