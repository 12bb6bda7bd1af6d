using AcmDr.Core.Compliance;

namespace AcmDr.Core.Reporting;

/// <summary>One tier's move in time.</summary>
/// <param name="StartedAt">When its first VM's placement at the target was seen (see <see cref="MoveStart"/>); null when never seen.</param>
/// <param name="ArrivedAt">When its last VM ran at the target; null until all moved (or when a move time is not known).</param>
/// <param name="Took">From the flip to <paramref name="ArrivedAt"/>.</param>
/// <param name="RtoMinutes">The tier's objective, from the flip.</param>
public sealed record TierTimeline(
    int Tier,
    int Moved,
    int Total,
    MoveVerdict Verdict,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ArrivedAt,
    TimeSpan? Took,
    int? RtoMinutes,
    RtoStatus Rto);
