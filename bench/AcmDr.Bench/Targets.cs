using System.Globalization;

namespace AcmDr.Bench;

/// <summary>The issue's targets, checked against one run's figures; ratios keep a noisy machine honest.</summary>
internal static class Targets
{
    public static void Print(TextWriter output, IReadOnlyDictionary<string, Measurement> results)
    {
        Measurement? Get(string name) => results.GetValueOrDefault(name);
        output.WriteLine();
        output.WriteLine("ratios");
        var kustomize = Get(FigureNames.Kustomize);
        var jq = Get(FigureNames.Jq);
        foreach (var m in results.Values)
        {
            var parts = new List<string>();
            if (kustomize is not null && m != kustomize)
            {
                parts.Add(Invariant($"{m.MedianSeconds / kustomize.MedianSeconds:F3} x kustomize"));
            }

            if (jq is not null && m != jq)
            {
                parts.Add(Invariant($"{m.MedianSeconds / jq.MedianSeconds:F2} x jq"));
            }

            output.WriteLine($"  {m.Name,-44} {string.Join(", ", parts)}");
        }

        output.WriteLine();
        output.WriteLine("targets (issue 6)");
        var gen10 = Get(FigureNames.GenerateFresh(10_000));
        var gen100 = Get(FigureNames.GenerateFresh(100_000));
        Check(output, "generate 10k (empty dir) <= 0.05 x kustomize", gen10 is null || kustomize is null ? null : gen10.MedianSeconds / kustomize.MedianSeconds, 0.05, "F3");
        var floor10 = Get(FigureNames.WriteFloor(10_000));
        if (gen10 is not null && floor10 is not null)
        {
            output.WriteLine(Invariant($"  note  generate 10k (empty dir) minus the file-write floor ({floor10.MedianSeconds:F3} s): {gen10.MedianSeconds - floor10.MedianSeconds:F3} s = {(gen10.MedianSeconds - floor10.MedianSeconds) / (kustomize?.MedianSeconds ?? double.NaN):F3} x kustomize"));
        }

        var upToDate = Get(FigureNames.GenerateUpToDate(10_000));
        Check(output, "generate 10k up to date <= 0.05 x kustomize", upToDate is null || kustomize is null ? null : upToDate.MedianSeconds / kustomize.MedianSeconds, 0.05, "F3");
        Check(output, "generate 100k < 3 s", gen100?.MedianSeconds, 3, "F3");
        var floor100 = Get(FigureNames.WriteFloor(100_000));
        if (gen100 is not null && floor100 is not null)
        {
            output.WriteLine(Invariant($"  note  generate 100k (empty dir) minus the file-write floor ({floor100.MedianSeconds:F3} s): {gen100.MedianSeconds - floor100.MedianSeconds:F3} s"));
        }
        Check(output, "generate 100k peak < 400 MB", gen100?.PeakMegabytes, 400, "F0");
        Check(output, "generate 100k <= 12 x generate 10k", gen10 is null || gen100 is null ? null : gen100.MedianSeconds / gen10.MedianSeconds, 12, "F1");
        Check(output, "validate 100k < 1 s", Get(FigureNames.Validate(100_000))?.MedianSeconds, 1, "F3");
        foreach (var format in (string[])["yaml", "json"])
        {
            var report = Get(FigureNames.Report(format));
            Check(output, $"report {format} 10k <= 1.5 x jq", report is null || jq is null ? null : report.MedianSeconds / jq.MedianSeconds, 1.5, "F2");
        }

        Check(output, "acmdr --version < 0.150 s", Get(FigureNames.Version)?.MedianSeconds, 0.150, "F3");
    }

    private static void Check(TextWriter output, string target, double? value, double limit, string format)
    {
        var verdict = value is null ? "n/a " : value <= limit ? "PASS" : "MISS";
        var shown = value is null ? "not measured in this run" : value.Value.ToString(format, CultureInfo.InvariantCulture);
        output.WriteLine($"  {verdict}  {target,-46} {shown}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
