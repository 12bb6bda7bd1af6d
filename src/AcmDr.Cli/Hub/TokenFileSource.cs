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

    private readonly Lock gate = new();
    private readonly string path;
    private readonly TimeProvider clock;
    private string token;
    private DateTimeOffset readAt;

    private TokenFileSource(string path, string token, TimeProvider clock)
    {
        this.path = path;
        this.token = token;
        this.clock = clock;
        readAt = clock.GetUtcNow();
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
        lock (gate)
        {
            if (clock.GetUtcNow() - readAt >= Period)
            {
                try
                {
                    token = Read(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Keep the token read before: the file may be mid-rotation.
                }

                readAt = clock.GetUtcNow();
            }

            return Task.FromResult(new AuthenticationHeaderValue("Bearer", token));
        }
    }

    private static string Read(string path)
    {
        var token = KubeconfigFile.ReadText(path).Trim();
        return token.Length > 0 ? token : throw new IOException("the file is empty");
    }
}
