namespace AcmDr.Cli.Report.Formats;

public enum ReportFormat
{
    Table,
    Json,
    Markdown,
    Junit,
    Html,

    /// <summary>The plain table with every column and the whole reason, one line per VM, on a terminal too.</summary>
    Wide,
}
