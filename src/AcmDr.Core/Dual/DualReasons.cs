using AcmDr.Core.Compliance;
using AcmDr.Core.Manifests;

namespace AcmDr.Core.Dual;

/// <summary>
/// Why a dual app's DRPC has not finished at its target, and the next step, in the form the plain reasons keep as
/// they are (<c>...; next: ...</c>). Ramen's own words (phase, progression, condition messages) are cleaned first.
/// </summary>
internal static class DualReasons
{
    /// <summary>"phase Relocating, progression RunningFinalSync" as Ramen reports it.</summary>
    public static string State(DrpcObservation drpc) =>
        $"phase {Word(drpc.Phase)}, progression {Word(drpc.Progression)}";

    /// <summary>
    /// The DRPC finished at <paramref name="cluster"/>; while Ramen still cleans up <paramref name="other"/> the app has
    /// moved all the same (after a Failover with the old cluster down that may last until it returns).
    /// </summary>
    public static string Finished(DrpcObservation drpc, string name, string cluster, string? other)
    {
        var head = $"DRPC {name} finished at {StatusText.Clean(cluster)}";
        if (!drpc.IsCleaningUp)
        {
            return $"{head} ({State(drpc)})";
        }

        var old = other is null ? "the old cluster" : $"the old cluster {StatusText.Clean(other)}";
        var cleanup = drpc.Progression == DrpcStates.WaitOnUserToCleanUpProgression
            ? $"Ramen waits for the user to clean up {old}"
            : $"Ramen is still cleaning up {old}";
        return $"{head}: moved ({cleanup}; {State(drpc)})";
    }

    /// <summary>The DRPC targets <paramref name="cluster"/> but Ramen has not finished there.</summary>
    public static string NotFinished(DrpcObservation drpc, string name, string cluster, string? other)
    {
        var action = drpc.Action is { Length: > 0 } a ? StatusText.Clean(a) : "deployment";
        var to = StatusText.Clean(cluster);
        var old = other is null ? "the cluster it ran on" : StatusText.Clean(other);
        var head = $"DRPC {name} {action} to {to} not finished ({State(drpc)})";
        var describe = $"oc describe drplacementcontrol -n {name.Replace("/", " ", StringComparison.Ordinal)}";
        if (drpc.Progression == "WaitForFencing")
        {
            return $"{head}: Ramen waits for {old} to be fenced; next: fence {old} (its DRCluster's spec.clusterFence: Fenced, or ManuallyFenced once it is cut off by hand), then Ramen goes on";
        }

        if (drpc.Available is { IsFalse: true } failed && IsFailure(failed))
        {
            return $"{head}: the {action} failed ({Condition(failed)}); next: read {describe} and the VolumeReplicationGroup on {to}, fix the cause, then flip again or break glass";
        }

        if (drpc.PeerReady is { IsFalse: true } peer)
        {
            return $"{head}: PeerReady is False ({Condition(peer)}); next: a Relocate needs both clusters; bring {old} back, or flip with --unplanned for a Failover";
        }

        if (drpc.Phase == "WaitForUser" || drpc.Progression == "WaitOnUserToCleanUp")
        {
            return $"{head}: Ramen waits for the user; next: clean up the app on {old} as {describe} says";
        }

        if (!drpc.SpecObserved)
        {
            return $"{head}: Ramen has not seen the latest spec (generation {drpc.Generation}, condition Available observed {drpc.Available?.ObservedGeneration}); next: check that the Ramen hub operator runs";
        }

        return $"{head}; next: Ramen is still moving it; past the tier's RTO read {describe}";
    }

    /// <summary>What a waiting app waits for.</summary>
    public static string Waiting(IReadOnlyList<string> apps) =>
        $"waiting for {string.Join(", ", apps.Select(StatusText.Clean))} to finish first (its policy's dependency); next: nothing within the tier's RTO; past it, see why those apps have not finished";

    /// <summary>Nothing holds the DRPC back, yet it does not target <paramref name="cluster"/>.</summary>
    public static string Unchanged(DrpcObservation drpc, string name, string cluster, string policy, string hub, DualObservation dual)
    {
        var at = $"it is at {(drpc.RunsAt is { } runs ? StatusText.Clean(runs) : $"no cluster yet (phase {Word(drpc.Phase)})")}, preferredCluster {Word(drpc.PreferredCluster)}, action {Word(drpc.Action)}";
        if (dual.SwitchRead && dual.SwitchMode is not (SwitchManifest.PlannedMode or SwitchManifest.UnplannedMode))
        {
            var mode = dual.SwitchMode is null ? "no mode" : $"mode '{StatusText.Clean(dual.SwitchMode)}'";
            return $"the switch has {mode} ({SwitchManifest.PlannedMode} or {SwitchManifest.UnplannedMode} wanted), so policy {policy} on {hub} changes no DRPC ({at}); next: flip again (acmdr flip --to SITE, with --unplanned for a Failover)";
        }

        return $"policy {policy} on {hub} has not changed DRPC {name} to {StatusText.Clean(cluster)} ({at}); next: read the {policy}-drpc template's status on {hub} (acmdr report -o json, or oc get policy -n {hub})";
    }

    private static bool IsFailure(DrpcCondition condition) =>
        (condition.Reason ?? string.Empty).Contains("fail", StringComparison.OrdinalIgnoreCase)
        || (condition.Reason ?? string.Empty).Contains("error", StringComparison.OrdinalIgnoreCase);

    private static string Condition(DrpcCondition condition)
    {
        var reason = StatusText.Clean(condition.Reason);
        var message = StatusText.Clean(condition.Message);
        return (reason, message) switch
        {
            ("", "") => "no reason given",
            (_, "") => reason,
            ("", _) => message,
            _ => $"{reason}: {message}",
        };
    }

    private static string Word(string? value) => value is { Length: > 0 } ? StatusText.Clean(value) : "none";
}
