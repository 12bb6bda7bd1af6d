namespace AcmDr.Core.Compliance;

/// <summary>How a tier did against its recovery-time objective.</summary>
public enum RtoStatus
{
    /// <summary>Still moving and still within the objective.</summary>
    Pending,
    Met,
    Missed,

    /// <summary>No rto_minutes for any app of the tier.</summary>
    NoTarget,

    /// <summary>No flip time or no move times to measure with.</summary>
    NotMeasured,
}
