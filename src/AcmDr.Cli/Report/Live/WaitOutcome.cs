namespace AcmDr.Cli.Report.Live;

/// <summary>The report wait ends with, and why it is stale when the hub stopped answering mid-wait (exit 3).</summary>
internal sealed record WaitOutcome(ReportData Report, string? Lost);
