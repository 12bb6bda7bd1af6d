namespace AcmDr.Cli.Report;

/// <summary>The report as one self-contained HTML page.</summary>
internal static class HtmlReport
{
    public static string Render(ReportData data) => throw new NotSupportedException("html is not written yet");
}
