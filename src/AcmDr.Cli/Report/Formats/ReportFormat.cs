namespace AcmDr.Cli.Report.Formats;

public enum ReportFormat
{
    Table,
    Json,
    Markdown,
    Junit,
    Html,
}
