using AcmDr.Cli.Hub;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// How report and wait read the hub and the managed clusters: every read through the one
/// <see cref="TransientRetry"/> under the command's <c>--request-timeout</c> (<see cref="RequestLimit"/>),
/// each attempt also timed on the command's clock, so a hung server cannot hold the command: with the
/// default 30s, a hub that hangs every request fails the read after two of them (about a minute).
/// </summary>
internal static class ReadRetry
{
    /// <summary>The retry for reads under <paramref name="limit"/>.</summary>
    public static TransientRetry For(CliIo io, RequestLimit limit) =>
        limit.Retry(io, timeAttempts: true);
}
