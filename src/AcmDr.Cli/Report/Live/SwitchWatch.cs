using System.Text.Json;
using System.Threading.Channels;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using k8s;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// Follows the switch ConfigMap while <c>acmdr wait</c> runs, so a flip made after the wait started
/// moves the clock start (and overrides) of the report. Best effort: a failing watch is retried
/// after a pause (doubling from <paramref name="backoff"/> while it keeps failing, or the server's
/// Retry-After) and the wait goes on with the switch it last saw.
/// </summary>
internal sealed class SwitchWatch(IHubCluster hub, string hubNamespace, TimeProvider clock, TimeSpan backoff)
{
    public async Task RunAsync(ChannelWriter<WatchChange> changes, CancellationToken token)
    {
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                var events = hub.WatchSwitchAsync(hubNamespace, token);
                var delivered = false;
                await foreach (var (type, map) in events.WithCancellation(token))
                {
                    (delivered, failures) = (true, 0);
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        changes.TryWrite(WatchChange.OfSwitch(LiveHub.SwitchOf(map, hub)));
                    }
                    else if (type == WatchEventType.Deleted)
                    {
                        changes.TryWrite(WatchChange.OfSwitch(null));
                    }
                }

                // Closed by the server: watch again at once, unless it closes without a word every time.
                pause = delivered ? TimeSpan.Zero : TransientRetry.Backoff(++failures, backoff);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The policies' watch reports real failures; the switch is kept as last seen.
                pause = TransientRetry.PauseAfter(ex, ++failures, backoff, clock);
            }

            try
            {
                await Task.Delay(pause, clock, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>One thing <c>acmdr wait</c> learned: a policy event, a new switch, or the end of a policy watch.</summary>
internal sealed record WatchChange(int Generation, WatchEventType Type, JsonElement? Policy, SwitchReading? Switch, bool IsSwitch, Exception? Failure, bool Ended)
{
    public static WatchChange OfSwitch(SwitchReading? reading) => new(0, WatchEventType.Modified, null, reading, true, null, false);
}
