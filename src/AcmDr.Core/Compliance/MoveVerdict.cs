namespace AcmDr.Core.Compliance;

/// <summary>Whether a VM (tier, whole plan) runs at the target site.</summary>
public enum MoveVerdict
{
    /// <summary>No status to tell from; never reported as moved.</summary>
    Unknown,
    Moved,
    NotMoved,

    /// <summary>Held back by a dependency (the tier before it); not a failure.</summary>
    Waiting,
}
