using AcmDr.Cli.Hub;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// What <c>acmdr wait</c> knows of the hub's answers: whether it ever listed the policies, when it
/// last answered, the failure since then, and how long to pause before trying again.
/// </summary>
internal sealed class HubContact(CliIo io)
{
    private int failures;

    /// <summary>True once the hub answered a list of the policies: there is something to report.</summary>
    public bool Listed { get; private set; }

    public DateTimeOffset LastAnswer { get; private set; }

    /// <summary>The hub's failure since its last answer; null when the last contact succeeded.</summary>
    public Exception? Lost { get; private set; }

    public void Answered()
    {
        Listed = true;
        Lost = null;
        LastAnswer = io.Clock.GetUtcNow();
    }

    /// <summary>The watch delivers: the hub is back to normal, the next failure pauses briefly again.</summary>
    public void Delivered() => failures = 0;

    /// <summary>Notes a transient failure and pauses, longer each time in a row, before the next try.</summary>
    public async Task LostAsync(Exception cause, string what, CancellationToken token)
    {
        Lost = cause;
        failures++;
        // A failed list already spent its own retries: pause in seconds, not the first retry's fraction.
        var pause = TransientRetry.PauseAfter(cause, failures, io.RetryBackoff * 8, io.Clock);
        var tries = cause.Data[TransientRetry.AttemptsKey] is int attempts and > 1 ? $" ({attempts} attempts)" : string.Empty;
        io.Err.WriteLine($"acmdr: {what}: {TransientRetry.Describe(cause)}{tries}; listing again in {TransientRetry.Words(pause)}");
        await Task.Delay(pause, io.Clock, token);
    }

    /// <summary>A watch the server ended at once without a word: pause, longer each time in a row.</summary>
    public Task TurnedAwayAsync(CancellationToken token) =>
        Task.Delay(TransientRetry.Backoff(++failures, io.RetryBackoff), io.Clock, token);
}
