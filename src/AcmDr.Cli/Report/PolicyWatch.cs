using System.Globalization;
using System.Threading.Channels;
using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using k8s;

namespace AcmDr.Cli.Report;

/// <summary>
/// Lists acmdr's policies once, then follows a watch of them (re-listing when the watch ends or
/// expires) and a watch of the switch, re-summarising on every change until everything in scope
/// moved or the time is up.
/// </summary>
internal sealed class PolicyWatch(ClusterConnection hub, ReportScope scope, CliIo io)
{
    private readonly Dictionary<(string Namespace, string Name), HubPolicy> policies = [];
    private readonly Channel<WatchChange> changes = Channel.CreateUnbounded<WatchChange>(new UnboundedChannelOptions { SingleReader = true });
    private SwitchReading? switchReading;
    private string? lastProgress;
    private int generation;

    /// <summary>What the hub said last: the policies and the switch the returned report was made of.</summary>
    public HubSnapshot Snapshot => new(policies.Values.ToList(), switchReading);

    public async Task<ReportData> WaitAsync(TimeSpan timeout, CancellationToken cancel)
    {
        using var deadline = new CancellationTokenSource(timeout, io.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, deadline.Token);
        var token = linked.Token;
        using var stopSwitch = CancellationTokenSource.CreateLinkedTokenSource(token);
        Task? switchWatch = null;
        try
        {
            switchReading = await LiveHub.ReadSwitchAsync(hub, scope.HubNamespace, token);
            switchWatch = new SwitchWatch(hub, scope.HubNamespace, io.Clock).RunAsync(changes.Writer, stopSwitch.Token);
            while (true)
            {
                var (listed, version) = await LiveHub.ListPoliciesAsync(hub, scope.HubNamespace, token);
                policies.Clear();
                foreach (var policy in listed)
                {
                    policies[(policy.Namespace, policy.Name)] = policy;
                }

                var data = Evaluate();
                if (IsDone(data))
                {
                    return data;
                }

                if (await FollowAsync(version, token) is { } done)
                {
                    return done;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acmdr: timed out after {timeout} waiting for {scope.To}"));
            return Evaluate();
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

    /// <summary>Applies changes until done (the report) or the policy watch ends (null: list again).</summary>
    private async Task<ReportData?> FollowAsync(string? version, CancellationToken token)
    {
        var current = ++generation;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var pump = PumpPoliciesAsync(current, version, stop.Token);
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
                    return null;
                }
                else if (!Apply(change))
                {
                    continue;
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

    private async Task PumpPoliciesAsync(int current, string? version, CancellationToken token)
    {
        try
        {
            var events = hub.Client.CustomObjects.WatchListClusterCustomObjectAsync(
                LiveHub.PolicyGroup, LiveHub.PolicyVersion, LiveHub.PolicyPlural,
                labelSelector: LiveHub.OwnedSelector, resourceVersion: version, cancellationToken: token);
            await foreach (var (type, watched) in events.WithCancellation(token))
            {
                changes.Writer.TryWrite(new WatchChange(current, type, watched, null, false, null, false));
            }

            changes.Writer.TryWrite(new WatchChange(current, WatchEventType.Bookmark, null, null, false, null, true));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped by the reader: it is done or lists again.
        }
        catch (Exception ex)
        {
            changes.Writer.TryWrite(new WatchChange(current, WatchEventType.Error, null, null, false, ex, true));
        }
    }

    /// <summary>True when the event changed one of acmdr's policies.</summary>
    private bool Apply(WatchChange change)
    {
        if (change.Type == WatchEventType.Bookmark || change.Policy is null
            || LiveHub.PolicyOf(change.Policy, scope.HubNamespace) is not { } policy)
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

        if (ex is not OperationCanceledException && KubeErrors.IsTransient(ex))
        {
            // A dropped watch is normal on a long wait: list again after a pause (a failing list exits 3).
            io.Err.WriteLine($"acmdr: watch interrupted ({ex.GetType().Name}); listing again");
            await Task.Delay(TimeSpan.FromSeconds(2), io.Clock, token);
            return null;
        }

        throw ex is OperationCanceledException ? ex : KubeErrors.ToUserError(ex, "a watch of policies", hub.Server);
    }

    private ReportData Evaluate()
    {
        var data = ReportAssembler.Assemble(scope, Snapshot, [], [$"hub {hub.Server}"], io.Clock.GetUtcNow());
        var progress = string.Join(" | ", data.Summary.Tiers.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"tier {t.Tier}: {t.Moved}/{t.Total} {ReportWords.VerdictText(t.Verdict)}")));
        if (progress != lastProgress)
        {
            lastProgress = progress;
            io.Err.WriteLine($"{ReportWords.Time(data.Summary.Now)} {(progress.Length == 0 ? "nothing in scope yet" : progress)}");
        }

        return data;
    }

    private static bool IsDone(ReportData data) => data.ExitCode == Core.ExitCodes.Success;

    private static bool IsGone(Exception ex) =>
        ex is k8s.Autorest.HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Gone };
}
