using System.Globalization;
using AcmDr.Cli.Report.Formats;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>
/// The report of an isolated rehearsal in every format (<c>-o table|wide|json|markdown|junit|html</c>).
/// Each one states <see cref="IsolatedReport.Marker"/> at its top, the rehearsal id, cluster and DR
/// site, per VM copy the snapshot, copy and boot times, consistency, verdict and reason, per tier the
/// time against RTO, the leftovers, and whether the copies were kept or the run interrupted.
/// </summary>
public static class IsolatedReportWriter
{
    /// <summary>The report as text.</summary>
    /// <param name="width">For <see cref="ReportFormat.Table"/>: the columns to fit in (less than 1: every column on one line, as wide). Other formats ignore it.</param>
    public static string Render(IsolatedReport report, ReportFormat format, int width = TerminalWidth.Fallback)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format switch
        {
            ReportFormat.Json => IsolatedJson.Render(report),
            ReportFormat.Markdown => IsolatedMarkdown.Render(report),
            ReportFormat.Junit => IsolatedJUnit.Render(report),
            ReportFormat.Html => IsolatedHtml.Render(report),
            ReportFormat.Wide => IsolatedTable.Render(report, null),
            _ => IsolatedTable.Render(report, width > 0 ? width : null),
        };
    }

    /// <summary>
    /// The report to stdout (a table fitted to the terminal's width; redirected, every column) or,
    /// atomically, to <paramref name="outputFile"/> with one line on stderr saying so.
    /// </summary>
    public static void Write(IsolatedReport report, ReportFormat format, string? outputFile, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(io);
        var width = outputFile is null && io.IsTerminal ? io.Width : 0;
        var recovered = report.Vms.Count(v => v.Verdict == CopyVerdict.Recovered);
        ReportWriter.Deliver(Render(report, format, width), outputFile, io,
            string.Create(CultureInfo.InvariantCulture, $"{recovered}/{report.Vms.Count} copies recovered ({IsolatedReport.Marker})"));
    }
}
