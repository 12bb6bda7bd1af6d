using System.Globalization;

namespace AcmDr.Bench;

/// <summary>
/// Issue 11's targets for the cluster figures, each against one plain LIST of the same VMs in the same
/// run (curl reading the whole answer): a command that reads the cluster in a few LISTs stays within
/// three of them plus half a second of its own work (start-up, inventory, plan); one that reads VM by VM does not.
/// </summary>
internal static class ClusterTargets
{
    private const double ListFactor = 3;
    private const double OwnWork = 0.5;

    public static void Print(TextWriter output, Runner runner, IReadOnlyList<ClusterRun> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("targets (issue 11)");
        foreach (var run in runs)
        {
            var size = run.Size;
            var k = Invariant($"{size / 1000}k");
            var list = runner.Results.GetValueOrDefault(FigureNames.ClusterList(size))?.MedianSeconds;
            var limit = list is { } seconds ? ListFactor * seconds + OwnWork : (double?)null;
            var within = limit is null ? "3 x LIST + 0.5 s" : Invariant($"3 x LIST + 0.5 s = {limit:F3} s");
            Check(output, runner, FigureNames.BreakGlassDryRun(size), $"breakglass --dry-run {k} <= {within}", Seconds(runner, FigureNames.BreakGlassDryRun(size)), limit);
            if (size >= 10_000)
            {
                Check(output, runner, FigureNames.BreakGlass(size), $"breakglass {k}, all patched < 10 s", Seconds(runner, FigureNames.BreakGlass(size)), 10);
            }

            Check(output, runner, FigureNames.RelocateDryRun(size), $"relocate --dry-run {k} <= {within}", Seconds(runner, FigureNames.RelocateDryRun(size)), limit);
            var withTruth = Seconds(runner, FigureNames.ReportGroundTruth(size));
            var without = Seconds(runner, FigureNames.ReportWithoutGroundTruth(size));
            Check(output, runner, FigureNames.ReportGroundTruth(size), $"report ground truth {k}, overhead <= {within}", withTruth - without, limit);
            foreach (var (name, count) in run.Requests.Where(r => r.Key != FigureNames.ClusterList(size)))
            {
                var stopped = runner.TimedOut.ContainsKey(name) ? " before it was stopped" : string.Empty;
                output.WriteLine(Invariant($"  note  {name}: {count}{stopped}; {run.Namespaces:N0} namespaces, {size:N0} VMs"));
            }
        }
    }

    private static double? Seconds(Runner runner, string name) => runner.Results.GetValueOrDefault(name)?.MedianSeconds;

    private static void Check(TextWriter output, Runner runner, string figure, string target, double? value, double? limit)
    {
        if (runner.TimedOut.TryGetValue(figure, out var stopped))
        {
            output.WriteLine(Invariant($"  MISS  {target,-64} timed out after {stopped.TotalSeconds:F0} s"));
            return;
        }

        var verdict = value is null || limit is null ? "n/a " : value <= limit ? "PASS" : "MISS";
        var shown = value is null ? "not measured in this run" : Invariant($"{value:F3} s");
        output.WriteLine($"  {verdict}  {target,-64} {shown}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
