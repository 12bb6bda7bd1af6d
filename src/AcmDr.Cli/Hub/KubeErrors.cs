using System.Net;
using AcmDr.Core;
using k8s.Autorest;

namespace AcmDr.Cli.Hub;

/// <summary>Maps KubernetesClient failures to one-line user errors with exit code 3.</summary>
public static class KubeErrors
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        HttpOperationException op => op.Response.StatusCode is HttpStatusCode.TooManyRequests
            or >= HttpStatusCode.InternalServerError,
        // A failed TLS handshake (wrong certificate or name, not TLS at all) does not mend in seconds.
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } => false,
        HttpRequestException or IOException => true,
        TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    public static bool IsConflict(Exception ex) =>
        ex is HttpOperationException { Response.StatusCode: HttpStatusCode.Conflict };

    public static bool IsNotFound(Exception ex) =>
        ex is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound };

    /// <summary>The user error for a failed call about <paramref name="what"/> on <paramref name="server"/>.</summary>
    public static AcmDrException ToUserError(Exception ex, string what, string server)
    {
        var error = Map(ex, what, server);
        // A failure given up on after retries says so: the user knows it was not a blip.
        return ex.Data[TransientRetry.AttemptsKey] is int attempts && attempts > 1
            ? new AcmDrException(error.ExitCode, $"{error.Message} (gave up after {attempts} attempts)", ex)
            : error;
    }

    private static AcmDrException Map(Exception ex, string what, string server) => ex switch
    {
        // Already a user error (a refused certificate, a failed credential plugin): it says what happened.
        AcmDrException user => user,
        HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound } =>
            new AcmDrException(ExitCodes.ClusterUnavailable, $"{what} not found on {server}", ex),
        HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } =>
            new AcmDrException(ExitCodes.ClusterUnavailable, $"not authenticated to {server} (401) while reading {what}: log in again", ex),
        HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } op =>
            new AcmDrException(ExitCodes.ClusterUnavailable, $"not allowed on {server} (403) for {what}: {Flat(op.Response.Content)}", ex),
        HttpOperationException op =>
            new AcmDrException(ExitCodes.ClusterUnavailable, $"{server} answered {(int)op.Response.StatusCode} for {what}: {Flat(op.Response.Content)}", ex),
        TimeoutException { InnerException: OperationCanceledException } =>
            new AcmDrException(ExitCodes.ClusterUnavailable, $"{server} did not answer in time for {what}: {ex.Message}", ex),
        TaskCanceledException or TimeoutException =>
            new AcmDrException(ExitCodes.ClusterUnavailable, $"{server} did not answer in time for {what}", ex),
        _ => new AcmDrException(ExitCodes.ClusterUnavailable, $"cannot reach {server} for {what}: {Flat(Reason(ex))}", ex),
    };

    /// <summary>The message with the causes it points to ("see inner exception") spelt out.</summary>
    private static string Reason(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null && parts.Count < 4; e = e.InnerException)
        {
            var text = e.Message.Replace(", see inner exception.", string.Empty, StringComparison.Ordinal).TrimEnd('.');
            if (text.Length > 0 && !parts.Contains(text))
            {
                parts.Add(text);
            }
        }

        return string.Join(": ", parts);
    }

    private static string Flat(string? text)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ");
        return flat.Length > 300 ? flat[..300] + "..." : flat;
    }
}
