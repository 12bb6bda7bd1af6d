using System.Globalization;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report.Isolated;
using AcmDr.Core;
using AcmDr.Core.Isolated;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Isolated;

/// <summary>How a run paces itself: in-flight VM pipelines per tier, each pipeline's time limit (from its snapshot's start), the poll interval.</summary>
public sealed record IsolatedLimits(int MaxParallel, TimeSpan Timeout, TimeSpan PollInterval);

/// <summary>What a run did: its timelines (every VM of the plan, in plan order), when it ran, and why it stopped early (null: it ran to the end).</summary>
/// <param name="Interrupted">Cancelled (Ctrl-C): it stopped creating.</param>
/// <param name="Lost">The cluster stopped answering (one line), or null.</param>
public sealed record IsolatedRunResult(DateTimeOffset StartedAt, DateTimeOffset EndedAt, IReadOnlyList<VmTimeline> Vms, bool Interrupted, string? Lost);

/// <summary>
/// One isolated test recovery, once the preflight passed: the bubbles first, then tier by tier (a
/// failed tier does not stop later ones), with at most <see cref="IsolatedLimits.MaxParallel"/> VM
/// pipelines in flight (a sliding window: a finished one makes room for the next). A pipeline:
/// VirtualMachineSnapshot in production, its DataVolumes in the bubble once it is ready, the VM
/// copy once they are, then the copy verified (<see cref="CopyChecks.Boot"/>). One loop polls every
/// pipeline in flight, so there is one wait at a time, on the cluster's clock. Production sees only
/// the snapshot's POST. Cancelling stops creating; what was created stays for the cleanup.
/// </summary>
public sealed class IsolatedRun(IClusterObjects cluster, IsolatedLimits limits, TextWriter progress)
{
    private TimeProvider Clock => cluster.Retry.Clock;

    public async Task<IsolatedRunResult> RunAsync(CopyPlan plan, IReadOnlyList<NodeFacts> nodes, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var startedAt = Clock.GetUtcNow();
        var pipelines = plan.Vms.Select(v => new CopyPipeline(v)).ToList();
        var interrupted = false;
        string? lost = null;
        try
        {
            foreach (var bubble in plan.Bubbles)
            {
                foreach (var body in IsolatedObjects.Bubble(bubble, plan.Options))
                {
                    try
                    {
                        await CreateAsync(body, cancel);
                    }
                    catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
                    {
                        throw KubeErrors.ToUserError(ex, Describe(body), cluster.Server);
                    }
                }

                progress.WriteLine($"bubble {bubble.Namespace} (for {bubble.ProductionNamespace}) created");
            }

            foreach (var tier in pipelines.GroupBy(p => p.Plan.Vm.Tier).OrderBy(g => g.Key))
            {
                await TierAsync(tier.Key, [.. tier], plan.Options, nodes, cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            interrupted = true;
        }
        catch (AcmDrException ex)
        {
            lost = ex.Message;
        }
        catch (Exception ex)
        {
            lost = KubeErrors.ToUserError(ex, "the rehearsal's objects", cluster.Server).Message;
        }

        foreach (var pipeline in pipelines.Where(p => p.Timeline.SnapshotStarted is not null && !p.Finished))
        {
            pipeline.Timeline = pipeline.Timeline with
            {
                FailedAt = pipeline.Step,
                Failure = interrupted ? "the run was interrupted" : "the run stopped: the cluster did not answer",
            };
        }

        return new IsolatedRunResult(startedAt, Clock.GetUtcNow(), [.. pipelines.Select(p => p.Timeline)], interrupted, lost);
    }

    private async Task TierAsync(int tier, IReadOnlyList<CopyPipeline> vms, IsolatedOptions options, IReadOnlyList<NodeFacts> nodes, CancellationToken cancel)
    {
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tier {tier}: {vms.Count} VM{(vms.Count == 1 ? "" : "s")}, at most {Math.Min(limits.MaxParallel, vms.Count)} at once"));
        var pending = new Queue<CopyPipeline>(vms);
        var active = new List<CopyPipeline>();
        while (pending.Count > 0 || active.Count > 0)
        {
            foreach (var pipeline in active.ToList())
            {
                await AdvanceAsync(tier, pipeline, options, nodes, cancel);
                if (pipeline.Finished)
                {
                    active.Remove(pipeline);
                }
            }

            while (active.Count < limits.MaxParallel && pending.Count > 0)
            {
                cancel.ThrowIfCancellationRequested();
                var pipeline = pending.Dequeue();
                await StartAsync(tier, pipeline, options, cancel);
                if (!pipeline.Finished)
                {
                    active.Add(pipeline);
                }
            }

            if (active.Count > 0)
            {
                await Task.Delay(limits.PollInterval, Clock, cancel);
            }
        }
    }

    private async Task StartAsync(int tier, CopyPipeline pipeline, IsolatedOptions options, CancellationToken cancel)
    {
        pipeline.Timeline = pipeline.Timeline with { SnapshotStarted = Clock.GetUtcNow() };
        if (await TryCreateAsync(tier, pipeline, IsolatedObjects.Snapshot(pipeline.Plan, options), cancel))
        {
            Say(tier, pipeline, $"snapshot {pipeline.Plan.SnapshotName} started");
        }
    }

    /// <summary>Reads the step the pipeline is at; when it is done, records it and creates what the next step needs.</summary>
    private async Task AdvanceAsync(int tier, CopyPipeline pipeline, IsolatedOptions options, IReadOnlyList<NodeFacts> nodes, CancellationToken cancel)
    {
        var plan = pipeline.Plan;
        switch (pipeline.Step)
        {
            case CopyStep.Snapshot:
            {
                var snapshot = await cluster.GetAsync(ApiResource.VmSnapshots, plan.Vm.Vm.Namespace, plan.SnapshotName, cancel);
                var state = CopyChecks.Snapshot(snapshot);
                if (state.Failure is not null || !state.Done)
                {
                    Settle(tier, pipeline, state);
                    return;
                }

                var content = CopyChecks.ContentName(snapshot!) is { } contentName
                    ? await cluster.GetAsync(ApiResource.VmSnapshotContents, plan.Vm.Vm.Namespace, contentName, cancel)
                    : null;
                if (content is null)
                {
                    Settle(tier, pipeline, state with { Done = false, State = "ready, its content not readable yet" });
                    return;
                }

                var now = Clock.GetUtcNow();
                var consistency = CopyChecks.ConsistencyOf(snapshot!);
                pipeline.Timeline = pipeline.Timeline with { SnapshotReady = now, Consistency = consistency };
                pipeline.Content = content;
                Say(tier, pipeline, $"snapshot ready ({IsolatedWords.Consistency(consistency)}) in {Took(pipeline.Timeline.SnapshotStarted, now)}");
                pipeline.Step = CopyStep.Copy;
                if (Build(tier, pipeline, () => IsolatedObjects.DataVolumes(plan, content, options)) is not { } dataVolumes)
                {
                    return;
                }

                foreach (var dataVolume in dataVolumes)
                {
                    if (!await TryCreateAsync(tier, pipeline, dataVolume, cancel))
                    {
                        return;
                    }

                    pipeline.DataVolumes.Add(KubeJson.Text(dataVolume["metadata"]?["name"]) ?? string.Empty);
                }

                return;
            }

            case CopyStep.Copy:
            {
                var states = new List<(string Name, StepState State)>();
                foreach (var name in pipeline.DataVolumes)
                {
                    states.Add((name, CopyChecks.DataVolume(await cluster.GetAsync(ApiResource.DataVolumes, plan.BubbleNamespace, name, cancel))));
                }

                if (states.FirstOrDefault(s => s.State.Failure is not null) is { Name: not null } failed)
                {
                    Fail(tier, pipeline, $"DataVolume {failed.Name}: {failed.State.Failure}");
                    return;
                }

                if (states.Any(s => !s.State.Done))
                {
                    Settle(tier, pipeline, new StepState(false, null, string.Join(", ", states.Where(s => !s.State.Done).Select(s => $"DataVolume {s.Name} {s.State.State}"))));
                    return;
                }

                var now = Clock.GetUtcNow();
                pipeline.Timeline = pipeline.Timeline with { CopyReady = now };
                Say(tier, pipeline, $"{Counted.Of(pipeline.DataVolumes.Count, "disk")} copied in {Took(pipeline.Timeline.SnapshotReady, now)}");
                pipeline.Step = CopyStep.Boot;
                if (Build(tier, pipeline, () => IsolatedObjects.VirtualMachine(plan, pipeline.Content!, options)) is { } copy
                    && await TryCreateAsync(tier, pipeline, copy, cancel))
                {
                    pipeline.Timeline = pipeline.Timeline with { BootStarted = Clock.GetUtcNow() };
                }

                return;
            }

            default:
            {
                var instance = await cluster.GetAsync(ApiResource.Instances, plan.BubbleNamespace, plan.Vm.Vm.Name, cancel);
                var state = CopyChecks.Boot(instance, nodes, options);
                if (state.Done)
                {
                    var now = Clock.GetUtcNow();
                    var node = KubeJson.Text(instance?["status"]?["nodeName"]);
                    pipeline.Timeline = pipeline.Timeline with { Verified = now, Node = node };
                    Say(tier, pipeline, $"verified on node {node} in {Took(pipeline.Timeline.BootStarted, now)} ({Took(pipeline.Timeline.SnapshotStarted, now)} in all)");
                    return;
                }

                Settle(tier, pipeline, state);
                return;
            }
        }
    }

    /// <summary>A step not done: failed for good, out of time (the step's state is the reason), or still going.</summary>
    private void Settle(int tier, CopyPipeline pipeline, StepState state)
    {
        if (state.Failure is { } failure)
        {
            Fail(tier, pipeline, failure);
        }
        else if (Clock.GetUtcNow() - pipeline.Timeline.SnapshotStarted > limits.Timeout)
        {
            Fail(tier, pipeline, $"not verified within {DurationGrammar.Format(limits.Timeout)}: {state.State}");
        }
    }

    private void Fail(int tier, CopyPipeline pipeline, string failure)
    {
        pipeline.Timeline = pipeline.Timeline with { FailedAt = pipeline.Step, Failure = failure };
        Say(tier, pipeline, $"failed at {IsolatedAssessor.StepName(pipeline.Step)}: {failure}");
    }

    /// <summary>Builds what the next step creates; a snapshot content acmdr cannot copy from fails this VM only, not the run.</summary>
    private T? Build<T>(int tier, CopyPipeline pipeline, Func<T> build)
        where T : class
    {
        try
        {
            return build();
        }
        catch (AcmDrException ex)
        {
            Fail(tier, pipeline, ex.Message);
            return null;
        }
    }

    /// <summary>Creates one object of the pipeline; a refusal (or an answer lost for an object that is not there) fails the VM.</summary>
    private async Task<bool> TryCreateAsync(int tier, CopyPipeline pipeline, JsonObject body, CancellationToken cancel)
    {
        try
        {
            await CreateAsync(body, cancel);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            Fail(tier, pipeline, $"creating {Describe(body)}: {KubeErrors.ToUserError(ex, Describe(body), cluster.Server).Message}");
            return false;
        }
    }

    /// <summary>
    /// Creates one object, sent once. Every name the rehearsal creates is its own (derived from its id),
    /// so when the answer is lost in transit (a dropped connection, a timeout) a read by name tells
    /// whether it was made: found with the rehearsal's label, it was; otherwise the failure stands. A 409
    /// for an object with the rehearsal's label is the same case; without the label it is someone else's.
    /// </summary>
    private async Task CreateAsync(JsonObject body, CancellationToken cancel)
    {
        var type = TypeOf(body);
        var ns = type.Namespaced ? KubeJson.Text(body["metadata"]?["namespace"]) : null;
        try
        {
            await cluster.CreateAsync(type, ns, body, cancel);
        }
        catch (Exception ex) when ((KubeErrors.IsTransient(ex) || KubeErrors.IsConflict(ex)) && !cancel.IsCancellationRequested)
        {
            var name = KubeJson.Text(body["metadata"]?["name"]) ?? string.Empty;
            var id = KubeJson.Text(body["metadata"]?["labels"]?[IsolatedLabels.Rehearsal]);
            var found = await cluster.GetAsync(type, ns, name, cancel);
            if (found is null || KubeJson.Text(found["metadata"]?["labels"]?[IsolatedLabels.Rehearsal]) != id)
            {
                throw;
            }
        }
    }

    /// <summary>The resource type of an object the rehearsal creates, by its kind.</summary>
    public static ApiResource TypeOf(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return KubeJson.Text(body["kind"]) switch
        {
            "Namespace" => ApiResource.Namespaces,
            "UserDefinedNetwork" => ApiResource.UserDefinedNetworks,
            "NetworkPolicy" => ApiResource.NetworkPolicies,
            "LimitRange" => ApiResource.LimitRanges,
            "ResourceQuota" => ApiResource.Quotas,
            "VirtualMachineSnapshot" => ApiResource.VmSnapshots,
            "DataVolume" => ApiResource.DataVolumes,
            "VirtualMachine" => ApiResource.VirtualMachines,
            var kind => throw new InvalidOperationException($"the rehearsal creates no {kind}"),
        };
    }

    /// <summary>"datavolume ns/name" as a line names an object.</summary>
    public static string Describe(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var ns = KubeJson.Text(body["metadata"]?["namespace"]);
        var name = KubeJson.Text(body["metadata"]?["name"]);
        return $"{KubeJson.Text(body["kind"])?.ToLowerInvariant()} {(ns is null ? name : $"{ns}/{name}")}";
    }

    private void Say(int tier, CopyPipeline pipeline, string what) =>
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tier {tier}: {pipeline.Name} {what}"));

    private static string Took(DateTimeOffset? from, DateTimeOffset to) => from is { } start ? DurationGrammar.Format(TimeSpan.FromSeconds(Math.Round((to - start).TotalSeconds))) : "?";

}
