namespace AcmDr.Cli.Hub;

/// <summary>
/// How long one request to a cluster may go without an answer (<c>--request-timeout</c>; null: no
/// limit, as kubectl's 0), and what follows from it. A call failing for a passing reason is tried
/// again until one request's time plus the longest pause (<see cref="TransientRetry.MaxPause"/>) has
/// passed since its first attempt, long enough to honour one Retry-After; so one call ends within
/// <see cref="Worst"/>, and a cluster that stops answering stops the command then, with exit 3.
/// </summary>
public sealed record RequestLimit(TimeSpan? PerRequest)
{
    /// <summary>No new attempt of a call starts after this long since its first (null: only the attempt count bounds it).</summary>
    public TimeSpan? RetryBudget => PerRequest + TransientRetry.MaxPause;

    /// <summary>The longest one call can take: the budget plus one last request (null: unbounded).</summary>
    public TimeSpan? Worst => RetryBudget + PerRequest;

    /// <summary>The connection's settings: the HTTP client ends a request after <see cref="PerRequest"/>.</summary>
    public ConnectionSettings Settings => ConnectionSettings.Default with { RequestTimeout = PerRequest ?? Timeout.InfiniteTimeSpan };

    /// <summary>
    /// The retry of a command's calls under this limit, on <paramref name="io"/>'s backoff and clock, each
    /// retry noted on its error output. <paramref name="timeAttempts"/>: also end each attempt after
    /// <see cref="PerRequest"/> on that clock (one attempt may be several requests, and a test clock then
    /// bounds it too); otherwise the HTTP client's limit alone ends a request.
    /// </summary>
    public TransientRetry Retry(CliIo io, int attempts = TransientRetry.DefaultAttempts, bool timeAttempts = false)
    {
        ArgumentNullException.ThrowIfNull(io);
        return new(io.RetryBackoff, io.Clock, message => io.Err.WriteLine($"acmdr: {message}"), attempts)
        {
            AttemptTimeout = timeAttempts ? PerRequest : null,
            Budget = RetryBudget,
            RequestTimeout = PerRequest,
        };
    }

    /// <summary>As <c>--request-timeout</c> takes it: 10s, 1m30s, or 0 for no limit.</summary>
    public override string ToString() => PerRequest is { } limit ? Core.Text.DurationGrammar.Format(limit) : "0";
}
