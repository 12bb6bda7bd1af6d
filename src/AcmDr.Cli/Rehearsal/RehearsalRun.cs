using System.CommandLine;
using System.Globalization;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Commands;
using AcmDr.Cli.Flip;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Options;
using AcmDr.Cli.Output;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Report.Live;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using AcmDr.Core.Rehearsal;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Rehearsal;

/// <summary>
/// One rehearsal on the live hub. Before anything is written it refuses (exit 4) a scope that is mid-move
/// (a VM in scope does not run where the switch sends it now) or that the switch already sends to the site.
/// Then: the flip (one conditional write with the audit record, as <c>acmdr flip</c>; a GitOps-managed switch
/// is refused there), the wait (as <c>acmdr wait</c>), and with <see cref="Back"/> the flip back, restoring
/// exactly the keys the first flip changed (<see cref="RehearsalSwitch.Back"/>), and a second wait. The report
/// holds every leg that started. An interruption or a hub that stops answering never flips anything by
/// itself: the report and the last line say where the switch was left and which flips restore it.
/// </summary>
internal sealed class RehearsalRun(CliIo io, ReportOptions options, ParseResult parse)
{
    public TimeSpan Limit { get; init; } = TimeSpan.FromMinutes(30);

    public bool Back { get; init; }

    /// <summary>Asked before a rehearsal of everything is written; null: never asked.</summary>
    public Func<string, bool>? Confirm { get; init; }

    public async Task<int> RunAsync(FlipRequest request, OutputTarget output, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var scope = ReportInputs.Scope(options, parse, io);
        if (scope.InventoryWorkloads is null)
        {
            throw new AcmDrException(ExitCodes.InvalidInput,
                $"rehearse needs the inventory, to know every VM the rehearsal must move: give -i FILE ({InventoryOptions.DefaultInventory} not found)");
        }

        var settings = scope.Settings;
        var site = FlipDecision.CheckTarget(request.To!, settings.Sites, SiteSource.Settings);
        var hubTarget = options.Hub.Read(parse);
        var retry = ReadRetry.For(io, hubTarget.Limit);
        var hub = new KubeHubCluster(hubTarget.Connect(io.Environment), retry);
        var flipHub = hub.WithRetry(HubFlip.Retry(io, hubTarget.Limit));
        var managed = ReportInputs.ManagedClusters(options, parse);
        var id = Guid.NewGuid().ToString("N")[..8];

        await PreflightAsync(hub, scope, managed, request, retry, cancel);

        // The apps the flips show as moving: the inventory the scope already read, not read again.
        var apps = HubApps.FromWorkloads(scope.InventoryWorkloads);
        HubFlip.AppSource known = _ => Task.FromResult<(IReadOnlyList<SwitchedApp>?, string?)>((apps, null));
        // The flips say what they change as flip does; on stderr when stdout carries a report meant for a program.
        var flipIo = output.File is null && output.Format is not (ReportFormat.Table or ReportFormat.Wide) ? io with { Out = io.Err } : io;
        var outward = new HubFlip(flipHub, scope.HubNamespace, flipIo) { Confirm = Confirm };
        var code = await outward.RunAsync(request with { Reason = RehearsalSwitch.Reason(id, request.Reason!, back: false) }, settings.Sites,
            dryRun: false, force: false, known, cancel);
        if (outward.Written is not { } first)
        {
            return code;
        }

        var heading = $"rehearsal {id}: {request.Reason}";
        var legs = new List<ReportLeg>();
        var (leg, stop) = await LegAsync(1, first, hub, scope with { To = site, FlipAt = first.At }, managed, retry, cancel);
        legs.Add(leg);
        if (stop is not null || !Back)
        {
            return Finish(heading, legs, output, stop, first);
        }

        var backward = new HubFlip(flipHub, scope.HubNamespace, flipIo);
        var home = first.Changes.FirstOrDefault(c => c.Key == Core.Manifests.SwitchManifest.SiteKey)?.Before ?? settings.HomeSite;
        try
        {
            await backward.RunAsync(new FlipRequest(home, request.Apps, request.Tiers, false, RehearsalSwitch.Reason(id, request.Reason!, back: true)),
                data => RehearsalSwitch.Back(data, settings.Sites, first.Changes), dryRun: false, force: false, known, cancel);
        }
        catch (AcmDrException ex)
        {
            // The first leg happened: its report is written before the refusal ends the run.
            legs[0] = legs[0] with { Data = Warn(legs[0].Data, $"{ex.Message}; {LeftAt(first)}") };
            RehearsalReport.Write(heading, legs, output.Format, output.File, io);
            throw;
        }

        if (backward.Written is not { } second)
        {
            return Finish(heading, legs, output, null, first);
        }

        // Each VM's target on the way back is what the restored switch sends it to, overrides included.
        (leg, stop) = await LegAsync(2, second, hub, scope with { To = null, FlipAt = second.At }, managed, retry, cancel);
        legs.Add(leg);
        return Finish(heading, legs, output, stop, stop is null ? null : second);
    }

    /// <summary>Refuses a scope that is mid-move or already sent to the site: nothing is written then.</summary>
    private async Task PreflightAsync(KubeHubCluster hub, ReportScope scope, IReadOnlyList<(string? Cluster, ClusterConnection Connection)> managed,
        FlipRequest request, TransientRetry retry, CancellationToken cancel)
    {
        // With the DRPCs, so a dual-cluster app counts as settled only when its DRPC finished where the switch sends it.
        var snapshot = await LiveHub.ReadAsync(hub, scope, cancel);
        var data = snapshot.Switch?.Data ?? throw new AcmDrException(ExitCodes.ClusterUnavailable,
            $"switch configmap {scope.HubNamespace}/{PolicyNames.SwitchConfigMap} not found on {hub.Server}: apply policies/base to the hub first (or use --namespace)");
        // The mode alone sends nothing anywhere: there would be nothing to watch.
        if (FlipDecision.Decide(data, scope.Settings.Sites, request).SendsNothing)
        {
            throw new AcmDrException(ExitCodes.Refused,
                $"refused: the switch already sends the scope to {request.To}: nothing to rehearse; nothing was written");
        }

        if (RehearsalSwitch.BackProblem(data, Back) is { } back)
        {
            throw new AcmDrException(ExitCodes.Refused, back);
        }

        var now = await ReportInputs.AssembleAsync(managed, scope with { To = null }, snapshot, [$"hub {hub.Server}"], io, retry, PhaseTimings.FromEnvironment(io.Err), cancel);
        var unsettled = now.Summary.Vms.Where(v => v.Verdict != MoveVerdict.Moved).ToList();
        if (unsettled.Count > 0)
        {
            var first = unsettled.Take(3).Select(v => $"{v.Namespace}/{v.Vm} ({v.Reason})");
            throw new AcmDrException(ExitCodes.Refused,
                string.Create(CultureInfo.InvariantCulture, $"refused: the scope is mid-move: {unsettled.Count} of {now.Summary.Vms.Count} VMs do not run where the switch sends them now")
                + $": {StatusText.Clean(string.Join(", ", first))}{(unsettled.Count > 3 ? ", ..." : string.Empty)}; let them arrive (acmdr wait) or fix them first; nothing was written");
        }
    }

    private async Task<(ReportLeg Leg, string? Stop)> LegAsync(
        int number, WrittenFlip flip, IHubCluster hub, ReportScope scope, IReadOnlyList<(string? Cluster, ClusterConnection Connection)> managed,
        TransientRetry retry, CancellationToken cancel)
    {
        var outcome = await LiveWait.RunAsync(hub, scope, managed, Limit, io, retry, cancel);
        var title = string.Create(CultureInfo.InvariantCulture, $"leg {number}: {Summary(flip)} at {ReportWords.Time(flip.At)}");
        var stop = outcome.Interrupted ? "interrupted" : outcome.Lost;
        var data = stop is null ? outcome.Report : Warn(outcome.Report, LeftAt(flip));
        return (new ReportLeg(title, data), stop);
    }

    private int Finish(string heading, List<ReportLeg> legs, OutputTarget output, string? stop, WrittenFlip? left)
    {
        RehearsalReport.Write(heading, legs, output.Format, output.File, io);
        if (stop is null)
        {
            return legs.All(l => l.Data.ExitCode == ExitCodes.Success) ? ExitCodes.Success : 1;
        }

        io.Err.WriteLine($"acmdr: {stop}; {LeftAt(left!)}");
        return stop == "interrupted" ? ExitCodes.Interrupted : ExitCodes.ClusterUnavailable;
    }

    /// <summary>Where the switch was left, and the flips that restore it (a stop never flips by itself).</summary>
    private static string LeftAt(WrittenFlip flip)
    {
        var back = RehearsalSwitch.BackCommands(flip.Changes);
        return $"the switch stays as this rehearsal's flip left it ({Summary(flip)} at {ReportWords.Time(flip.At)})"
            + (back.Count == 0 ? string.Empty : $"; to restore it: {string.Join(" and ", back)}");
    }

    private static string Summary(WrittenFlip flip) =>
        StatusText.Clean(string.Join(", ", flip.Changes.Select(c => $"{c.Key} {c.Before ?? "(not set)"} -> {c.After ?? "(cleared)"}")));

    private static ReportData Warn(ReportData data, string warning) => data with { Warnings = [.. data.Warnings, warning] };
}
