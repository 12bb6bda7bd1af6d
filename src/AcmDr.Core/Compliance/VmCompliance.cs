namespace AcmDr.Core.Compliance;

/// <summary>The verdict for one VM.</summary>
/// <param name="SpecState">The <c>-site</c> template's word on this VM (nodeSelector set).</param>
/// <param name="RunningState">The <c>-running</c> template's (or ground truth's) word on this VM.</param>
/// <param name="Since">When it became moved: the oldest entry of the latest run of history entries saying so.</param>
/// <param name="Reason">Why, in the words of the status, cleaned for display.</param>
/// <param name="StartedAt">When its placement at the target was first seen since the flip (see <see cref="MoveStart"/>).</param>
public sealed record VmCompliance(
    string App,
    int Tier,
    string Namespace,
    string Vm,
    string Cluster,
    string TargetSite,
    ComplianceState SpecState,
    ComplianceState RunningState,
    MoveVerdict Verdict,
    DateTimeOffset? Since,
    string Reason,
    DateTimeOffset? StartedAt = null);
