using AcmDr.Cli.Hub;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// How report and wait read the hub and the managed clusters: every read through the one
/// <see cref="TransientRetry"/>, each request bounded so a hung server cannot hold the command.
/// </summary>
internal static class ReadRetry
{
    /// <summary>One request without an answer for this long counts as failed (and is retried).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// No new attempt of one read starts after this long: a hub that hangs every request fails the
    /// read after two of them (about a minute) rather than six (three minutes).
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    /// <summary>The retry for reads; <paramref name="quiet"/> when the caller says once what came of all the attempts.</summary>
    public static TransientRetry For(CliIo io, bool quiet = false) =>
        new(io.RetryBackoff, io.Clock, quiet ? _ => { } : message => io.Err.WriteLine($"acmdr: {message}"))
        {
            AttemptTimeout = RequestTimeout,
            Budget = Budget,
        };
}
