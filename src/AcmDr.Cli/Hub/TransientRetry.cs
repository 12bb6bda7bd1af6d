namespace AcmDr.Cli.Hub;

/// <summary>
/// Retries an idempotent cluster call on 429, 5xx, timeouts and dropped connections, with doubling
/// backoff, a bounded number of times. Only for calls that are safe to repeat (reads, merge patches
/// that set a value): creating or restarting is not retried here.
/// </summary>
public sealed class TransientRetry(TimeSpan backoff, TimeProvider clock, Action<string> onRetry, int attempts = 6)
{
    public async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < attempts && KubeErrors.IsTransient(ex) && !cancel.IsCancellationRequested)
            {
                onRetry($"{what}: {Describe(ex)}; retrying ({attempt}/{attempts - 1})");
                await Task.Delay(backoff * Math.Pow(2, attempt - 1), clock, cancel);
            }
        }
    }

    public static string Describe(Exception ex) => ex switch
    {
        k8s.Autorest.HttpOperationException op => $"the cluster answered {(int)op.Response.StatusCode}",
        TaskCanceledException => "the cluster did not answer in time",
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}
