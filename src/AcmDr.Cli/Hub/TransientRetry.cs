using System.Globalization;
using System.Net;
using AcmDr.Core.Text;
using k8s.Autorest;

namespace AcmDr.Cli.Hub;

/// <summary>
/// Retries an idempotent cluster call on 429, 5xx, timeouts and dropped connections, with doubling
/// backoff (or the server's Retry-After), a bounded number of times. Only for calls that are safe to
/// repeat (reads, merge patches that set a value): creating or restarting is not retried here.
/// </summary>
public sealed class TransientRetry(TimeSpan backoff, TimeProvider clock, Action<string> onRetry, int attempts = TransientRetry.DefaultAttempts)
{
    /// <summary>
    /// The longest pause between attempts: a server asking for more (Retry-After) is not waited on
    /// longer, so a hostile or confused answer cannot park the command.
    /// </summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of one call at most, the first included.</summary>
    public const int DefaultAttempts = 6;

    /// <summary>Key in <see cref="Exception.Data"/> of the failure given up on: how many attempts were made.</summary>
    public const string AttemptsKey = "acmdr.attempts";

    /// <summary>How long one attempt may go without an answer (null: the client's own timeout).</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>No attempt starts after this long since the first one (null: only the attempt count bounds the call).</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>
    /// The client's own limit on one request (<c>--request-timeout</c>, enforced by its HTTP client), named
    /// when a request runs out of it; null: none given.
    /// </summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>The clock the pauses and timeouts run on.</summary>
    public TimeProvider Clock => clock;

    /// <summary>The same retry saying nothing of its attempts: for a caller that says once what came of them.</summary>
    public TransientRetry Quiet() => new(backoff, clock, _ => { }, attempts)
    {
        AttemptTimeout = AttemptTimeout,
        Budget = Budget,
        RequestTimeout = RequestTimeout,
    };

    public Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancel) =>
        RunAsync(what, _ => call(), cancel);

    /// <summary>Runs <paramref name="call"/> with a token that also ends when the attempt's <see cref="AttemptTimeout"/> is up.</summary>
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancel)
    {
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan pause;
            try
            {
                return await AttemptAsync(call, cancel);
            }
            catch (Exception ex) when (KubeErrors.IsTransient(ex) && !cancel.IsCancellationRequested)
            {
                pause = PauseAfter(ex, attempt, backoff, clock);
                if (attempt >= attempts || (Budget is { } budget && clock.GetElapsedTime(started) + pause >= budget))
                {
                    ex.Data[AttemptsKey] = attempt;
                    throw;
                }

                onRetry($"{what}: {Describe(ex)}; retrying in {Words(pause)} ({attempt}/{attempts - 1})");
            }

            await Task.Delay(pause, clock, cancel);
        }
    }

    /// <summary>
    /// The pause before attempt <paramref name="attempt"/> + 1: the Retry-After of a 429 or 503 when
    /// the server sent one, else <paramref name="backoff"/> doubled per attempt; at most <see cref="MaxPause"/>.
    /// </summary>
    public static TimeSpan PauseAfter(Exception ex, int attempt, TimeSpan backoff, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var pause = RetryAfter(ex, clock.GetUtcNow()) ?? Backoff(attempt, backoff);
        return pause > MaxPause ? MaxPause : pause;
    }

    /// <summary><paramref name="backoff"/> doubled per attempt after the first, at most <see cref="MaxPause"/>.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan backoff)
    {
        var pause = backoff * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return pause > MaxPause ? MaxPause : pause;
    }

    public static string Describe(Exception ex) => ex switch
    {
        HttpOperationException op => $"the cluster answered {(int)op.Response.StatusCode}",
        TimeoutException timeout => timeout.Message,
        TaskCanceledException => "the cluster did not answer in time",
        _ => ex.Message.ReplaceLineEndings(" ").TrimEnd('.', ' '),
    };

    /// <summary>A pause as a user reads it: 250ms, 2s, 1.5s.</summary>
    public static string Words(TimeSpan span) => span < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0}ms")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s");

    private async Task<T> AttemptAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancel)
    {
        using var attempt = AttemptTimeout is { } limit ? new CancellationTokenSource(limit, clock) : null;
        using var linked = attempt is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel, attempt.Token);
        try
        {
            return await call(linked?.Token ?? cancel);
        }
        catch (OperationCanceledException ex) when (attempt is { IsCancellationRequested: true } && !cancel.IsCancellationRequested)
        {
            // Our own per-attempt limit, not the caller giving up: a hung request, retried like a timeout.
            throw new TimeoutException($"no answer within {DurationGrammar.Format(AttemptTimeout!.Value)}", ex);
        }
        catch (OperationCanceledException ex) when (RequestTimeout is { } client && !cancel.IsCancellationRequested)
        {
            // Cancelled while the caller was not: the client's own limit on the request ran out. Say which, in the option's words.
            throw new TimeoutException($"no answer within {DurationGrammar.Format(client)}", ex);
        }
    }

    /// <summary>The server's Retry-After (seconds or an HTTP date) on a 429 or 503, if it sent one.</summary>
    private static TimeSpan? RetryAfter(Exception ex, DateTimeOffset now)
    {
        if (ex is not HttpOperationException { Response: { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response }
            || response.Headers is null
            || !response.Headers.TryGetValue("Retry-After", out var values)
            || values?.FirstOrDefault()?.Trim() is not { Length: > 0 } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }
}
