namespace AcmDr.Core.Compliance;

/// <summary>One tier's progress.</summary>
/// <param name="Duration">From the flip to when its last VM moved; null until all moved.</param>
/// <param name="RtoMinutes">The slowest (largest) rto_minutes among its apps.</param>
public sealed record TierCompliance(
    int Tier,
    int Moved,
    int Total,
    MoveVerdict Verdict,
    TimeSpan? Duration,
    int? RtoMinutes,
    RtoStatus Rto);
