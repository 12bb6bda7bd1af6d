using System.Text;
using Microsoft.AspNetCore.Http;

namespace AcmDr.FakeKube;

/// <summary>Streams a watch as newline-delimited JSON events, one flush per event.</summary>
internal static class WatchStream
{
    public static async Task RunAsync(HttpContext context, WatchSubscription subscription, TimeSpan? timeout, TimeProvider clock, CancellationToken serverStopping)
    {
        using var _ = subscription;
        using var timedOut = new CancellationTokenSource(timeout ?? Timeout.InfiniteTimeSpan, clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping, timedOut.Token);

        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(stop.Token);
        await context.Response.Body.FlushAsync(stop.Token);
        try
        {
            await foreach (var e in subscription.Events.ReadAllAsync(stop.Token))
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(e.Line + "\n"), stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone or server stopping: end the chunked body cleanly.
        }
    }
}
