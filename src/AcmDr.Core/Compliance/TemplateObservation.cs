namespace AcmDr.Core.Compliance;

/// <summary>The status of one policy template on one cluster.</summary>
/// <param name="Compliance">The template's <c>compliant</c> field.</param>
/// <param name="History">Its history, newest first (ACM keeps at most 10).</param>
public sealed record TemplateObservation(ComplianceState Compliance, IReadOnlyList<HistoryEntry> History);
