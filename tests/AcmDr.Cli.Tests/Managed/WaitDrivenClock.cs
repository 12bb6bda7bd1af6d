using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Test time that moves only when the command waits: each timer it starts (a poll, a retry pause)
/// moves the clock on by the timer's due time, which fires it. A run then takes exactly the time its
/// waits add up to, however slow the machine, and the simulated cluster ages by the same amount.
/// Meant for one flow waiting at a time (as break glass and relocate do): two timers started
/// together would both move the clock. <see cref="Frozen"/>: timers wait until the test moves the
/// clock itself (or cancels the wait).
/// </summary>
public sealed class WaitDrivenClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero))
{
    private volatile bool frozen;

    public bool Frozen
    {
        get => frozen;
        set => frozen = value;
    }

    /// <summary>How long the clock has run since it started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (!frozen && dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            // Off the caller's thread: the timer fires (and the waiter goes on) once CreateTimer has returned.
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
