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
        _ => new AcmDrException(ExitCodes.ClusterUnavailable, $"cannot reach {server} for {what}: {Flat(ex.Message)}", ex),
    };

    private static string Flat(string? text)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ");
        return flat.Length > 300 ? flat[..300] + "..." : flat;
    }
}
