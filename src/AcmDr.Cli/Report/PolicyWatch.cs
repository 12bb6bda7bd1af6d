using System.Globalization;
using AcmDr.Cli.Hub;
using AcmDr.Core.Compliance;
using k8s;

namespace AcmDr.Cli.Report;

/// <summary>
/// Lists acmdr's policies once, then follows a watch (re-listing when the watch ends or expires) and
/// re-summarises on every change until everything in scope moved or the time is up.
/// </summary>
internal sealed class PolicyWatch(ClusterConnection hub, ReportScope scope, CliIo io)
{
    private readonly Dictionary<(string Namespace, string Name), HubPolicy> policies = [];
    private SwitchReading? switchReading;
    private string? lastProgress;

    public async Task<ReportData> WaitAsync(TimeSpan timeout, CancellationToken cancel)
    {
        using var deadline = new CancellationTokenSource(timeout, io.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, deadline.Token);
        var token = linked.Token;
        try
        {
            switchReading = await LiveHub.ReadSwitchAsync(hub, scope.HubNamespace, token);
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
    }

    /// <summary>Applies watch events until done (the report) or the watch ends (null: list again).</summary>
    private async Task<ReportData?> FollowAsync(string? version, CancellationToken token)
    {
        try
        {
            var events = hub.Client.CustomObjects.WatchListClusterCustomObjectAsync(
                LiveHub.PolicyGroup, LiveHub.PolicyVersion, LiveHub.PolicyPlural,
                labelSelector: LiveHub.OwnedSelector, resourceVersion: version, cancellationToken: token);
            await foreach (var (type, watched) in events.WithCancellation(token))
            {
                if (type == WatchEventType.Error)
                {
                    return null;
                }

                if (type == WatchEventType.Bookmark || LiveHub.PolicyOf(watched, scope.HubNamespace) is not { } policy)
                {
                    continue;
                }

                if (type == WatchEventType.Deleted)
                {
                    policies.Remove((policy.Namespace, policy.Name));
                }
                else
                {
                    policies[(policy.Namespace, policy.Name)] = policy;
                }

                var data = Evaluate();
                if (IsDone(data))
                {
                    return data;
                }
            }

            return null;
        }
        catch (Exception ex) when (IsGone(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && KubeErrors.IsTransient(ex))
        {
            // A dropped watch is normal on a long wait: list again after a pause (a failing list exits 3).
            io.Err.WriteLine($"acmdr: watch interrupted ({ex.GetType().Name}); listing again");
            await Task.Delay(TimeSpan.FromSeconds(2), io.Clock, token);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw KubeErrors.ToUserError(ex, "a watch of policies", hub.Server);
        }
    }

    private ReportData Evaluate()
    {
        var snapshot = new HubSnapshot(policies.Values.ToList(), switchReading);
        var data = ReportAssembler.Assemble(scope, snapshot, [], [$"hub {hub.Server}"], io.Clock.GetUtcNow());
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
