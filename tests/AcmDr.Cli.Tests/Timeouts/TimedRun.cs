using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Report;

namespace AcmDr.Cli.Tests.Timeouts;

/// <summary>
/// Runs acmdr in-process with its pauses and per-attempt timers on a <see cref="FastClock"/>. The HTTP
/// client's own per-request limit runs in real time, so the tests that rely on it give a small
/// --request-timeout (1s) and assert the exit code and the line, never how long it took.
/// </summary>
internal static class TimedRun
{
    /// <summary>Generous: "does not hang", not a measure of speed.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    public static async Task<CliResult> AcmdrAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, workingDirectory, new FastClock(FastRun.Factor));
        var run = CliApp.RunAsync(args, io);
        if (await Task.WhenAny(run, Task.Delay(HangBound)) != run)
        {
            throw new AssertFailedException($"acmdr {string.Join(' ', args)} still runs after {HangBound.TotalSeconds}s\n{error}");
        }

        return new CliResult(await run, output.ToString(), error.ToString());
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
