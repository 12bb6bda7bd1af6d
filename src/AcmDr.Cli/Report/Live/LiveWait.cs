using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Output;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Live;

/// <summary>
/// A wait on the live hub until everything in scope moved (or the time is up), then the report: the hub's word
/// decides when waiting ends; where the VMs really run, when managed clusters are given, decides the report.
/// One rule for <c>acmdr wait</c> and each leg of <c>acmdr rehearse</c>.
/// </summary>
internal static class LiveWait
{
    public static async Task<WaitOutcome> RunAsync(
        IHubCluster hub, ReportScope scope, IReadOnlyList<(string? Cluster, ClusterConnection Connection)> managed,
        TimeSpan limit, CliIo io, TransientRetry retry, CancellationToken cancel)
    {
        var watch = new PolicyWatch(hub, scope, io);
        var outcome = await watch.WaitAsync(limit, cancel);
        var data = outcome.Report;
        if (outcome.Interrupted)
        {
            return outcome with { Report = data with { Warnings = [.. data.Warnings, "interrupted: the report is what the hub said until the wait was stopped"] } };
        }

        if (managed.Count > 0)
        {
            data = await ReportInputs.AssembleAsync(managed, scope, watch.Snapshot, [$"hub {hub.Server}"], io, retry, PhaseTimings.FromEnvironment(io.Err), cancel);
        }

        // The hub went away mid-wait: what it said last is worth showing, but marked, and not a verdict.
        return outcome with { Report = outcome.Lost is { } lost ? data with { Warnings = [.. data.Warnings, $"stale: {lost}"] } : data };
    }
}
