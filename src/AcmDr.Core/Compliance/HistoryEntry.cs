namespace AcmDr.Core.Compliance;

/// <summary>One <c>status.details[].history[]</c> entry of a replicated policy.</summary>
public sealed record HistoryEntry(DateTimeOffset? At, string Message, string? EventName = null)
{
    // Parsed once: the same entry is read for every VM its template names.
    private ParsedComplianceMessage? parsed;

    public ParsedComplianceMessage Parsed => parsed ??= ComplianceMessage.Parse(Message);

    public bool Equals(HistoryEntry? other) =>
        other is not null && At == other.At && Message == other.Message && EventName == other.EventName;

    public override int GetHashCode() => HashCode.Combine(At, Message, EventName);
}
