namespace AcmDr.Core.Reporting;

/// <summary>What the report reads of one flip in the switch's audit trail: when, and to which site.</summary>
public sealed record FlipMark(DateTimeOffset At, string To);
