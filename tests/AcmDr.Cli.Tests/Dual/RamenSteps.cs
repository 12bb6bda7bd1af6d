namespace AcmDr.Cli.Tests.Dual;

/// <summary>
/// One state a simulated DRPC passes through: the phase and progression Ramen's DRPC controller reports
/// (api/v1alpha1/drplacementcontrol_types.go), the Available condition's status and message, and what the
/// controller does to the world on entering it.
/// </summary>
/// <param name="Decide">On entering: the app's PlacementDecision names the target ("" clears it, null leaves it).</param>
/// <param name="FinalSync">On entering: the final sync of a relocation ran (lastGroupSyncTime = now).</param>
/// <param name="PeerReady">On entering: the PeerReady condition goes False (the action started) or True (cleaned up).</param>
public sealed record RamenStep(
    string Phase,
    string Progression,
    bool Available,
    string Message,
    bool? Decide = null,
    bool FinalSync = false,
    bool? PeerReady = null);

/// <summary>The sequences of <see cref="RamenStep"/> Ramen's DRPC controller goes through, as internal/controller/drplacementcontrol.go runs them.</summary>
public static class RamenSteps
{
    public const string Deploying = "Deploying";
    public const string Deployed = "Deployed";
    public const string Initiating = "Initiating";
    public const string Relocating = "Relocating";
    public const string Relocated = "Relocated";
    public const string FailingOver = "FailingOver";
    public const string FailedOver = "FailedOver";
    public const string Completed = "Completed";
    public const string WaitForFencing = "WaitForFencing";
    public const string CleaningUp = "Cleaning Up";
    public const string WaitingForResourceRestore = "WaitingForResourceRestore";

    /// <summary>RunInitialDeployment: a VRG ManifestWork as Primary, then the Placement's decision.</summary>
    public static IReadOnlyList<RamenStep> Deploy() =>
    [
        new(Deploying, "CreatingMW", false, "Deploying"),
        new(Deploying, "UpdatingPlRule", false, "Deploying", Decide: true),
        new(Deployed, Completed, true, "Initial deployment completed", PeerReady: true),
    ];

    /// <summary>
    /// RunRelocate: quiesce and final sync on the current cluster (the Placement's decision cleared, so the
    /// app is undeployed there), every VRG Secondary, the target's VRG Primary, then the decision, cleanup.
    /// </summary>
    public static IReadOnlyList<RamenStep> Relocate() =>
    [
        new(Initiating, "PreparingFinalSync", false, "Initiating"),
        new(Relocating, "ClearingPlacement", false, "Starting quiescing for relocation", Decide: false),
        new(Relocating, "RunningFinalSync", false, "Starting quiescing for relocation"),
        new(Relocating, "FinalSyncComplete", false, "Starting quiescing for relocation", FinalSync: true),
        new(Relocating, "EnsuringVolumesAreSecondary", false, "Starting relocation", PeerReady: false),
        new(Relocating, WaitingForResourceRestore, false, "waiting for App resources to be restored)"),
        new(Relocating, "WaitForReadiness", false, "Starting relocation", Decide: true),
        new(Relocated, CleaningUp, true, "Completed"),
        new(Relocated, Completed, true, "Completed", PeerReady: true),
    ];

    /// <summary>
    /// RunFailover: no final sync (the source is assumed down), the failover cluster's VRG Primary, then the
    /// decision, cleanup of the old primary. WaitForFencing (Metro DR: the old cluster must be fenced first)
    /// is entered only when <paramref name="fencing"/>.
    /// </summary>
    public static IReadOnlyList<RamenStep> Failover(bool fencing) =>
    [
        new(FailingOver, "CheckingFailoverPrequisites", false, "Starting failover", PeerReady: false),
        .. fencing ? [new RamenStep(FailingOver, WaitForFencing, false, "Waiting for spec.failoverCluster to meet failover prerequisites")] : Array.Empty<RamenStep>(),
        new(FailingOver, "FailingOverToCluster", false, "Starting failover"),
        new(FailingOver, WaitingForResourceRestore, false, "waiting for App resources to be restored)"),
        new(FailedOver, "WaitForReadiness", true, "Completed", Decide: true),
        new(FailedOver, CleaningUp, true, "Completed"),
        new(FailedOver, Completed, true, "Completed", PeerReady: true),
    ];
}
