using AcmDr.Core.Planning;

namespace AcmDr.Core.Dual;

/// <summary>One condition of a DRPlacementControl's status (Available, PeerReady).</summary>
/// <param name="ObservedGeneration">The DRPC generation Ramen had seen when it wrote the condition; null when missing.</param>
public sealed record DrpcCondition(string Status, DateTimeOffset? LastTransitionTime, string? Reason, string? Message, long? ObservedGeneration = null)
{
    public bool IsTrue => Status == "True";

    public bool IsFalse => Status == "False";
}

/// <summary>
/// A Ramen DRPlacementControl as read from a dump or the hub: only the fields the report needs (see Ramen's
/// <c>docs/drpc-crd.md</c>). Strings are as Ramen wrote them; the report cleans them before showing them.
/// <c>status.preferredDecision</c> is not read: Ramen writes it once, never after an action.
/// </summary>
public sealed record DrpcObservation(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string? Action,
    string? PreferredCluster,
    string? FailoverCluster,
    string? Phase,
    string? Progression,
    DrpcCondition? Available,
    DrpcCondition? PeerReady,
    long? Generation,
    DateTimeOffset? ActionStartTime,
    TimeSpan? ActionDuration,
    DateTimeOffset? LastGroupSyncTime)
{
    /// <summary>The app the DRPC belongs to (label <c>acmdr.io/app</c>); null when it lacks it.</summary>
    public string? App => Labels.TryGetValue(PolicyNames.AppLabel, out var app) ? app : null;

    /// <summary>The tier label; null when missing or not a number.</summary>
    public int? Tier => Labels.TryGetValue(PolicyNames.TierLabel, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var tier) ? tier : null;

    /// <summary>The cluster acmdr's hub template last sent the app to (annotation <c>acmdr.io/target-cluster</c>).</summary>
    public string? TargetClusterAnnotation => Annotations.TryGetValue(PolicyNames.TargetClusterAnnotation, out var cluster) ? cluster : null;

    /// <summary>
    /// The cluster the DRPC runs the app at: <c>spec.failoverCluster</c> in phase FailedOver, <c>spec.preferredCluster</c>
    /// after the deployment or a Relocate; null in any other phase (an action under way) or when that field is empty.
    /// </summary>
    public string? RunsAt =>
        (Phase == DrpcStates.FailedOverPhase ? FailoverCluster
            : Phase is { } phase && DrpcStates.PreferredClusterPhases.Contains(phase, StringComparer.Ordinal) ? PreferredCluster
            : null) is { Length: > 0 } cluster ? cluster : null;

    /// <summary>
    /// Whether the status was written after Ramen saw the current spec: the Available condition's observedGeneration is
    /// the DRPC's generation (Ramen stamps conditions on each status write; <c>status.observedGeneration</c> moves only on
    /// a phase change). True when either is missing (or 0, which the hub templates read as missing).
    /// </summary>
    public bool SpecObserved =>
        Generation is not > 0 || Available?.ObservedGeneration is not > 0 || Generation == Available.ObservedGeneration;

    /// <summary>
    /// "Finished at <paramref name="cluster"/>", the one definition of issue 13, as the hub templates check it
    /// (<see cref="Manifests.DualTemplates"/>): it runs the app there (<see cref="RunsAt"/>), its progression is a
    /// finished one (<see cref="DrpcStates.FinishedProgressions"/>), Available is True and was written for the current spec.
    /// </summary>
    public bool IsFinishedAt(string cluster) =>
        RunsAt == cluster
        && Progression is { } progression && DrpcStates.FinishedProgressions.Contains(progression, StringComparer.Ordinal)
        && Available?.IsTrue == true
        && SpecObserved;

    /// <summary>Finished, but Ramen still cleans up the old cluster (or waits for the user to).</summary>
    public bool IsCleaningUp => DrpcStates.IsCleanup(Progression);

    /// <summary>The cluster the spec sends the app to: a Failover's failoverCluster, else the preferredCluster.</summary>
    public string? SpecCluster => Action == DrpcStates.FailoverAction ? FailoverCluster : PreferredCluster;

    /// <summary>Whether acmdr (annotation) or the spec already send the app to <paramref name="cluster"/>.</summary>
    public bool Targets(string cluster) => TargetClusterAnnotation == cluster || SpecCluster == cluster;

    /// <summary>
    /// The other cluster as far as the DRPC tells it (for reasons when the inventory does not): where it runs if not
    /// <paramref name="cluster"/>, else the spec's other cluster (a Failover leaves preferredCluster at the old one).
    /// </summary>
    public string? OtherThan(string cluster) =>
        new[] { RunsAt, Action == DrpcStates.FailoverAction ? PreferredCluster : FailoverCluster }
            .FirstOrDefault(c => c is { Length: > 0 } && c != cluster);
}
