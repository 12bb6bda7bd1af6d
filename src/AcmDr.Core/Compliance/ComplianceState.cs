namespace AcmDr.Core.Compliance;

/// <summary>The compliance a policy, template or message reports.</summary>
public enum ComplianceState
{
    /// <summary>No known compliance word (unknown wording, empty, missing status).</summary>
    Unknown,
    Compliant,
    NonCompliant,
    Pending,
}
