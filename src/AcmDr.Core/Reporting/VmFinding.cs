using AcmDr.Core.Compliance;

namespace AcmDr.Core.Reporting;

/// <summary>What kind of answer a VM's reason is, once read.</summary>
public enum FindingKind
{
    Moved,

    /// <summary>Held back by an earlier tier (the policy's dependency).</summary>
    Waiting,

    /// <summary>The hub has no status from the cluster for this VM since the flip.</summary>
    NoStatus,

    /// <summary>The <c>-site</c> template did not set the VM's placement at the target.</summary>
    PlacementNotApplied,

    /// <summary>Placement set, but the VM does not run at the target.</summary>
    NotRunningThere,

    /// <summary>The managed cluster itself says where the instance runs, and it is not the target.</summary>
    RunsElsewhere,

    /// <summary>The managed cluster has no running instance of the VM.</summary>
    NoInstance,

    /// <summary>The reason already names its next step (<c>next:</c>); kept as it is.</summary>
    Explained,

    /// <summary>A reason acmdr does not recognise; shown as the status says it.</summary>
    Unrecognised,
}

/// <summary>One VM as the executive summary shows it.</summary>
/// <param name="IsFailure">Not moved, unknown, or still waiting past its tier's RTO.</param>
/// <param name="Plain">What happened, in plain words.</param>
/// <param name="NextStep">What to do about it, in plain words; empty when nothing is to be done.</param>
/// <param name="Commands">Commands that take the next step, in order.</param>
public sealed record VmFinding(
    VmCompliance Vm,
    bool IsFailure,
    FindingKind Kind,
    string Plain,
    string NextStep,
    IReadOnlyList<string> Commands);
