using System.Globalization;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Isolated;

/// <summary>What one <c>acmdr rehearse --isolated</c> was asked: the scope (with each VM's app RTO), the options, the pacing, and what to do at the end.</summary>
/// <param name="Keep">Leave the copies running (no cleanup at the end).</param>
/// <param name="WriteReport">Writes the report where -o/--output-file say.</param>
public sealed record IsolatedRequest(
    IReadOnlyList<(ScopedVm Vm, int? RtoMinutes)> Scope,
    IsolatedOptions Options,
    IsolatedLimits Limits,
    bool DryRun,
    bool Keep,
    Action<IsolatedReport> WriteReport);

/// <summary>
/// <c>acmdr rehearse --isolated</c> once the scope is known: the preflight's reads, its findings
/// (each one line on stderr; nothing is created when there is any), the plan (printed on a dry run),
/// the run, the cleanup unless kept, and the report. Progress goes to stderr, the report to stdout or
/// its file. Exit codes: 0 every copy recovered within its RTO and nothing left; 1 a copy failed, was
/// late or not started, or cleanup left something; 2/4 the preflight refused; 3 the cluster did not
/// answer; 130 interrupted.
/// </summary>
public static class IsolatedRehearsal
{
    public static async Task<int> RunAsync(CliIo io, IClusterObjects cluster, IsolatedRequest request, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        PreflightFacts facts;
        try
        {
            facts = await new PreflightReads(cluster).ReadAsync(request.Scope, options, cancel);
        }
        catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "what the preflight reads", cluster.Server);
        }

        var findings = IsolatedPreflight.Check(facts, options);
        if (findings.Count > 0)
        {
            foreach (var finding in findings)
            {
                io.Err.WriteLine($"acmdr: {CliApp.OneLine(finding.Line)}");
            }

            return findings.Any(f => f.ExitCode == ExitCodes.InvalidInput) ? ExitCodes.InvalidInput : ExitCodes.Refused;
        }

        var plan = IsolatedPreflight.Plan(facts, options);
        foreach (var warning in plan.Warnings)
        {
            io.Err.WriteLine($"acmdr: warning: {CliApp.OneLine(warning)}");
        }

        var heading = string.Create(CultureInfo.InvariantCulture,
            $"isolated rehearsal {options.Id} on {cluster.Server} (cluster {options.Cluster}): {Counted.Of(plan.Vms.Count, "VM")} copied to {options.DrSite}");
        if (request.DryRun)
        {
            IsolatedDryRun.Print(io.Out, heading, plan);
            return ExitCodes.Success;
        }

        io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{heading}, at most {request.Limits.MaxParallel} at once; production keeps running"));
        var cleanupHint = $"acmdr rehearse --cleanup --id {options.Id}";
        var run = await new IsolatedRun(cluster, request.Limits, io.Err).RunAsync(plan, facts.Nodes, cancel);
        if (run.Interrupted || run.Lost is not null)
        {
            TryWrite(io, request, IsolatedAssessor.Assess(options, run.StartedAt, run.EndedAt, run.Vms, [], false, interrupted: true));
            if (run.Lost is not null)
            {
                throw new AcmDrException(ExitCodes.ClusterUnavailable, $"{run.Lost}; {cleanupHint} removes what was created");
            }

            io.Err.WriteLine($"acmdr: interrupted: {cleanupHint} removes what was created");
            return ExitCodes.Interrupted;
        }

        IReadOnlyList<string> leftovers = [];
        if (!request.Keep)
        {
            try
            {
                leftovers = (await new IsolatedCleanup(cluster, request.Limits.Timeout, request.Limits.PollInterval, io.Err).RunAsync(options.Id, dryRun: false, cancel)).Leftovers;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                TryWrite(io, request, IsolatedAssessor.Assess(options, run.StartedAt, run.EndedAt, run.Vms, [], false, interrupted: true));
                io.Err.WriteLine($"acmdr: interrupted during cleanup: {cleanupHint} removes what is left");
                return ExitCodes.Interrupted;
            }
            catch (Exception ex) when (ex is not AcmDrException)
            {
                leftovers = [$"cleanup stopped: {KubeErrors.ToUserError(ex, "the rehearsal's objects", cluster.Server).Message}; run {cleanupHint}"];
            }
        }

        var report = IsolatedAssessor.Assess(options, run.StartedAt, run.EndedAt, run.Vms, leftovers, request.Keep, interrupted: false);
        request.WriteReport(report);
        foreach (var leftover in leftovers)
        {
            io.Err.WriteLine($"acmdr: left: {CliApp.OneLine(leftover)}");
        }

        if (request.Keep)
        {
            io.Err.WriteLine($"copies kept running: {cleanupHint} removes them");
        }

        return report.AllRecovered && leftovers.Count == 0 ? ExitCodes.Success : ExitCodes.Difference;
    }

    /// <summary>
    /// <c>acmdr rehearse --cleanup</c>: removes one rehearsal (or every one found), one line per object on
    /// stdout, then one per leftover. Exit 0 nothing left, 1 leftovers.
    /// </summary>
    public static async Task<int> CleanupAsync(CliIo io, IClusterObjects cluster, string? id, bool dryRun, TimeSpan wait, TimeSpan poll, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(cluster);
        var what = id is null ? "every rehearsal" : $"rehearsal {id}";
        CleanupResult result;
        try
        {
            result = await new IsolatedCleanup(cluster, wait, poll, io.Out).RunAsync(id, dryRun, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            io.Err.WriteLine($"acmdr: interrupted: run acmdr rehearse --cleanup{(id is null ? "" : $" --id {id}")} again to finish");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is not AcmDrException)
        {
            throw KubeErrors.ToUserError(ex, $"the objects of {what}", cluster.Server);
        }

        if (!result.Found)
        {
            io.Out.WriteLine($"nothing to clean up: no object of {what} on {cluster.Server}");
            return ExitCodes.Success;
        }

        foreach (var leftover in result.Leftovers)
        {
            io.Out.WriteLine($"left: {CliApp.OneLine(leftover)}");
        }

        io.Out.WriteLine(dryRun
            ? $"dry run: cleanup of {what} would delete {Counted.Of(result.Removed.Count, "object")}; nothing was deleted"
            : result.Leftovers.Count == 0
                ? $"cleanup of {what}: done, nothing left"
                : $"cleanup of {what}: {Counted.Of(result.Leftovers.Count, "leftover")}");
        return dryRun || result.Leftovers.Count == 0 ? ExitCodes.Success : ExitCodes.Difference;
    }

    private static void TryWrite(CliIo io, IsolatedRequest request, IsolatedReport report)
    {
        try
        {
            request.WriteReport(report);
        }
        catch (AcmDrException ex)
        {
            io.Err.WriteLine($"acmdr: the report could not be written: {CliApp.OneLine(ex.Message)}");
        }
        catch (IOException ex)
        {
            io.Err.WriteLine($"acmdr: the report could not be written: {CliApp.OneLine(ex.Message)}");
        }
    }


}
