using System.Threading.Channels;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using k8s;

namespace AcmDr.Cli.Report;

/// <summary>
/// Follows the switch ConfigMap while <c>acmdr wait</c> runs, so a flip made after the wait started
/// moves the clock start (and overrides) of the report. Best effort: a failing watch is retried
/// after a pause and the wait goes on with the switch it last saw.
/// </summary>
internal sealed class SwitchWatch(ClusterConnection hub, string hubNamespace, TimeProvider clock)
{
    public async Task RunAsync(ChannelWriter<WatchChange> changes, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                var events = hub.Client.CoreV1.WatchListNamespacedConfigMapAsync(
                    hubNamespace, fieldSelector: $"metadata.name={PolicyNames.SwitchConfigMap}", cancellationToken: token);
                await foreach (var (type, map) in events.WithCancellation(token))
                {
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        changes.TryWrite(WatchChange.OfSwitch(LiveHub.SwitchOf(map, hub)));
                    }
                    else if (type == WatchEventType.Deleted)
                    {
                        changes.TryWrite(WatchChange.OfSwitch(null));
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The policies' watch reports real failures; the switch is kept as last seen.
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), clock, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>One thing <c>acmdr wait</c> learned: a policy event, a new switch, or the end of a policy watch.</summary>
internal sealed record WatchChange(int Generation, WatchEventType Type, object? Policy, SwitchReading? Switch, bool IsSwitch, Exception? Failure, bool Ended)
{
    public static WatchChange OfSwitch(SwitchReading? reading) => new(0, WatchEventType.Modified, null, reading, true, null, false);
}
