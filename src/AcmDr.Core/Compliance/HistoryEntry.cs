namespace AcmDr.Core.Compliance;

/// <summary>One <c>status.details[].history[]</c> entry of a replicated policy.</summary>
public sealed record HistoryEntry(DateTimeOffset? At, string Message, string? EventName = null)
{
    public ParsedComplianceMessage Parsed => ComplianceMessage.Parse(Message);
}
