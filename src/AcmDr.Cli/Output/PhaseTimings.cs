using System.Diagnostics;

namespace AcmDr.Cli.Output;

/// <summary>
/// Where a command's time goes, printed to stderr when <c>ACMDR_TIMINGS=1</c>: the profile behind
/// the benchmark's figures (see README, "Benchmark"). Costs nothing when off.
/// </summary>
public sealed class PhaseTimings
{
    public const string Variable = "ACMDR_TIMINGS";

    private readonly TextWriter? sink;
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private PhaseTimings(TextWriter? sink) => this.sink = sink;

    public static PhaseTimings FromEnvironment(TextWriter err) =>
        new(Environment.GetEnvironmentVariable(Variable) == "1" ? err : null);

    /// <summary>
    /// Runs one phase and, when enabled, prints its wall time, when it ended since the process started,
    /// the heap it left, bytes allocated so far, collections and pauses, and JIT time so far.
    /// </summary>
    public T Time<T>(string phase, Func<T> work)
    {
        if (sink is null)
        {
            return work();
        }

        var start = clock.Elapsed;
        var result = work();
        sink.WriteLine($"timing: {phase,-10} {(clock.Elapsed - start).TotalMilliseconds,8:F1} ms  ends {SinceProcessStart(),5:F0} ms after start  heap {GC.GetTotalMemory(false) / 1_048_576,5} MB  allocated {GC.GetTotalAllocatedBytes() / 1_048_576,5} MB  gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms  jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms ({System.Runtime.JitInfo.GetCompilationTime(currentThread: true).TotalMilliseconds:F0} ms on this thread) so far");
        return result;
    }

    /// <summary>Wall time since the process started, start-up of the runtime included.</summary>
    private static double SinceProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }

    public void Time(string phase, Action work) => Time(phase, () =>
    {
        work();
        return 0;
    });
}
