namespace AcmDr.Bench;

/// <summary>Runs a command once to warm up, then the timed runs, printing the figure as it lands.</summary>
internal sealed class Runner(TextWriter output, string workingDirectory)
{
    public Dictionary<string, Measurement> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>The figures whose command ran past its time limit (not measured further), with that limit.</summary>
    public Dictionary<string, TimeSpan> TimedOut { get; } = new(StringComparer.Ordinal);

    /// <summary>How long one run of a command may take before it is stopped (null: no limit).</summary>
    public TimeSpan? Limit { get; set; }

    /// <summary>
    /// Times <paramref name="command"/>; <paramref name="prepare"/> runs untimed before each run (run 0 is
    /// the warm-up) and returns the arguments. Null when the command failed (the failure is printed).
    /// </summary>
    public Measurement? Measure(string name, string program, int runs, Func<int, IReadOnlyList<string>> prepare, int highestSuccess = 0)
    {
        var timed = new List<ProcessRun>();
        for (var i = 0; i <= runs; i++)
        {
            var run = TimedProcess.Run(program, prepare(i), workingDirectory, Limit);
            if (run.TimedOut)
            {
                TimedOut[name] = Limit!.Value;
                output.WriteLine($"{name,-44} timed out after {Limit!.Value.TotalSeconds:F0} s (run {i} of {runs}, {(i == 0 ? "the warm-up" : "timed")}); not measured further");
                return null;
            }

            if (run.ExitCode < 0 || run.ExitCode > highestSuccess)
            {
                output.WriteLine($"{name}: FAILED with exit code {run.ExitCode}: {FirstLines(run.Error)}");
                return null;
            }

            if (i > 0)
            {
                timed.Add(run);
            }
        }

        var measurement = new Measurement(name, timed);
        Results[name] = measurement;
        output.WriteLine(measurement);
        return measurement;
    }

    /// <summary>As above with fixed arguments; exit codes up to <paramref name="highestSuccess"/> count as a run that did its job.</summary>
    public Measurement? Measure(string name, string program, int runs, IReadOnlyList<string> args, int highestSuccess = 0) =>
        Measure(name, program, runs, _ => args, highestSuccess);

    private static string FirstLines(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3));
}
