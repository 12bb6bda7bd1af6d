using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The dual-cluster apps' section, the same cells in every format that has tables (cleaned by the caller).</summary>
internal static class DualRows
{
    public const string Title = "Dual-cluster apps";

    public static readonly string[] Headers = ["Tier", "App", "Target", "Verdict", "Phase", "Progression", "Action started", "Took", "Last sync", "Data loss"];

    /// <summary>The columns a narrow terminal leaves out first: the times, then the progression.</summary>
    public static readonly int[] Optional = [6, 7, 8, 5];

    /// <summary>The column that wraps on a terminal: the data-loss window, last.</summary>
    public const int Wrapping = 9;

    public const int VerdictColumn = 3;

    public static string[] Cells(DualAppReading app) =>
    [
        app.Tier.ToString(CultureInfo.InvariantCulture), app.App, Target(app), ReportWords.VerdictText(app.Verdict),
        app.Found ? Word(app.Phase) : "no DRPC", Word(app.Progression), ReportWords.Time(app.ActionStartTime),
        ReportWords.Duration(app.ActionDuration), ReportWords.Time(app.LastGroupSyncTime), DataLoss(app),
    ];

    /// <summary>"west (DR)", or the site alone when the cluster cannot be told.</summary>
    public static string Target(DualAppReading app) =>
        app.TargetCluster is { } cluster ? $"{cluster} ({app.TargetSite})" : app.TargetSite;

    /// <summary>"4m10s before the failover", "2m00s old", or "no sync reported".</summary>
    public static string DataLoss(DualAppReading app) => app.DataLossWindow is { } window
        ? $"{ReportWords.Duration(window)} {(app.DataLossAtAction ? "before the failover" : "old")}"
        : app.Found ? "no sync reported" : string.Empty;

    private static string Word(string? value) => string.IsNullOrEmpty(value) ? string.Empty : StatusText.Clean(value);
}
