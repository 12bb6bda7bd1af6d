using System.Globalization;

namespace AcmDr.Bench;

/// <summary>The timed runs of one command: median, min and max wall time, and the largest peak memory.</summary>
internal sealed record Measurement(string Name, IReadOnlyList<ProcessRun> Runs)
{
    public double MedianSeconds
    {
        get
        {
            var sorted = Runs.Select(r => r.Wall.TotalSeconds).Order().ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double MinSeconds => Runs.Min(r => r.Wall.TotalSeconds);

    public double MaxSeconds => Runs.Max(r => r.Wall.TotalSeconds);

    public double PeakMegabytes => Runs.Max(r => r.PeakKilobytes) / 1024.0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-44} median {Seconds(MedianSeconds),9}  min {Seconds(MinSeconds),9}  max {Seconds(MaxSeconds),9}  peak {PeakMegabytes,7:F1} MB  ({Runs.Count} runs)");

    public static string Seconds(double seconds) =>
        seconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F0} ms") : string.Create(CultureInfo.InvariantCulture, $"{seconds:F3} s");
}
