using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>
/// Test time that moves only while everything waits on it, for flows that wait in parallel (an isolated
/// rehearsal runs several VM pipelines at once, each polling). When no timer has been started and no
/// request has reached the server (<see cref="NoteActivity"/>) for <see cref="Settle"/> of real time, and a
/// wait is pending, the clock moves to the earliest pending wait's due time, which fires it (and every other
/// timer due by then): five pipelines that each start a 2 s poll move the clock 2 s once, not 10 s, and a run
/// takes the time its waits add up to, however slow the machine. A timer due further than
/// <see cref="LongestWait"/> (a deadline such as a 30m timeout) is a limit, not a wait: it never moves the
/// clock itself and fires when the waits move the clock past it (or the test does). While a request is in
/// flight (<see cref="InFlight"/>) the clock holds, for up to <see cref="BusyLimit"/> of real time.
/// <see cref="Frozen"/>: the clock moves only when the test moves it (<see cref="FakeTimeProvider.Advance"/>).
/// </summary>
public sealed class SimulatedIsolationClock : FakeTimeProvider
{
    /// <summary>When every world starts: a fixed moment, so reports and ids read the same on every run.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock pendingGate = new();
    private readonly Lock advanceGate = new();
    private readonly List<TrackedTimer> pending = [];
    private long lastActivity = Stopwatch.GetTimestamp();
    private int workerScheduled;
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
                ScheduleAdvance();
            }
        }
    }

    /// <summary>The longest timer that counts as a wait and moves the clock (5 minutes unless set).</summary>
    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long (real time) nothing must happen before the clock moves on: 5 ms unless set.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How many requests are being answered now (none unless set): the clock does not move while one is, for up to <see cref="BusyLimit"/> (a watch stays open).</summary>
    public Func<long>? InFlight { get; set; }

    /// <summary>How long (real time) a request in flight holds the clock: 1 s unless set.</summary>
    public TimeSpan BusyLimit { get; set; } = TimeSpan.FromSeconds(1);

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

    /// <summary>Something is busy (a request reached the server): the clock waits for it to settle.</summary>
    public void NoteActivity() => Interlocked.Exchange(ref lastActivity, Stopwatch.GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Track(dueTime, period);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(); callback(s); }, state, dueTime, period);
        if (tracked.IsWait)
        {
            ScheduleAdvance();
        }

        return tracked;
    }

    /// <summary>Notes activity and makes sure one worker will move the clock once things settle.</summary>
    private void ScheduleAdvance()
    {
        NoteActivity();
        if (Interlocked.CompareExchange(ref workerScheduled, 1, 0) == 0)
        {
            ThreadPool.QueueUserWorkItem(_ => AdvanceWhenSettled());
        }
    }

    private void AdvanceWhenSettled()
    {
        while (true)
        {
            var quiet = Stopwatch.GetElapsedTime(Interlocked.Read(ref lastActivity));
            if (quiet >= Settle && (quiet >= BusyLimit || (InFlight?.Invoke() ?? 0) <= 0))
            {
                break;
            }

            if (quiet >= Settle)
            {
                Thread.Sleep(1);
                continue;
            }

            Thread.Sleep(Settle - quiet + TimeSpan.FromMilliseconds(1));
        }

        Volatile.Write(ref workerScheduled, 0);
        if (AdvanceToNextWait())
        {
            // What was fired may not start another wait, while others still wait: keep time going for them.
            ScheduleAdvance();
        }
    }

    /// <summary>Moves the clock to the earliest pending wait (firing it) unless frozen; whether waits remain pending after.</summary>
    private bool AdvanceToNextWait()
    {
        lock (advanceGate)
        {
            if (frozen)
            {
                return false;
            }

            var next = NextWait();
            var now = GetUtcNow();
            if (next is { } due && due > now)
            {
                Advance(due - now);
            }
            else if (next is not null)
            {
                // Due already (created at this very moment): FakeTimeProvider fires it on the next move.
                Advance(TimeSpan.Zero);
            }

            return NextWait() is not null;
        }
    }

    private DateTimeOffset? NextWait()
    {
        lock (pendingGate)
        {
            pending.RemoveAll(t => t.Due is null);
            return pending.Where(t => t.IsWait).Min(t => t.Due);
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
                IsWait = Due is not null && dueTime > TimeSpan.Zero && dueTime <= clock.LongestWait;
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
                IsWait = Due is not null && period <= clock.LongestWait;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime, period);
            var changed = Inner?.Change(dueTime, period) ?? false;
            if (IsWait)
            {
                clock.ScheduleAdvance();
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
