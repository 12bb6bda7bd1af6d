namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Real time, run <see cref="Factor"/> times faster: every timer (backoff, Retry-After, per-request
/// timeout, --timeout) and every elapsed-time measure are scaled alike, so a command's waits keep
/// their proportions while a test sleeps a fraction of them. Wall-clock dates stay real.
/// </summary>
internal sealed class FastClock(int factor) : TimeProvider
{
    public int Factor => factor;

    public override long GetTimestamp() => System.GetTimestamp() * factor;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span <= TimeSpan.Zero || span == Timeout.InfiniteTimeSpan ? span : span / factor;

    private sealed class ScaledTimer(ITimer inner, FastClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
