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
    /// <summary>The state of a step whose object the cluster does not show (yet).</summary>
    public const string NotFound = "not found";

    /// <summary>A VirtualMachineSnapshot: done when status.readyToUse; failed on phase Failed (status.error.message).</summary>
    public static StepState Snapshot(JsonObject? snapshot)
    {
        if (snapshot is null)
        {
            return new StepState(false, null, NotFound);
        }

        var phase = JsonPaths.String(snapshot, "status", "phase");
        var error = JsonPaths.String(snapshot, "status", "error", "message");
        if (JsonPaths.IsTrue(snapshot, "status", "readyToUse"))
        {
            return new StepState(true, null, "Succeeded");
        }

        if (phase == "Failed")
        {
            return new StepState(false, error ?? "the snapshot failed", phase);
        }

        var state = phase ?? "Pending";
        return new StepState(false, null, error is null ? state : $"{state}: {error}");
    }

    /// <summary>The consistency a ready snapshot reports (status.indications or status.sourceIndications: GuestAgent, NoGuestAgent).</summary>
    public static Consistency ConsistencyOf(JsonObject snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var indications = JsonPaths.Strings(snapshot, "status", "indications")
            .Concat(JsonPaths.Objects(snapshot, "status", "sourceIndications").Select(i => JsonPaths.String(i, "indication")).OfType<string>())
            .ToList();
        return indications.Contains("GuestAgent") ? Consistency.GuestAgentFreeze
            : indications.Contains("NoGuestAgent") ? Consistency.CrashConsistent
            : Consistency.Unknown;
    }

    /// <summary>The VirtualMachineSnapshotContent's name (status.virtualMachineSnapshotContentName), or null while unknown.</summary>
    public static string? ContentName(JsonObject snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonPaths.String(snapshot, "status", "virtualMachineSnapshotContentName") is { Length: > 0 } name ? name : null;
    }

    /// <summary>A DataVolume: done at phase Succeeded; failed at phase Failed (the Running condition's message).</summary>
    public static StepState DataVolume(JsonObject? dataVolume)
    {
        if (dataVolume is null)
        {
            return new StepState(false, null, NotFound);
        }

        var phase = JsonPaths.String(dataVolume, "status", "phase");
        if (phase == "Succeeded")
        {
            return new StepState(true, null, phase);
        }

        if (phase == "Failed")
        {
            var message = JsonPaths.String(JsonPaths.Condition(dataVolume, "Running"), "message");
            return new StepState(false, string.IsNullOrEmpty(message) ? "the DataVolume failed" : message, phase);
        }

        var progress = JsonPaths.String(dataVolume, "status", "progress");
        var state = phase is { Length: > 0 } ? phase : "Pending";
        return new StepState(false, null, progress is { Length: > 0 } and not "N/A" ? $"{state} {progress}" : state);
    }

    /// <summary>
    /// The copy's VirtualMachineInstance: done when phase Running on a node labelled
    /// <c>siteLabel=DrSite</c> (among <paramref name="nodes"/>), condition AgentConnected True and
    /// condition Ready True (its readiness probe passing). Running at another site is a failure.
    /// </summary>
    public static StepState Boot(JsonObject? instance, IReadOnlyList<NodeFacts> nodes, IsolatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        if (instance is null)
        {
            return new StepState(false, null, NotFound);
        }

        var phase = JsonPaths.String(instance, "status", "phase");
        if (phase is "Failed" or "Succeeded")
        {
            var reason = JsonPaths.String(instance, "status", "reason");
            return new StepState(false, $"the copy stopped (phase {phase}{(string.IsNullOrEmpty(reason) ? "" : ", " + reason)})", phase);
        }

        if (phase != "Running")
        {
            var state = phase is { Length: > 0 } ? phase : "Pending";
            var scheduled = JsonPaths.Condition(instance, "PodScheduled");
            return JsonPaths.String(scheduled, "status") == "False" && JsonPaths.String(scheduled, "message") is { Length: > 0 } why
                ? new StepState(false, null, $"{state}: {why}")
                : new StepState(false, null, state);
        }

        var nodeName = JsonPaths.String(instance, "status", "nodeName");
        var node = nodes.FirstOrDefault(n => n.Name == nodeName);
        if (node is null)
        {
            return new StepState(false, null, $"Running on node {nodeName ?? "(unknown)"}, not a known node");
        }

        var site = node.Labels.TryGetValue(options.SiteLabel, out var value) ? value : null;
        if (site != options.DrSite)
        {
            return new StepState(false, $"runs on node {node.Name} at {(site is null ? $"no site (no {options.SiteLabel} label)" : "site " + site)}, not at {options.DrSite}", phase);
        }

        var agent = JsonPaths.ConditionTrue(instance, "AgentConnected");
        var ready = JsonPaths.ConditionTrue(instance, "Ready");
        var waiting = (agent, ready) switch
        {
            (true, true) => null,
            (false, true) => "guest agent not connected",
            (true, false) => "not ready (readiness probe)",
            _ => "guest agent not connected, not ready (readiness probe)",
        };
        return waiting is null
            ? new StepState(true, null, $"Running on {node.Name}")
            : new StepState(false, null, $"Running on {node.Name}, {waiting}");
    }
}
