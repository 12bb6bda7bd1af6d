using System.Diagnostics;
using System.Globalization;

namespace AcmDr.Bench;

/// <summary>One run of a whole process: wall time, peak resident memory and exit code; <see cref="TimedOut"/>: stopped at its time limit.</summary>
internal sealed record ProcessRun(TimeSpan Wall, long PeakKilobytes, int ExitCode, string Error, bool TimedOut = false);

/// <summary>
/// Runs a command under GNU time (<c>/usr/bin/time -v</c>), which reports the child's peak resident
/// set from wait4's rusage. Wall time is this process's stopwatch around start to exit, so it
/// includes process start-up, as a user sees it. Standard output is read and thrown away.
/// </summary>
internal static class TimedProcess
{
    private const string GnuTime = "/usr/bin/time";
    private const string PeakLine = "Maximum resident set size (kbytes):";

    public static bool Available => File.Exists(GnuTime);

    /// <param name="limit">Kill the process (and its children) after this long; null: wait for it.</param>
    public static ProcessRun Run(string program, IReadOnlyList<string> args, string workingDirectory, TimeSpan? limit = null)
    {
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(GnuTime)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])["-v", "-o", report, program, .. args])
            {
                start.ArgumentList.Add(arg);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
            var drain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var error = process.StandardError.ReadToEndAsync();
            if (limit is { } most && !process.WaitForExit(most))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ProcessRun(clock.Elapsed, 0, -1, $"timed out after {most.TotalSeconds:F0} s", TimedOut: true);
            }

            process.WaitForExit();
            clock.Stop();
            drain.GetAwaiter().GetResult();
            return new ProcessRun(clock.Elapsed, Peak(File.ReadAllLines(report)), process.ExitCode, error.GetAwaiter().GetResult());
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static long Peak(IEnumerable<string> lines)
    {
        var line = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(PeakLine, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[PeakLine.Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
