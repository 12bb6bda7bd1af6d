using System.CommandLine;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Isolated;
using AcmDr.Cli.Options;
using AcmDr.Cli.Report.Isolated;
using AcmDr.Cli.Rehearsal;
using AcmDr.Core;
using AcmDr.Core.Flip;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Commands;

/// <summary>
/// <c>acmdr rehearse</c>: flip, wait, report; with --back also flip back exactly and wait again.
/// With <c>--isolated</c>, an isolated test recovery on the managed cluster instead (copies at the DR
/// site, production keeps running); with <c>--cleanup</c>, the removal of what such a rehearsal created.
/// </summary>
public static class RehearseCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ReportOptions(new SiteOption("Site to rehearse the move to (with --isolated: where the copies run; default the second of two sites)", required: false));
        var output = new OutputOptions("Write the report of the rehearsal to this file (atomically)");
        var timeout = new DurationOption("--timeout", "Give up waiting on each leg after this long (with --isolated: on each VM's copy, from its snapshot; e.g. 30m, 1h)", "30m");
        var reason = new Option<string>("--reason") { Description = "Why: recorded in the audit trail with the rehearsal's id (required unless --isolated or --cleanup)" };
        var back = new Option<bool>("--back") { Description = "Then flip back, restoring the switch exactly as it was, and wait again" };
        var unplanned = new Option<bool>("--unplanned")
        {
            Description = "Refused: a rehearsal moves dual-cluster apps planned (Ramen Relocate, final sync); an unplanned failover is a real one (acmdr flip --unplanned)",
        };
        var yes = new Option<bool>("--yes", "-y") { Description = "Rehearse every app without asking (a rehearsal of everything on a terminal asks first)" };
        var isolated = new IsolatedOptionSet();
        var command = new Command("rehearse",
            "Rehearse a move: flip the scope to --to (recorded in the audit trail), wait until it moved or --timeout, and report; with --back, flip back and wait again. "
            + "With --isolated: copies of the scope's VMs start at the DR site on an isolated network, are verified, timed and removed, while production keeps running");
        options.AddTo(command);
        // One --kubeconfig/--context: the hub's for a rehearsal that flips, the managed cluster's for an isolated one.
        options.Kubeconfig.Description = "Kubeconfig of the hub (with --isolated or --cleanup: of the managed cluster) (default $KUBECONFIG, then ~/.kube/config)";
        options.Context.Description = "Context of the hub (with --isolated or --cleanup: of the managed cluster) in the kubeconfig (default: the current context)";
        options.Files.Hidden = true;
        options.FlipAt.Hidden = true;
        foreach (var option in new Option[] { reason, back, unplanned, yes })
        {
            command.Options.Add(option);
        }

        output.AddTo(command);
        timeout.AddTo(command);
        isolated.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            if ((parse.GetValue(options.Files) ?? []).Length > 0 || parse.GetValue(options.FlipAt) is not null)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "rehearse flips and watches the live hub; it reads no dump files and takes no --flip-at");
            }

            var isIsolated = parse.GetValue(isolated.Isolated);
            var isCleanup = parse.GetValue(isolated.Cleanup);
            if (isIsolated && isCleanup)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "--isolated and --cleanup are two runs: give one (--cleanup --id ID removes what an isolated rehearsal created)");
            }

            if (isIsolated || isCleanup)
            {
                var mode = isIsolated ? "--isolated" : "--cleanup";
                Refuse(parse, mode, "moves nothing and writes no audit record", reason, back, unplanned, yes);
                Refuse(parse, mode, "acts on the managed cluster --kubeconfig names", options.ManagedKubeconfig, options.ManagedContext, options.ManagedCluster);
                if (isCleanup)
                {
                    Refuse(parse, mode, "finds what to remove by the rehearsal's label alone",
                        isolated.Keep, isolated.NewIdentity, isolated.MaxParallel, options.To, options.Apps, options.Tiers, output.Format, output.File);
                    return await CleanupAsync(io, options, isolated, parse, timeout.Read(parse), cancel);
                }

                return await IsolatedAsync(io, options, isolated, parse, output.Read(parse), timeout.Read(parse), cancel);
            }

            Refuse(parse, "a rehearsal that flips", "is for --isolated or --cleanup",
                isolated.Keep, isolated.NewIdentity, isolated.MaxParallel, isolated.Id, isolated.Cluster, isolated.DryRun, isolated.PollInterval.Option);
            if (parse.GetValue(unplanned))
            {
                // A failover assumes the source is down and may lose what was written since the last sync: not something to rehearse on production.
                throw new AcmDrException(ExitCodes.InvalidInput,
                    "rehearse takes no --unplanned: a rehearsal moves dual-cluster apps planned (Ramen Relocate, final sync); an unplanned failover may lose data and is a real one (acmdr flip --unplanned)");
            }

            if (parse.GetValue(options.To) is null)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "rehearse needs --to SITE, the site to rehearse the move to (or --isolated for a test on copies)");
            }

            if (parse.GetValue(reason) is null)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "rehearse needs --reason TEXT: why, recorded in the audit trail (or --isolated for a test on copies)");
            }

            var request = new FlipRequest(parse.GetValue(options.To), parse.GetValue(options.Apps) ?? [], parse.GetValue(options.Tiers) ?? [], false, parse.GetValue(reason));
            if (request.ReasonProblem() is { } problem)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, problem);
            }

            var run = new RehearsalRun(io, options, parse)
            {
                Limit = timeout.Read(parse),
                Back = parse.GetValue(back),
                Confirm = io.IsTerminal && io.ReadLine is { } readLine && !parse.GetValue(yes) ? FlipCommand.Ask(io, readLine) : null,
            };
            return await run.RunAsync(request, output.Read(parse), cancel);
        });
        return command;
    }

    /// <summary>Refuses (exit 2) any of <paramref name="refused"/> given on the command line in <paramref name="mode"/>.</summary>
    private static void Refuse(ParseResult parse, string mode, string why, params Option[] refused)
    {
        foreach (var option in refused)
        {
            if (parse.GetResult(option) is { Implicit: false })
            {
                throw new AcmDrException(ExitCodes.InvalidInput, $"{option.Name} is not for {mode}: it {why}");
            }
        }
    }

    private static async Task<int> IsolatedAsync(
        CliIo io, ReportOptions options, IsolatedOptionSet isolated, ParseResult parse, OutputTarget output, TimeSpan timeout, CancellationToken cancel)
    {
        var limits = new IsolatedLimits(isolated.ReadMaxParallel(parse), timeout, isolated.PollInterval.Read(parse));
        var id = isolated.ReadId(parse) ?? IsolatedIds.New(io.Clock.GetUtcNow(), Random.Shared);
        var plan = options.Inventory.LoadPlan(parse, io);
        var settings = plan.Settings;
        var site = parse.GetValue(options.To) is { } to
            ? FlipDecision.CheckTarget(to, settings.Sites, SiteSource.Settings)
            : settings.Sites.Count == 2
                ? settings.Sites[1]
                : throw new AcmDrException(ExitCodes.InvalidInput,
                    $"--isolated needs --to SITE: the settings name {settings.Sites.Count} sites ({string.Join(", ", settings.Sites)}), so which one is the DR site is not clear");
        var cluster = KubeClusterObjects.Open(isolated.Target(options, parse), io);
        var name = ManagedScope.Cluster(plan, parse.GetValue(isolated.Cluster), cluster.Context);
        var filter = options.Filter.Read(parse);
        var scope = ManagedScope.Select(plan, name, filter.Apps, filter.Tiers);
        if (DualScope.LeftOutLine(DualScope.Apps(plan, filter.Apps, filter.Tiers), "rehearse --isolated", "their copies are Ramen's (its test failover)") is { } leftOut)
        {
            io.Err.WriteLine($"acmdr: {leftOut}");
        }

        var request = new IsolatedRequest(
            [.. scope.Select(v => (v, plan.FindApp(v.App)?.RtoMinutes))],
            new IsolatedOptions(id, name, site, settings.SiteLabel, parse.GetValue(isolated.NewIdentity)),
            limits,
            parse.GetValue(isolated.DryRun),
            parse.GetValue(isolated.Keep),
            report => IsolatedReportWriter.Write(report, output.Format, output.File, io));
        return await IsolatedRehearsal.RunAsync(io, cluster, request, cancel);
    }

    private static Task<int> CleanupAsync(CliIo io, ReportOptions options, IsolatedOptionSet isolated, ParseResult parse, TimeSpan wait, CancellationToken cancel)
    {
        var id = isolated.ReadId(parse);
        var cluster = KubeClusterObjects.Open(isolated.Target(options, parse), io);
        return IsolatedRehearsal.CleanupAsync(io, cluster, id, parse.GetValue(isolated.DryRun), wait, isolated.PollInterval.Read(parse), cancel);
    }

    /// <summary>The options only an isolated rehearsal and its cleanup take.</summary>
    private sealed class IsolatedOptionSet
    {
        public Option<bool> Isolated { get; } = new("--isolated")
        {
            Description = "Isolated test recovery on the managed cluster --kubeconfig names: copies of the VMs start at the DR site on an isolated network, are verified and timed; production keeps running",
        };

        public Option<bool> Cleanup { get; } = new("--cleanup") { Description = "Remove what an isolated rehearsal created (--id; without it every rehearsal found), and report what is left" };

        public Option<string?> Id { get; } = new("--id") { Description = "The isolated rehearsal's id (default: a new one from the time); --cleanup --id removes that rehearsal" };

        public Option<bool> Keep { get; } = new("--keep") { Description = "Leave the copies running for manual checks, until acmdr rehearse --cleanup --id ID" };

        public Option<bool> NewIdentity { get; } = new("--new-identity") { Description = "Give the copies new MACs, SMBIOS serial and firmware UUID (default: keep production's)" };

        public Option<int> MaxParallel { get; } = new("--max-parallel") { Description = "VM copies in flight at most within a tier (with --isolated)", DefaultValueFactory = _ => 5 };

        public Option<string?> Cluster { get; } = new("--cluster")
        {
            Description = "Inventory cluster the kubeconfig points at (with --isolated; default: the context's name if it is an inventory cluster, else the inventory's only cluster)",
        };

        public Option<bool> DryRun { get; } = new("--dry-run") { Description = "With --isolated: run the preflight and print the plan; with --cleanup: list what would be removed. Nothing is created or deleted" };

        public DurationOption PollInterval { get; } = new("--poll-interval", "How often progress is read", "2s", hidden: true);

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Isolated, Cleanup, Id, Keep, NewIdentity, MaxParallel, Cluster, DryRun })
            {
                command.Options.Add(option);
            }

            PollInterval.AddTo(command);
        }

        public int ReadMaxParallel(ParseResult parse) =>
            parse.GetValue(MaxParallel) is var parallel and >= 1 ? parallel : throw new AcmDrException(ExitCodes.InvalidInput, "--max-parallel must be at least 1");

        public string? ReadId(ParseResult parse)
        {
            var id = parse.GetValue(Id);
            return id is not null && IsolatedIds.Problem(id) is { } problem
                ? throw new AcmDrException(ExitCodes.InvalidInput, $"--id '{id}': {problem}")
                : id;
        }

        /// <summary>With --isolated/--cleanup, the command's --kubeconfig and --context name the managed cluster.</summary>
        public ManagedClusterTarget Target(ReportOptions options, ParseResult parse)
        {
            var hub = options.Hub.Read(parse);
            return new ManagedClusterTarget(hub.Kubeconfig, hub.Context, parse.GetValue(Cluster)) { Limit = hub.Limit };
        }
    }
}
