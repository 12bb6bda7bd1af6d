using System.CommandLine;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Managed;
using AcmDr.Cli.Options;
using AcmDr.Core;
using AcmDr.Core.Managed;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Commands;

/// <summary>
/// <c>acmdr relocate</c>: a nodeSelector change does not move a running VM, so this live-migrates (or
/// restarts) the scope's VMs that run at another site, tier by tier, in bounded waves.
/// </summary>
public static class RelocateCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ManagedOptions();
        var maxParallel = new Option<int>("--max-parallel") { Description = "Moves in flight at most (the restart-storm guard)", DefaultValueFactory = _ => 5 };
        var timeout = new DurationOption("--timeout", "Give up on what has not arrived after this long (30m, 1h, 90s)", "30m");
        var poll = new DurationOption("--poll-interval", "How often progress is read", "2s", hidden: true);
        var command = new Command("relocate", "Live-migrate or restart the VMs that run at another site, tier by tier");
        options.AddTo(command);
        command.Options.Add(maxParallel);
        timeout.AddTo(command);
        poll.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            var parallel = parse.GetValue(maxParallel);
            if (parallel < 1)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "--max-parallel must be at least 1");
            }

            return RunAsync(io, options, parse, parallel, timeout.Read(parse), poll.Read(parse), () => options.Open(parse, io), cancel);
        });
        return command;
    }

    /// <param name="open">The managed cluster of the command line, opened once the plan and the site are known.</param>
    private static async Task<int> RunAsync(
        CliIo io, ManagedOptions options, ParseResult parse, int maxParallel, TimeSpan timeout, TimeSpan poll, Func<IManagedCluster> open, CancellationToken cancel)
    {
        var (plan, site) = options.LoadPlan(parse, io);
        var managed = open();
        var cluster = ManagedScope.Cluster(plan, options.Cluster.Read(parse).Cluster, managed.Context);
        var scope = options.Scope(parse, plan, cluster);
        var filter = options.Filter.Read(parse);
        if (DualScope.LeftOutLine(DualScope.Apps(plan, filter.Apps, filter.Tiers), "relocate", "acmdr flip moves them through Ramen") is { } leftOut)
        {
            io.Err.WriteLine($"acmdr: {leftOut}");
        }

        var target = new WrongClusterTarget(managed.Context, managed.Server, cluster, options.Cluster.Read(parse).Cluster, plan.Clusters);
        var reader = new ClusterReader(managed, plan.Settings.SiteLabel);
        var namespaces = scope.Select(v => v.Vm.Namespace);
        try
        {
            if (parse.GetValue(options.DryRun))
            {
                // One reading for the wrong-cluster check and every VM's decision.
                var snapshot = await reader.SnapshotAsync(namespaces, SnapshotParts.Relocation, cancel);
                ScopePresenceCheck.Run(snapshot, scope, target);
                return await DryRunAsync(io, reader, snapshot, scope, site, plan.Settings.SiteLabel, managed.Server, cluster, cancel);
            }

            // The rounds read what they decide on themselves, as it changes.
            ScopePresenceCheck.Run(await reader.SnapshotAsync(namespaces, SnapshotParts.Vms, cancel), scope, target);
            io.Out.WriteLine($"relocate on {managed.Server} (cluster {cluster}): {Counted.Of(scope.Count, "VM")} to {site}, at most {maxParallel} moves at once");
            var limits = new RelocationLimits(site, plan.Settings.SiteLabel, maxParallel, timeout, poll);
            var results = await RelocationDisplay.RunAsync(io, progress => new Relocation(managed, progress, limits).RunAsync(scope, cancel));
            RelocationSummary.Print(io.Out, results, site);
            return results.Any(r => r.Outcome == RelocationOutcome.Failed) ? ExitCodes.Difference : ExitCodes.Success;
        }
        catch (Exception ex) when (ex is not AcmDrException && !cancel.IsCancellationRequested)
        {
            throw KubeErrors.ToUserError(ex, "the VMs", managed.Server);
        }
    }

    private static async Task<int> DryRunAsync(
        CliIo io, ClusterReader reader, ScopeSnapshot snapshot, IReadOnlyList<ScopedVm> scope, string site, string siteLabel, string server, string cluster, CancellationToken cancel)
    {
        io.Out.WriteLine($"dry run: relocate on {server} (cluster {cluster}): {Counted.Of(scope.Count, "VM")} to {site}; nothing is written");
        var blocked = 0;
        foreach (var tier in ManagedScope.ByTier(scope))
        {
            io.Out.WriteLine($"tier {tier.Key}:");
            foreach (var vm in tier)
            {
                var step = MoveDecision.Decide(await reader.VmStateAsync(snapshot, vm.Vm, cancel), snapshot.Nodes, site, siteLabel);
                blocked += step.Kind is MoveKind.Missing or MoveKind.SelectorElsewhere or MoveKind.Stuck ? 1 : 0;
                io.Out.WriteLine($"  {vm.Vm}: {step.Reason}");
            }
        }

        io.Out.WriteLine(blocked == 0 ? "dry run: every VM can get there" : $"dry run: {blocked} VM{(blocked == 1 ? "" : "s")} cannot be moved as they are");
        return blocked == 0 ? ExitCodes.Success : ExitCodes.Difference;
    }
}
