namespace AcmDr.Cli.Hub;

/// <summary>
/// The bounds of talking to a cluster: how long one request may go without an answer (the HTTP
/// client's limit; <see cref="Timeout.InfiniteTimeSpan"/>: none), set from <c>--request-timeout</c>
/// (<see cref="RequestLimit"/>). An exec credential plugin gets 30 s: long enough for a plugin that
/// fetches a token over the network, short enough that a hung one does not hold a failover.
/// </summary>
public sealed record ConnectionSettings(TimeSpan RequestTimeout, TimeSpan ExecTimeout, TimeProvider Clock)
{
    public static ConnectionSettings Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeProvider.System);
}
