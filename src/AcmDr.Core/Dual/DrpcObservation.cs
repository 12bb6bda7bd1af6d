using AcmDr.Core.Planning;

namespace AcmDr.Core.Dual;

/// <summary>One condition of a DRPlacementControl's status (Available, PeerReady).</summary>
public sealed record DrpcCondition(string Status, DateTimeOffset? LastTransitionTime, string? Reason, string? Message)
{
    public bool IsTrue => Status == "True";

    public bool IsFalse => Status == "False";
}

/// <summary>
/// A Ramen DRPlacementControl as read from a dump or the hub: only the fields the report needs (see Ramen's
/// <c>docs/drpc-crd.md</c>). Strings are as Ramen wrote them; the report cleans them before showing them.
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
    string? DecisionCluster,
    DrpcCondition? Available,
    DrpcCondition? PeerReady,
    long? Generation,
    long? ObservedGeneration,
    DateTimeOffset? ActionStartTime,
    TimeSpan? ActionDuration,
    DateTimeOffset? LastGroupSyncTime)
{
    public const string FailoverAction = "Failover";
    public const string RelocateAction = "Relocate";
    public const string CompletedProgression = "Completed";

    /// <summary>The phases in which Ramen has placed the app: the initial deployment, a failover or a relocation done.</summary>
    public static IReadOnlyList<string> SettledPhases { get; } = ["Deployed", "Relocated", "FailedOver"];

    /// <summary>The app the DRPC belongs to (label <c>acmdr.io/app</c>); null when it lacks it.</summary>
    public string? App => Labels.TryGetValue(PolicyNames.AppLabel, out var app) ? app : null;

    /// <summary>The tier label; null when missing or not a number.</summary>
    public int? Tier => Labels.TryGetValue(PolicyNames.TierLabel, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var tier) ? tier : null;

    /// <summary>The cluster acmdr's hub template last sent the app to (annotation <c>acmdr.io/target-cluster</c>).</summary>
    public string? TargetClusterAnnotation => Annotations.TryGetValue(PolicyNames.TargetClusterAnnotation, out var cluster) ? cluster : null;

    /// <summary>Whether Ramen saw the latest spec: true when either generation is missing.</summary>
    public bool SpecObserved => Generation is null || ObservedGeneration is null || Generation == ObservedGeneration;

    /// <summary>
    /// "Finished at <paramref name="cluster"/>", the one definition of issue 13: Ramen decided on it, the progression is
    /// Completed, the phase settled, Available is True, and Ramen saw the latest spec.
    /// </summary>
    public bool IsFinishedAt(string cluster) =>
        DecisionCluster == cluster
        && Progression == CompletedProgression
        && Phase is { } phase && SettledPhases.Contains(phase, StringComparer.Ordinal)
        && Available?.IsTrue == true
        && SpecObserved;

    /// <summary>The cluster the spec sends the app to: a Failover's failoverCluster, else the preferredCluster.</summary>
    public string? SpecCluster => Action == FailoverAction ? FailoverCluster : PreferredCluster;

    /// <summary>Whether acmdr (annotation) or the spec already send the app to <paramref name="cluster"/>.</summary>
    public bool Targets(string cluster) => TargetClusterAnnotation == cluster || SpecCluster == cluster;
}
