namespace AcmDr.Cli.Report.Live;

/// <summary>
/// The report wait ends with, and why it is stale when the hub stopped answering mid-wait (exit 3);
/// <paramref name="Interrupted"/> when Ctrl-C or SIGTERM ended the wait (the report is what the hub said until then, exit 130).
/// </summary>
internal sealed record WaitOutcome(ReportData Report, string? Lost, bool Interrupted = false);
