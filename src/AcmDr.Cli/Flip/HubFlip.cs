using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using k8s.Models;

namespace AcmDr.Cli.Flip;

/// <summary>
/// Flips the switch on the hub (see <see cref="FlipDecision"/>) in one conditional write: the
/// resourceVersion read travels in the merge patch, so a change made by someone else in between
/// makes the write fail (409) instead of being overwritten; then the switch is read again and the
/// change recomputed. Transient failures run the whole attempt again under the hub port's retry
/// (<see cref="IHubCluster.Retry"/>, opened with <see cref="Retry"/>). A write whose
/// answer was lost is recognised on the next read by the flip's id in the audit trail, so it is never
/// applied twice nor reported as failed. A hub that does not answer ends the flip within the retry's
/// bound (<see cref="RequestLimit.Worst"/>: 50 s with the default 10s request timeout), and the last line
/// names the way around it (<see cref="HubDownHint"/>).
/// </summary>
public sealed class HubFlip(IHubCluster hub, string ns, CliIo io)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int MaxAttempts = 6;

    /// <summary>
    /// The retry of a flip's read-decide-write attempts, for the hub port flip opens: at most
    /// <see cref="MaxAttempts"/>, within <paramref name="limit"/>'s budget; each request is ended by the
    /// HTTP client's limit, not by a timer on the flip's clock (an attempt is a read, a list and a write).
    /// </summary>
    public static TransientRetry Retry(CliIo io, RequestLimit limit)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(limit);
        return limit.Retry(io, MaxAttempts);
    }

    public delegate Task<(IReadOnlyList<SwitchedApp>? Apps, string? Why)> AppSource(CancellationToken cancel);

    /// <summary>
    /// Asked before a global flip is written, after its impact was shown (again after a re-read that
    /// showed it anew); false leaves the switch as it was. Null: never asked (not a terminal, or --yes).
    /// </summary>
    public Func<string, bool>? Confirm { get; init; }

    /// <summary>The <c>-i</c> the user gave, repeated in the way around a hub that does not answer; null: none given.</summary>
    public string? InventoryArgument { get; init; }

    private string Name => $"{ns}/{PolicyNames.SwitchConfigMap}";

    /// <summary>The flip this run wrote (or found written after a lost answer); null until then, and for a dry run or nothing to change.</summary>
    public WrittenFlip? Written { get; private set; }

    public Task<int> RunAsync(FlipRequest request, IReadOnlyList<string> fallbackSites, bool dryRun, bool force, AppSource apps, CancellationToken cancel) =>
        RunAsync(request, data => FlipDecision.Decide(data, fallbackSites, request), dryRun, force, apps, cancel);

    /// <summary>
    /// The flip <paramref name="decide"/> makes of the switch as read (again after every conflict);
    /// <paramref name="request"/> gives its reason and scope (the confirmation and the way around a hub that is down).
    /// </summary>
    public async Task<int> RunAsync(FlipRequest request, Func<IReadOnlyDictionary<string, string>, FlipDecision> decide, bool dryRun, bool force, AppSource apps, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new Run(Guid.NewGuid().ToString("N"), io.Clock.GetUtcNow(), request, decide, dryRun, force, apps);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await hub.Retry.RunAsync($"configmap {Name}", token => AttemptAsync(run, token), cancel);
            }
            catch (Exception ex) when (KubeErrors.IsConflict(ex) && attempt < MaxAttempts)
            {
                io.Err.WriteLine("acmdr: the switch changed since it was read; reading it again and recomputing the change");
                run.Reprint = true;
            }
            catch (Exception ex) when (KubeErrors.IsConflict(ex))
            {
                throw new AcmDrException(ExitCodes.Refused, "not flipped: the switch kept changing under concurrent edits; nothing was written", ex);
            }
            catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
            {
                var switchState = run.Written
                    ? $"the switch is as it was unless an earlier attempt's answer was lost (check with: kubectl get configmap {PolicyNames.SwitchConfigMap} -n {ns} -o yaml)"
                    : "nothing was written";
                // A hub that is gone (no answer, refused connections, 5xx after the retries): the way around it ends the line.
                var wayAround = KubeErrors.IsTransient(ex) ? $"; {HubDownHint.For(run.Request, InventoryArgument)}" : string.Empty;
                throw new AcmDrException(ExitCodes.ClusterUnavailable,
                    $"not flipped: {KubeErrors.ToUserError(ex, $"configmap {Name}", hub.Server).Message}; {switchState}{wayAround}", ex);
            }
        }
    }

    /// <summary>One read, decide and conditional write; a 409 or a transient failure ends it, to be run again.</summary>
    private async Task<int> AttemptAsync(Run run, CancellationToken cancel)
    {
        run.Attempts++;
        var current = await ReadAsync(cancel);
        var trail = FlipTrail.Parse(Annotation(current, FlipHistory.Annotation));
        if (trail.Ids.Contains(run.Id))
        {
            io.Out.WriteLine($"flipped: the write was applied although its answer was lost (resourceVersion {current.Metadata!.ResourceVersion})");
            Written = new WrittenFlip(run.Id, run.At, run.Decided ?? []);
            return ExitCodes.Success;
        }

        GitOpsMarkers.Check(Name, current.Metadata?.Labels, current.Metadata?.Annotations, run.Force);
        var flip = run.Decide(current.Data?.AsReadOnly() ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty);
        if (trail.Problem is { } problem && !run.Warned)
        {
            // The flip goes on: a bad annotation must not block a failover, and its text is kept.
            io.Err.WriteLine($"acmdr: warning: annotation {FlipHistory.Annotation} on {Name} {StatusText.Clean(problem)}; its unreadable text is moved verbatim to annotation {FlipHistory.UnreadableAnnotation}");
            run.Warned = true;
        }

        var shown = run.Attempts == 1 || run.Reprint;
        if (shown)
        {
            var (list, why) = await run.Apps(cancel);
            if (DualMoves.UnplannedProblem(run.Request, list) is { } unplanned)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, $"{unplanned}; nothing was written");
            }

            io.Out.WriteLine($"switch {Name} on {hub.Server} (resourceVersion {current.Metadata!.ResourceVersion}):");
            foreach (var line in flip.Impact(list, why))
            {
                io.Out.WriteLine(line);
            }
        }

        if (flip.NothingToChange)
        {
            io.Out.WriteLine(FlipDecision.NothingToChangeLine);
            return ExitCodes.Success;
        }

        var entries = flip.Entries(run.Id, run.At, hub.User, run.Request.Reason);
        var patch = MergePatch(current, flip, FlipHistory.Annotations(trail, entries, Annotation(current, FlipHistory.UnreadableAnnotation)));
        if (run.DryRun)
        {
            io.Out.WriteLine($"dry run: would send this merge patch to {Name}; nothing was written:");
            // The same JSON value that would be sent, with quotes and non-ASCII as they are (not \u0022),
            // and control characters removed from what reaches the terminal.
            io.Out.WriteLine(StatusText.Clean(patch.ToJsonString(Readable)));
            return ExitCodes.Success;
        }

        if (shown && !run.Request.IsScoped && Confirm is { } confirm
            && !confirm($"flip {StatusText.Clean(flip.Summary)} on {hub.Server}? [y/N] "))
        {
            throw new AcmDrException(ExitCodes.Refused, "not flipped: not confirmed; nothing was written (--yes flips without asking)");
        }

        run.Reprint = false;
        run.Written = true;
        run.Decided = flip.Changed;
        var written = await hub.PatchSwitchAsync(ns, patch, cancel);
        Written = new WrittenFlip(run.Id, run.At, flip.Changed);
        io.Out.WriteLine($"flipped: {StatusText.Clean(flip.Summary)} by {StatusText.Clean(hub.User)} at {run.At:yyyy-MM-ddTHH:mm:ssZ} (resourceVersion {written.Metadata.ResourceVersion})");
        await RecordEventAsync(written, flip.Summary, entries[0], cancel);
        return ExitCodes.Success;
    }

    private async Task<V1ConfigMap> ReadAsync(CancellationToken cancel) =>
        await hub.GetSwitchAsync(ns, cancel)
        ?? throw new AcmDrException(ExitCodes.ClusterUnavailable,
            $"switch configmap {Name} not found on {hub.Server}: apply policies/base to the hub first (or use --namespace)");

    private static string? Annotation(V1ConfigMap map, string name) =>
        map.Metadata?.Annotations is { } notes && notes.TryGetValue(name, out var value) ? value : null;

    private static JsonObject MergePatch(V1ConfigMap current, FlipDecision flip, IReadOnlyList<KeyValuePair<string, string>> annotations)
    {
        var data = new JsonObject();
        foreach (var change in flip.Changed)
        {
            data[change.Key] = change.After is null ? null : JsonValue.Create(change.After);
        }

        var notes = new JsonObject();
        foreach (var (name, value) in annotations)
        {
            notes[name] = value;
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = current.Metadata!.ResourceVersion,
                ["annotations"] = notes,
            },
            ["data"] = data,
        };
    }

    private async Task RecordEventAsync(V1ConfigMap written, string summary, FlipHistoryEntry entry, CancellationToken cancel)
    {
        var at = entry.At.UtcDateTime;
        var ev = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = $"{PolicyNames.SwitchConfigMap}.", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = "v1", Kind = "ConfigMap", Name = PolicyNames.SwitchConfigMap, NamespaceProperty = ns,
                Uid = written.Metadata.Uid, ResourceVersion = written.Metadata.ResourceVersion,
            },
            Reason = "SiteFlipped",
            Message = $"{summary} by {entry.User}" + (entry.Reason is { Length: > 0 } reason ? $": {reason}" : string.Empty),
            Type = "Normal",
            Source = new V1EventSource { Component = "acmdr" },
            FirstTimestamp = at,
            LastTimestamp = at,
            Count = 1,
        };
        try
        {
            await hub.CreateEventAsync(ns, ev, cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            io.Err.WriteLine($"acmdr: warning: the flip is done, but its event could not be recorded: {TransientRetry.Describe(ex)}");
        }
    }

    /// <summary>What one flip carries from attempt to attempt: its id and time, and what was already said.</summary>
    private sealed class Run(string id, DateTimeOffset at, FlipRequest request, Func<IReadOnlyDictionary<string, string>, FlipDecision> decide, bool dryRun, bool force, AppSource apps)
    {
        public string Id { get; } = id;

        public DateTimeOffset At { get; } = at;

        public FlipRequest Request { get; } = request;

        public Func<IReadOnlyDictionary<string, string>, FlipDecision> Decide { get; } = decide;

        /// <summary>The changes of the last write sent, as a lost answer's flip is known by.</summary>
        public IReadOnlyList<ScopeChange>? Decided { get; set; }

        public bool DryRun { get; } = dryRun;

        public bool Force { get; } = force;

        public AppSource Apps { get; } = apps;

        /// <summary>How many attempts started; the impact is shown on the first and after each re-read for a 409.</summary>
        public int Attempts { get; set; }

        public bool Reprint { get; set; }

        public bool Warned { get; set; }

        /// <summary>True once a write was sent: its answer may have been lost.</summary>
        public bool Written { get; set; }
    }
}

/// <summary>A flip on the hub: its audit id, its time and the keys it changed.</summary>
public sealed record WrittenFlip(string Id, DateTimeOffset At, IReadOnlyList<ScopeChange> Changes);
