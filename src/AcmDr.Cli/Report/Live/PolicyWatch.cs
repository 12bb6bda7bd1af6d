using System.Globalization;
using System.Threading.Channels;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Report.Formats;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using k8s;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// Lists acmdr's policies once, then follows a watch of them (re-listing when the watch ends or
/// expires) and a watch of the switch, re-summarising on every change until everything in scope
/// moved or the time is up. Every read goes through the hub port's retry (<see cref="IHubCluster.Retry"/>); once the hub has
/// answered, a hub that goes away is tried again (with growing pauses) until the deadline, since a
/// failover may well restart the API server.
/// </summary>
internal sealed class PolicyWatch(IHubCluster hub, ReportScope scope, CliIo io)
{
    /// <summary>How long one watch of the policies runs before it is ended and the policies listed again.</summary>
    public static readonly TimeSpan WatchPeriod = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan WatchSlack = TimeSpan.FromSeconds(30);

    /// <summary>A watch ended sooner than this without an event is a server turning watches away.</summary>
    private static readonly TimeSpan QuickEnd = TimeSpan.FromSeconds(10);

    private readonly Dictionary<(string Namespace, string Name), HubPolicy> policies = [];
    private readonly Channel<WatchChange> changes = Channel.CreateUnbounded<WatchChange>(new UnboundedChannelOptions { SingleReader = true });
    private SwitchReading? switchReading;
    private readonly DrpcReads drpcs = new(scope, io);
    private string? lastProgress;
    private int generation;
    private readonly HubContact contact = new(io);

    /// <summary>The hub listed during an outage: one line per round (<see cref="HubContact.LostAsync"/>), not one per attempt.</summary>
    private readonly IHubCluster quietHub = hub.WithRetry(hub.Retry.Quiet());

    /// <summary>What the hub said last: the policies and the switch the returned report was made of.</summary>
    public HubSnapshot Snapshot => new(policies.Values.ToList(), switchReading, drpcs.Current);

    /// <summary>
    /// The report once everything moved or the time is up. Never-answered hub: exit 3 (thrown).
    /// A hub that stopped answering mid-wait: the last report, with <see cref="WaitOutcome.Lost"/> saying so.
    /// </summary>
    public async Task<WaitOutcome> WaitAsync(TimeSpan timeout, CancellationToken cancel)
    {
        using var deadline = new CancellationTokenSource(timeout, io.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, deadline.Token);
        var token = linked.Token;
        using var stopSwitch = CancellationTokenSource.CreateLinkedTokenSource(token);
        Task? switchWatch = null;
        try
        {
            switchReading = await LiveHub.ReadSwitchAsync(hub, scope.HubNamespace, token);
            switchWatch = new SwitchWatch(hub, scope.HubNamespace, io.Clock, io.RetryBackoff).RunAsync(changes.Writer, stopSwitch.Token);
            while (true)
            {
                var (ok, version) = await ListAsync(token);
                if (!ok)
                {
                    continue;
                }

                var data = Evaluate();
                if (IsDone(data))
                {
                    return new WaitOutcome(data, null);
                }

                if (await FollowAsync(version, token) is { } done)
                {
                    return new WaitOutcome(done, null);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            return TimedOut(timeout);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested && contact.Listed)
        {
            // Ctrl-C: what the hub said so far is the partial report the operator asked for by stopping.
            return new WaitOutcome(Evaluate(), null, Interrupted: true);
        }
        finally
        {
            await stopSwitch.CancelAsync();
            if (switchWatch is not null)
            {
                await switchWatch;
            }
        }
    }

    private WaitOutcome TimedOut(TimeSpan timeout)
    {
        if (!contact.Listed)
        {
            // Nothing the hub said: an all-unknown report would pass for an answer.
            throw new AcmDrException(ExitCodes.ClusterUnavailable,
                $"hub {hub.Server} did not answer within {Span(timeout)} (--timeout): no report");
        }

        if (contact.Lost is { } cause)
        {
            return new WaitOutcome(Evaluate(),
                $"hub {hub.Server} stopped answering after {ReportWords.Time(contact.LastAnswer)} ({TransientRetry.Describe(cause)}) and had not answered again when --timeout {Span(timeout)} was up: the report is what it said last");
        }

        io.Err.WriteLine($"acmdr: timed out after {Span(timeout)} waiting for {scope.To}");
        return new WaitOutcome(Evaluate(), null);
    }

    /// <summary>Lists the policies; not ok when the hub, which answered before, fails for now (list again).</summary>
    private async Task<(bool Ok, string? Version)> ListAsync(CancellationToken token)
    {
        try
        {
            var (found, version) = await LiveHub.ListPoliciesAsync(contact.Lost is null ? hub : quietHub, scope.HubNamespace, token);
            policies.Clear();
            foreach (var policy in found)
            {
                policies[(policy.Namespace, policy.Name)] = policy;
            }

            await drpcs.ListAsync(contact.Lost is null ? hub : quietHub, found, token);

            contact.Answered();
            return (true, version);
        }
        catch (AcmDrException ex) when (contact.Listed && ex.InnerException is { } cause && KubeErrors.IsTransient(cause) && !token.IsCancellationRequested)
        {
            // The hub answered before: ride out an API server restart until the deadline.
            await contact.LostAsync(cause, "list of policies", token);
            return (false, null);
        }
    }

    /// <summary>Applies changes until done (the report) or the policy watch ends (null: list again).</summary>
    private async Task<ReportData?> FollowAsync(string? version, CancellationToken token)
    {
        var current = ++generation;
        // A hub that hangs while the watch stays open looks like a quiet one: end the watch after a
        // while (as the server is asked to) and list again, which a hung hub does not answer.
        using var period = new CancellationTokenSource(WatchPeriod + WatchSlack, io.Clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token, period.Token);
        var pump = PumpPoliciesAsync(current, version, stop.Token, period.Token);
        var delivered = false;
        var started = io.Clock.GetTimestamp();
        try
        {
            while (true)
            {
                var change = await changes.Reader.ReadAsync(token);
                if (change.IsSwitch)
                {
                    switchReading = change.Switch;
                }
                else if (change.Generation != current)
                {
                    continue;
                }
                else if (change.Failure is { } failure)
                {
                    return await FailedAsync(failure, token);
                }
                else if (change.Ended || change.Type == WatchEventType.Error)
                {
                    return await EndedAsync(delivered || io.Clock.GetElapsedTime(started) > QuickEnd, token);
                }
                else
                {
                    delivered = true;
                    contact.Delivered();
                    if (!Apply(change))
                    {
                        continue;
                    }

                    await drpcs.RefreshAsync(quietHub, token);
                }

                var data = Evaluate();
                if (IsDone(data))
                {
                    return data;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    /// <summary>A watch that ended: list again, after a pause when it ended at once without a word and keeps doing so.</summary>
    private async Task<ReportData?> EndedAsync(bool normal, CancellationToken token)
    {
        if (!normal)
        {
            await contact.TurnedAwayAsync(token);
        }

        return null;
    }

    private async Task PumpPoliciesAsync(int current, string? version, CancellationToken token, CancellationToken period)
    {
        try
        {
            var events = hub.WatchPoliciesAsync(version, (int)WatchPeriod.TotalSeconds, token);
            await foreach (var (type, watched) in events.WithCancellation(token))
            {
                changes.Writer.TryWrite(new WatchChange(current, type, watched, null, false, null, false));
            }

            changes.Writer.TryWrite(new WatchChange(current, WatchEventType.Bookmark, null, null, false, null, true));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped by the reader (it is done or lists again), or at the end of the period: list again.
            if (period.IsCancellationRequested)
            {
                changes.Writer.TryWrite(new WatchChange(current, WatchEventType.Bookmark, null, null, false, null, true));
            }
        }
        catch (Exception ex)
        {
            changes.Writer.TryWrite(new WatchChange(current, WatchEventType.Error, null, null, false, ex, true));
        }
    }

    /// <summary>True when the event changed one of acmdr's policies.</summary>
    private bool Apply(WatchChange change)
    {
        if (change.Type == WatchEventType.Bookmark || change.Policy is not { } watched
            || LiveHub.PolicyOf(watched, scope.HubNamespace) is not { } policy)
        {
            return false;
        }

        if (change.Type == WatchEventType.Deleted)
        {
            policies.Remove((policy.Namespace, policy.Name));
        }
        else
        {
            policies[(policy.Namespace, policy.Name)] = policy;
        }

        return true;
    }

    private async Task<ReportData?> FailedAsync(Exception ex, CancellationToken token)
    {
        if (IsGone(ex))
        {
            return null;
        }

        if (KubeErrors.IsTransient(ex) && !token.IsCancellationRequested)
        {
            // A dropped watch is normal on a long wait: list again after a pause.
            await contact.LostAsync(ex, "watch of policies", token);
            return null;
        }

        throw ex is OperationCanceledException ? ex : KubeErrors.ToUserError(ex, "a watch of policies", hub.Server);
    }

    private ReportData Evaluate()
    {
        var data = ReportData.Assemble(scope, Snapshot, [], [$"hub {hub.Server}"], io.Clock.GetUtcNow());
        var progress = string.Join(" | ", data.Summary.Tiers.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"tier {t.Tier}: {t.Moved}/{t.Total} {ReportWords.VerdictText(t.Verdict)}")));
        if (progress != lastProgress)
        {
            lastProgress = progress;
            io.Err.WriteLine($"{ReportWords.Time(data.Summary.Now)} {(progress.Length == 0 ? "nothing in scope yet" : progress)}");
        }

        return data;
    }

    /// <summary>A --timeout as it is written: 10s, 1m30s, 2h, 500ms.</summary>
    private static string Span(TimeSpan span) => Core.Text.DurationGrammar.Format(span);

    private static bool IsDone(ReportData data) => data.ExitCode == ExitCodes.Success;

    private static bool IsGone(Exception ex) =>
        ex is k8s.Autorest.HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Gone };
}
