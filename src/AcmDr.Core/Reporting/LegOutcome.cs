namespace AcmDr.Core.Reporting;

/// <summary>How one leg of a rehearsal ended, as a manager reads it; worst first.</summary>
public enum LegOutcome
{
    /// <summary>At least one VM did not move (not moved, or still waiting past its tier's RTO).</summary>
    NotMoved,

    /// <summary>No VM failed, but the hub gave no word on some (or the scope was empty).</summary>
    CannotTell,

    /// <summary>Nothing failed yet: some VMs wait for earlier tiers within their RTO.</summary>
    StillMoving,

    AllMoved,
}
