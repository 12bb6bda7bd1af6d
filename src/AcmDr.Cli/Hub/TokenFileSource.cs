using System.Net.Http.Headers;
using AcmDr.Core;
using k8s.Authentication;

namespace AcmDr.Cli.Hub;

/// <summary>
/// A kubeconfig user's <c>tokenFile</c>, as client-go reads it: the file's content with white space
/// trimmed, read again once a minute so a rotated token is picked up on a long wait; when a re-read
/// fails the token already read is kept (client-go does the same).
/// </summary>
internal sealed class TokenFileSource : ITokenProvider
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly TimeProvider _clock;
    private string _token;
    private DateTimeOffset _readAt;

    private TokenFileSource(string path, string token, TimeProvider clock)
    {
        _path = path;
        _token = token;
        _clock = clock;
        _readAt = clock.GetUtcNow();
    }

    /// <summary>Reads the file now: a missing, unreadable or empty token file is a user error (exit 3) naming it.</summary>
    public static TokenFileSource Open(string path, string userName, TimeProvider clock, string role)
    {
        try
        {
            return new TokenFileSource(path, Read(path), clock);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable,
                $"{role}: cannot read the tokenFile '{path}' of user '{Core.Compliance.StatusText.Clean(userName)}': {Core.Compliance.StatusText.Clean(ex.Message)}", ex);
        }
    }

    public Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_clock.GetUtcNow() - _readAt >= Period)
            {
                try
                {
                    _token = Read(_path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Keep the token read before: the file may be mid-rotation.
                }

                _readAt = _clock.GetUtcNow();
            }

            return Task.FromResult(new AuthenticationHeaderValue("Bearer", _token));
        }
    }

    private static string Read(string path)
    {
        var token = KubeconfigFile.ReadText(path).Trim();
        return token.Length > 0 ? token : throw new IOException("the file is empty");
    }
}
