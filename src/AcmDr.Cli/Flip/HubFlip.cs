using System.Text.Json.Nodes;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using k8s;
using k8s.Models;

namespace AcmDr.Cli.Flip;

/// <summary>
/// Flips the switch on the hub in one conditional write: the resourceVersion read travels in the
/// merge patch, so a change made by someone else in between makes the write fail (409) instead of
/// being overwritten; then the switch is read again and the change recomputed. Transient failures
/// are retried with bounded backoff. A write whose answer was lost is recognised on the next read
/// by the flip's id in the audit trail, so it is never applied twice nor reported as failed.
/// </summary>
public sealed class HubFlip(ClusterConnection hub, string ns, CliIo io, TimeSpan backoff)
{
    private const int MaxAttempts = 6;

    public delegate Task<(IReadOnlyList<SwitchedApp>? Apps, string? Why)> AppSource(CancellationToken cancel);

    public async Task<int> RunAsync(FlipRequest request, IReadOnlyList<string> fallbackSites, bool dryRun, bool force, AppSource apps, CancellationToken cancel)
    {
        var id = Guid.NewGuid().ToString("N");
        var at = io.Clock.GetUtcNow();
        var reprint = false;
        var warned = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var current = await ReadAsync(cancel);
                var trail = FlipTrail.Parse(Annotation(current, FlipHistory.Annotation));
                if (trail.Ids.Contains(id))
                {
                    io.Out.WriteLine($"flipped: the write was applied although its answer was lost (resourceVersion {current.Metadata!.ResourceVersion})");
                    return ExitCodes.Success;
                }

                var plan = Prepare(current, request, fallbackSites, force);
                if (trail.Problem is { } problem && !warned)
                {
                    // The flip goes on: a bad annotation must not block a failover, and its text is kept.
                    io.Err.WriteLine($"acmdr: warning: annotation {FlipHistory.Annotation} on {ns}/{PolicyNames.SwitchConfigMap} {StatusText.Clean(problem)}; its unreadable text is moved verbatim to annotation {FlipHistory.UnreadableAnnotation}");
                    warned = true;
                }

                if (attempt == 1 || reprint)
                {
                    io.Out.WriteLine($"switch {ns}/{PolicyNames.SwitchConfigMap} on {hub.Server} (resourceVersion {current.Metadata!.ResourceVersion}):");
                    var (list, why) = await apps(cancel);
                    FlipImpact.Print(io.Out, plan.Changes, plan.Before, plan.After, list, why);
                }

                if (!plan.Changes.Any(c => c.Changes))
                {
                    io.Out.WriteLine("nothing to change: the switch already says so");
                    return ExitCodes.Success;
                }

                var entries = plan.Changes.Where(c => c.Changes).Select(c => new FlipHistoryEntry(
                    id, at, hub.User, c.Before ?? "(not set)", c.After ?? "(cleared)", c.Key, request.Reason)).ToList();
                var patch = MergePatch(current, plan, Annotations(current, trail, entries));
                if (dryRun)
                {
                    io.Out.WriteLine($"dry run: would send this merge patch to {ns}/{PolicyNames.SwitchConfigMap}; nothing was written:");
                    io.Out.WriteLine(patch.ToJsonString());
                    return ExitCodes.Success;
                }

                reprint = false;
                var written = await hub.Client.CoreV1.PatchNamespacedConfigMapAsync(
                    new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), PolicyNames.SwitchConfigMap, ns, cancellationToken: cancel);
                io.Out.WriteLine($"flipped: {StatusText.Clean(string.Join(", ", entries.Select(e => $"{e.Scope} {e.From} -> {e.To}")))} by {StatusText.Clean(hub.User)} at {at:yyyy-MM-ddTHH:mm:ssZ} (resourceVersion {written.Metadata.ResourceVersion})");
                await RecordEventAsync(written, entries, cancel);
                return ExitCodes.Success;
            }
            catch (Exception ex) when (KubeErrors.IsConflict(ex) && attempt < MaxAttempts)
            {
                io.Err.WriteLine("acmdr: the switch changed since it was read; reading it again and recomputing the change");
                reprint = true;
            }
            catch (Exception ex) when (KubeErrors.IsTransient(ex) && attempt < MaxAttempts)
            {
                io.Err.WriteLine($"acmdr: {Describe(ex)}; retrying ({attempt}/{MaxAttempts - 1})");
                await Task.Delay(TransientRetry.PauseAfter(ex, attempt, backoff, io.Clock), io.Clock, cancel);
            }
            catch (Exception ex) when (KubeErrors.IsConflict(ex))
            {
                throw new AcmDrException(ExitCodes.Refused, "not flipped: the switch kept changing under concurrent edits; nothing was written", ex);
            }
            catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
            {
                throw new AcmDrException(ExitCodes.ClusterUnavailable,
                    $"not flipped: {KubeErrors.ToUserError(ex, $"configmap {ns}/{PolicyNames.SwitchConfigMap}", hub.Server).Message}; the switch is as it was unless an earlier attempt's answer was lost (check with: kubectl get configmap {PolicyNames.SwitchConfigMap} -n {ns} -o yaml)", ex);
            }
        }
    }

    private async Task<V1ConfigMap> ReadAsync(CancellationToken cancel)
    {
        try
        {
            return await hub.Client.CoreV1.ReadNamespacedConfigMapAsync(PolicyNames.SwitchConfigMap, ns, cancellationToken: cancel);
        }
        catch (Exception ex) when (KubeErrors.IsNotFound(ex))
        {
            throw new AcmDrException(ExitCodes.ClusterUnavailable,
                $"switch configmap {ns}/{PolicyNames.SwitchConfigMap} not found on {hub.Server}: apply policies/base to the hub first (or use --namespace)", ex);
        }
    }

    private sealed record Prepared(IReadOnlyList<ScopeChange> Changes, Dictionary<string, string> Before, Dictionary<string, string> After);

    private Prepared Prepare(V1ConfigMap current, FlipRequest request, IReadOnlyList<string> fallbackSites, bool force)
    {
        if (!force && GitOpsMarkers.Find(current.Metadata?.Labels, current.Metadata?.Annotations) is { } marker)
        {
            throw new AcmDrException(ExitCodes.Refused,
                $"refused: {ns}/{PolicyNames.SwitchConfigMap} is managed by GitOps ({marker}) and the controller would revert a change on the hub; flip in Git instead (acmdr flip --in-git), or pass --force");
        }

        var before = new Dictionary<string, string>(current.Data ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var sites = before.TryGetValue(Core.Manifests.SwitchManifest.SitesKey, out var listed) && listed.Length > 0
            ? listed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : fallbackSites;
        if (request.To is { } to && !sites.Contains(to, StringComparer.Ordinal))
        {
            throw new AcmDrException(ExitCodes.Refused, $"refused: site '{to}' is not one of the sites the switch allows: {StatusText.Clean(string.Join(", ", sites))}");
        }

        var changes = SwitchEdit.Changes(before, request);
        return new Prepared(changes, before, SwitchEdit.Apply(before, changes));
    }

    private static string? Annotation(V1ConfigMap map, string name) =>
        map.Metadata?.Annotations is { } notes && notes.TryGetValue(name, out var value) ? value : null;

    /// <summary>The new trail, and the unreadable text of a damaged one moved aside (before any moved there earlier).</summary>
    private static JsonObject Annotations(V1ConfigMap current, FlipTrail trail, IEnumerable<FlipHistoryEntry> entries)
    {
        var annotations = new JsonObject { [FlipHistory.Annotation] = FlipHistory.Prepend(trail, entries) };
        if (trail.Unreadable is { } unreadable)
        {
            annotations[FlipHistory.UnreadableAnnotation] = FlipHistory.MoveAside(unreadable, Annotation(current, FlipHistory.UnreadableAnnotation));
        }

        return annotations;
    }

    private static JsonObject MergePatch(V1ConfigMap current, Prepared plan, JsonObject annotations)
    {
        var data = new JsonObject();
        foreach (var change in plan.Changes.Where(c => c.Changes))
        {
            data[change.Key] = change.After is null ? null : JsonValue.Create(change.After);
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = current.Metadata!.ResourceVersion,
                ["annotations"] = annotations,
            },
            ["data"] = data,
        };
    }

    private async Task RecordEventAsync(V1ConfigMap written, List<FlipHistoryEntry> entries, CancellationToken cancel)
    {
        var at = entries[0].At.UtcDateTime;
        var message = $"{string.Join(", ", entries.Select(e => $"{e.Scope} {e.From} -> {e.To}"))} by {entries[0].User}"
            + (entries[0].Reason is { Length: > 0 } reason ? $": {reason}" : string.Empty);
        var ev = new Corev1Event
        {
            Metadata = new V1ObjectMeta { GenerateName = $"{PolicyNames.SwitchConfigMap}.", NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = "v1", Kind = "ConfigMap", Name = PolicyNames.SwitchConfigMap, NamespaceProperty = ns,
                Uid = written.Metadata.Uid, ResourceVersion = written.Metadata.ResourceVersion,
            },
            Reason = "SiteFlipped",
            Message = message,
            Type = "Normal",
            Source = new V1EventSource { Component = "acmdr" },
            FirstTimestamp = at,
            LastTimestamp = at,
            Count = 1,
        };
        try
        {
            await hub.Client.CoreV1.CreateNamespacedEventAsync(ev, ns, cancellationToken: cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            io.Err.WriteLine($"acmdr: warning: the flip is done, but its event could not be recorded: {Describe(ex)}");
        }
    }

    private static string Describe(Exception ex) => TransientRetry.Describe(ex);
}
