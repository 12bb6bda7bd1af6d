namespace AcmDr.Core.Dual;

/// <summary>
/// Ramen's DRPlacementControl phases and progressions that "finished at T" names (issue 13, amendments 1 and 2), in one
/// place for the hub templates (<see cref="Manifests.DualTemplates"/>) and the report (<see cref="DrpcObservation.IsFinishedAt"/>).
/// </summary>
public static class DrpcStates
{
    public const string FailoverAction = "Failover";
    public const string RelocateAction = "Relocate";

    /// <summary>The phase after a Failover: the DRPC runs the app at <c>spec.failoverCluster</c>.</summary>
    public const string FailedOverPhase = "FailedOver";

    /// <summary>The phases after the initial deployment and a Relocate: the DRPC runs the app at <c>spec.preferredCluster</c>.</summary>
    public static IReadOnlyList<string> PreferredClusterPhases { get; } = ["Deployed", "Relocated"];

    /// <summary>The phases in which a DRPC has finished its deployment or action; no other phase is finished.</summary>
    public static IReadOnlyList<string> FinishedPhases { get; } = [.. PreferredClusterPhases, FailedOverPhase];

    public const string CompletedProgression = "Completed";

    public const string CleaningUpProgression = "Cleaning Up";

    public const string WaitOnUserToCleanUpProgression = "WaitOnUserToCleanUp";

    /// <summary>
    /// The progressions in which a DRPC has finished. After an action Ramen reports "Cleaning Up" (or, for discovered
    /// apps after a Failover, "WaitOnUserToCleanUp") while the old cluster is cleaned; the app already runs at the
    /// target, and after a Failover with the old cluster down this lasts until that cluster returns, maybe never.
    /// </summary>
    public static IReadOnlyList<string> FinishedProgressions { get; } = [CompletedProgression, CleaningUpProgression, WaitOnUserToCleanUpProgression];

    /// <summary>The finished progressions in which the old cluster is still being cleaned up.</summary>
    public static bool IsCleanup(string? progression) =>
        progression is CleaningUpProgression or WaitOnUserToCleanUpProgression;
}
