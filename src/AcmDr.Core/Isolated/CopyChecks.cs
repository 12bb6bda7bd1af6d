using System.Text.Json.Nodes;

namespace AcmDr.Core.Isolated;

/// <summary>Where a step stands, read from the object the cluster returned.</summary>
/// <param name="Done">The step finished well.</param>
/// <param name="Failure">Why it failed for good (null: not failed; it may still finish).</param>
/// <param name="State">What it is doing now, in words, for a timeout's reason ("Pending", "ImportInProgress 40%").</param>
public sealed record StepState(bool Done, string? Failure, string State);

/// <summary>Reads the state of each step of a copy from its objects: snapshot, DataVolume, running copy.</summary>
public static class CopyChecks
{
    /// <summary>A VirtualMachineSnapshot: done when status.readyToUse; failed on phase Failed (status.error.message).</summary>
    public static StepState Snapshot(JsonObject? snapshot) => throw new NotImplementedException();

    /// <summary>The consistency a ready snapshot reports (status.indications or status.sourceIndications: GuestAgent, NoGuestAgent).</summary>
    public static Consistency ConsistencyOf(JsonObject snapshot) => throw new NotImplementedException();

    /// <summary>The VirtualMachineSnapshotContent's name (status.virtualMachineSnapshotContentName), or null while unknown.</summary>
    public static string? ContentName(JsonObject snapshot) => throw new NotImplementedException();

    /// <summary>A DataVolume: done at phase Succeeded; failed at phase Failed (the Running condition's message).</summary>
    public static StepState DataVolume(JsonObject? dataVolume) => throw new NotImplementedException();

    /// <summary>
    /// The copy's VirtualMachineInstance: done when phase Running on a node labelled
    /// <c>siteLabel=DrSite</c> (among <paramref name="nodes"/>), condition AgentConnected True and
    /// condition Ready True (its readiness probe passing). Running at another site is a failure.
    /// </summary>
    public static StepState Boot(JsonObject? instance, IReadOnlyList<NodeFacts> nodes, IsolatedOptions options) => throw new NotImplementedException();
}
