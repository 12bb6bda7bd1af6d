namespace AcmDr.Cli.Report;

public enum ReportFormat
{
    Table,
    Json,
    Markdown,
    Junit,
    Html,
}
