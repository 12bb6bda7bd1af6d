using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>
/// Test time that moves only when something waits on it, for flows that wait in parallel (an isolated
/// rehearsal runs several VM pipelines at once, each polling). Each timer started (a poll, a retry
/// pause, a deadline) asks the clock to move on to the earliest timer still pending, which fires it:
/// five pipelines that each start a 2 s poll at the same moment move the clock 2 s once, not 10 s.
/// A timer due further than <see cref="LongestWait"/> (a deadline such as a 30m timeout) is a limit, not
/// a wait: it never moves the clock itself, and fires when the waits move the clock past it (or the
/// test does). A run then takes the time its waits add up to, however slow the machine.
/// <see cref="Frozen"/>: timers wait until the test moves the clock itself
/// (<see cref="FakeTimeProvider.Advance"/>) or unfreezes it.
/// </summary>
public sealed class SimulatedIsolationClock : FakeTimeProvider
{
    /// <summary>When every world starts: a fixed moment, so reports and ids read the same on every run.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock pendingGate = new();
    private readonly Lock advanceGate = new();
    private readonly List<TrackedTimer> pending = [];
    private volatile bool frozen;

    public SimulatedIsolationClock()
        : base(Origin)
    {
    }

    public bool Frozen
    {
        get => frozen;
        set
        {
            frozen = value;
            if (!value)
            {
                ThreadPool.QueueUserWorkItem(_ => AdvanceToNextTimer());
            }
        }
    }

    /// <summary>The longest timer that moves the clock when it is the earliest pending (5 minutes unless set).</summary>
    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the clock has run since it started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>How many timers wait for the clock to reach them.</summary>
    public int PendingTimers
    {
        get
        {
            lock (pendingGate)
            {
                return pending.Count(t => t.Due is not null);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Track(dueTime, period);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(); callback(s); }, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= LongestWait)
        {
            // Off the caller's thread: the timer fires (and its waiter goes on) once CreateTimer has returned.
            ThreadPool.QueueUserWorkItem(_ => AdvanceToNextTimer());
        }

        return tracked;
    }

    /// <summary>Moves the clock to the earliest pending timer's due time (firing it), unless frozen or already there.</summary>
    private void AdvanceToNextTimer()
    {
        lock (advanceGate)
        {
            if (frozen)
            {
                return;
            }

            DateTimeOffset? next;
            lock (pendingGate)
            {
                pending.RemoveAll(t => t.Due is null);
                next = pending.Where(t => t.IsWait).Min(t => t.Due);
            }

            var now = GetUtcNow();
            if (next is { } due && due > now)
            {
                Advance(due - now);
            }
        }
    }

    private sealed class TrackedTimer(SimulatedIsolationClock clock) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public ITimer? Inner { get; set; }

        /// <summary>When it fires next; null when stopped. Guarded by the clock's pending lock.</summary>
        public DateTimeOffset? Due { get; private set; }

        /// <summary>Whether it is a wait (due within <see cref="LongestWait"/> of its start), which moves the clock.</summary>
        public bool IsWait { get; private set; }

        public void Track(TimeSpan dueTime, TimeSpan newPeriod)
        {
            lock (clock.pendingGate)
            {
                period = newPeriod;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
                IsWait = dueTime <= clock.LongestWait;
                if (Due is not null && !clock.pending.Contains(this))
                {
                    clock.pending.Add(this);
                }
            }
        }

        public void Fired()
        {
            lock (clock.pendingGate)
            {
                Due = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : clock.GetUtcNow() + period;
                IsWait = period <= clock.LongestWait;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime, period);
            var changed = Inner?.Change(dueTime, period) ?? false;
            if (dueTime > TimeSpan.Zero && dueTime <= clock.LongestWait)
            {
                ThreadPool.QueueUserWorkItem(_ => clock.AdvanceToNextTimer());
            }

            return changed;
        }

        public void Dispose()
        {
            lock (clock.pendingGate)
            {
                Due = null;
            }

            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
