namespace AcmDr.Core.Compliance;

/// <summary>Rolls VM verdicts up into a tier and measures it against its RTO.</summary>
internal static class TierProgress
{
    internal static TierCompliance Of(
        int tier, IReadOnlyList<VmCompliance> vms, int? rtoMinutes, DateTimeOffset? flipAt, DateTimeOffset now)
    {
        var moved = vms.Count(v => v.Verdict == MoveVerdict.Moved);
        var allMoved = moved == vms.Count;
        TimeSpan? duration = allMoved && flipAt is { } flip && vms.All(v => v.Since is not null)
            ? vms.Max(v => v.Since!.Value) - flip
            : null;
        return new TierCompliance(tier, moved, vms.Count, Aggregate(vms), duration, rtoMinutes,
            RtoOf(allMoved, duration, rtoMinutes, flipAt, now));
    }

    /// <summary>All moved: Moved. Any not moved: NotMoved. Else any unknown: Unknown. Else Waiting.</summary>
    internal static MoveVerdict Aggregate(IReadOnlyCollection<VmCompliance> vms)
    {
        if (vms.Count == 0)
        {
            return MoveVerdict.Unknown;
        }

        if (vms.All(v => v.Verdict == MoveVerdict.Moved))
        {
            return MoveVerdict.Moved;
        }

        if (vms.Any(v => v.Verdict == MoveVerdict.NotMoved))
        {
            return MoveVerdict.NotMoved;
        }

        return vms.Any(v => v.Verdict == MoveVerdict.Unknown) ? MoveVerdict.Unknown : MoveVerdict.Waiting;
    }

    private static RtoStatus RtoOf(
        bool allMoved, TimeSpan? duration, int? rtoMinutes, DateTimeOffset? flipAt, DateTimeOffset now)
    {
        if (rtoMinutes is not { } minutes)
        {
            return RtoStatus.NoTarget;
        }

        if (flipAt is not { } flip)
        {
            return RtoStatus.NotMeasured;
        }

        var target = TimeSpan.FromMinutes(minutes);
        if (allMoved)
        {
            return duration is { } taken ? (taken <= target ? RtoStatus.Met : RtoStatus.Missed) : RtoStatus.NotMeasured;
        }

        return now - flip > target ? RtoStatus.Missed : RtoStatus.Pending;
    }
}
