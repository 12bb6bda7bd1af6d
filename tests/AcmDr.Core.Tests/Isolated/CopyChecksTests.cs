using System.Text.Json.Nodes;
using AcmDr.Core.Isolated;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>Where each step of a copy stands, read from its object.</summary>
[TestClass]
public sealed class CopyChecksTests
{
    private static readonly IReadOnlyList<NodeFacts> Nodes =
    [
        IsolatedSamples.Node("p-1", "Primary"),
        IsolatedSamples.Node("d-1", "DR"),
        new("x-1", new Dictionary<string, string>(), true, false, 1000, 1000),
    ];

    [TestMethod]
    public void A_snapshot_not_seen_yet_is_not_found() =>
        CopyChecks.Snapshot(null).Should().Be(new StepState(false, null, "not found"));

    [TestMethod]
    public void A_snapshot_ready_to_use_is_done() =>
        CopyChecks.Snapshot(Status("""{"readyToUse": true, "phase": "Succeeded"}""")).Should().Be(new StepState(true, null, "Succeeded"));

    [TestMethod]
    public void A_snapshot_ready_without_a_phase_is_done_as_succeeded() =>
        CopyChecks.Snapshot(Status("""{"readyToUse": true}""")).Should().Be(new StepState(true, null, "Succeeded"));

    [TestMethod]
    public void A_snapshot_succeeded_but_not_ready_to_use_is_not_done() =>
        CopyChecks.Snapshot(Status("""{"readyToUse": false, "phase": "Succeeded"}""")).Should().Be(new StepState(false, null, "Succeeded"));

    [TestMethod]
    public void A_snapshot_ready_to_use_as_text_is_not_done() =>
        CopyChecks.Snapshot(Status("""{"readyToUse": "true", "phase": "InProgress"}""")).Done.Should().BeFalse();

    [TestMethod]
    public void A_failed_snapshot_fails_with_its_error_message()
    {
        CopyChecks.Snapshot(Status("""{"phase": "Failed", "error": {"message": "snapshot deadline exceeded"}}"""))
            .Should().Be(new StepState(false, "snapshot deadline exceeded", "Failed"));
        CopyChecks.Snapshot(Status("""{"phase": "Failed"}""")).Should().Be(new StepState(false, "the snapshot failed", "Failed"));
    }

    [TestMethod]
    public void A_snapshot_in_progress_shows_its_phase_and_any_error_so_far()
    {
        CopyChecks.Snapshot(Status("""{"phase": "InProgress"}""")).Should().Be(new StepState(false, null, "InProgress"));
        CopyChecks.Snapshot(Status("""{"phase": "InProgress", "error": {"message": "freeze failed, retrying"}}"""))
            .Should().Be(new StepState(false, null, "InProgress: freeze failed, retrying"));
        CopyChecks.Snapshot(new JsonObject()).Should().Be(new StepState(false, null, "Pending"));
    }

    [TestMethod]
    public void The_guest_agent_indication_means_a_freeze_and_no_guest_agent_means_crash_consistent()
    {
        CopyChecks.ConsistencyOf(Status("""{"indications": ["Online", "GuestAgent"]}""")).Should().Be(Consistency.GuestAgentFreeze);
        CopyChecks.ConsistencyOf(Status("""{"indications": ["Online", "NoGuestAgent"]}""")).Should().Be(Consistency.CrashConsistent);
        CopyChecks.ConsistencyOf(Status("""{"sourceIndications": [{"indication": "Online"}, {"indication": "GuestAgent", "message": "frozen"}]}""")).Should().Be(Consistency.GuestAgentFreeze);
        CopyChecks.ConsistencyOf(Status("""{"sourceIndications": [{"indication": "NoGuestAgent"}]}""")).Should().Be(Consistency.CrashConsistent);
    }

    [TestMethod]
    public void A_snapshot_without_an_agent_indication_has_unknown_consistency()
    {
        CopyChecks.ConsistencyOf(Status("""{"indications": ["Online"]}""")).Should().Be(Consistency.Unknown);
        CopyChecks.ConsistencyOf(Status("""{"sourceIndications": [{"message": "no indication"}]}""")).Should().Be(Consistency.Unknown);
        CopyChecks.ConsistencyOf(new JsonObject()).Should().Be(Consistency.Unknown);
    }

    [TestMethod]
    public void The_content_name_is_read_once_the_snapshot_names_it()
    {
        CopyChecks.ContentName(Status("""{"virtualMachineSnapshotContentName": "vmsnapshot-content-1"}""")).Should().Be("vmsnapshot-content-1");
        CopyChecks.ContentName(Status("""{"virtualMachineSnapshotContentName": ""}""")).Should().BeNull();
        CopyChecks.ContentName(new JsonObject()).Should().BeNull();
    }

    [TestMethod]
    public void A_data_volume_is_done_at_succeeded_and_shows_its_phase_and_progress_before()
    {
        CopyChecks.DataVolume(null).Should().Be(new StepState(false, null, "not found"));
        CopyChecks.DataVolume(Status("""{"phase": "Succeeded", "progress": "100.0%"}""")).Should().Be(new StepState(true, null, "Succeeded"));
        CopyChecks.DataVolume(Status("""{"phase": "CloneInProgress", "progress": "40.00%"}""")).Should().Be(new StepState(false, null, "CloneInProgress 40.00%"));
        CopyChecks.DataVolume(Status("""{"phase": "SnapshotForSmartCloneInProgress", "progress": "N/A"}""")).Should().Be(new StepState(false, null, "SnapshotForSmartCloneInProgress"));
        CopyChecks.DataVolume(Status("""{"phase": "", "progress": ""}""")).Should().Be(new StepState(false, null, "Pending"));
        CopyChecks.DataVolume(new JsonObject()).Should().Be(new StepState(false, null, "Pending"));
    }

    [TestMethod]
    public void A_failed_data_volume_fails_with_its_running_conditions_message()
    {
        CopyChecks.DataVolume(Status("""
            {"phase": "Failed", "conditions": [{"type": "Bound", "status": "True", "message": "bound"}, {"type": "Running", "status": "False", "message": "clone failed: snapshot not found"}]}
            """)).Should().Be(new StepState(false, "clone failed: snapshot not found", "Failed"));
        CopyChecks.DataVolume(Status("""{"phase": "Failed", "conditions": [{"type": "Running", "status": "False", "message": ""}]}"""))
            .Should().Be(new StepState(false, "the DataVolume failed", "Failed"));
        CopyChecks.DataVolume(Status("""{"phase": "Failed"}""")).Should().Be(new StepState(false, "the DataVolume failed", "Failed"));
    }

    [TestMethod]
    public void A_copy_running_at_the_dr_site_with_its_agent_and_readiness_is_done() =>
        CopyChecks.Boot(Instance("Running", "d-1", agent: true, ready: true), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(true, null, "Running on d-1"));

    [TestMethod]
    public void A_running_copy_waits_for_its_agent_and_its_readiness()
    {
        CopyChecks.Boot(Instance("Running", "d-1", agent: false, ready: true), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Running on d-1, guest agent not connected"));
        CopyChecks.Boot(Instance("Running", "d-1", agent: true, ready: false), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Running on d-1, not ready (readiness probe)"));
        CopyChecks.Boot(Instance("Running", "d-1", agent: false, ready: false), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Running on d-1, guest agent not connected, not ready (readiness probe)"));
    }

    [TestMethod]
    public void A_condition_with_status_other_than_true_does_not_count()
    {
        var instance = Instance("Running", "d-1", agent: true, ready: true);
        instance["status"]!["conditions"]![1]!["status"] = "Unknown";

        CopyChecks.Boot(instance, Nodes, IsolatedSamples.Options).Should().Be(new StepState(false, null, "Running on d-1, not ready (readiness probe)"));
    }

    [TestMethod]
    public void A_copy_running_at_another_site_fails()
    {
        CopyChecks.Boot(Instance("Running", "p-1", agent: true, ready: true), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, "runs on node p-1 at site Primary, not at DR", "Running"));
        CopyChecks.Boot(Instance("Running", "x-1", agent: true, ready: true), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, "runs on node x-1 at no site (no topology.kubernetes.io/site label), not at DR", "Running"));
    }

    [TestMethod]
    public void A_copy_on_a_node_not_listed_is_not_done_yet()
    {
        CopyChecks.Boot(Instance("Running", "new-1", agent: true, ready: true), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Running on node new-1, not a known node"));
        CopyChecks.Boot(Instance("Running", null, agent: true, ready: true), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Running on node (unknown), not a known node"));
    }

    [TestMethod]
    public void A_copy_not_running_yet_shows_its_phase_and_why_it_is_not_scheduled()
    {
        CopyChecks.Boot(null, Nodes, IsolatedSamples.Options).Should().Be(new StepState(false, null, "not found"));
        CopyChecks.Boot(Instance("Scheduling", null, false, false), Nodes, IsolatedSamples.Options).Should().Be(new StepState(false, null, "Scheduling"));
        CopyChecks.Boot(new JsonObject(), Nodes, IsolatedSamples.Options).Should().Be(new StepState(false, null, "Pending"));
        CopyChecks.Boot(Status("""{"phase": "", "conditions": [{"type": "PodScheduled", "status": "True", "message": "ok"}]}"""), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Pending"));
        CopyChecks.Boot(Status("""{"phase": "Scheduling", "conditions": [{"type": "PodScheduled", "status": "False", "message": "0/4 nodes are available: exceeded quota"}]}"""), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Scheduling: 0/4 nodes are available: exceeded quota"));
        CopyChecks.Boot(Status("""{"phase": "Scheduling", "conditions": [{"type": "PodScheduled", "status": "False"}]}"""), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, null, "Scheduling"));
    }

    [TestMethod]
    public void A_copy_that_stopped_fails_with_its_phase_and_reason()
    {
        CopyChecks.Boot(Status("""{"phase": "Failed", "reason": "PodFailed"}"""), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, "the copy stopped (phase Failed, PodFailed)", "Failed"));
        CopyChecks.Boot(Status("""{"phase": "Succeeded"}"""), Nodes, IsolatedSamples.Options)
            .Should().Be(new StepState(false, "the copy stopped (phase Succeeded)", "Succeeded"));
    }

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => CopyChecks.ConsistencyOf(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CopyChecks.ContentName(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CopyChecks.Boot(null, null!, IsolatedSamples.Options)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => CopyChecks.Boot(null, Nodes, null!)).Should().Throw<ArgumentNullException>();
    }

    private static JsonObject Status(string status) => IsolatedSamples.Parse("""{"status": """ + status + "}");

    private static JsonObject Instance(string phase, string? node, bool agent, bool ready) => new()
    {
        ["status"] = new JsonObject
        {
            ["phase"] = phase,
            ["nodeName"] = node,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "AgentConnected", ["status"] = agent ? "True" : "False" },
                new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
        },
    };
}
