using System.CommandLine;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>
/// <c>acmdr breakglass</c>: the hub (or Git) is down and the VMs must go to another site now. Sets the
/// site nodeSelector of the inventory's VMs directly on the managed cluster, or renders the same change
/// as a kustomize directory for <c>oc apply -k</c>.
/// </summary>
public static class BreakGlassCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ManagedOptions();
        var render = new Option<string?>("--render") { Description = "Write a kustomize directory for 'oc apply -k DIR' instead of touching the cluster" };
        var command = new Command("breakglass", "Set the VMs' site nodeSelector directly on the managed cluster, without the hub");
        options.AddTo(command);
        command.Options.Add(render);
        command.SetAction((parse, cancel) => RunAsync(io, options, parse, parse.GetValue(render), cancel));
        return command;
    }

    private static async Task<int> RunAsync(CliIo io, ManagedOptions options, ParseResult parse, string? render, CancellationToken cancel)
    {
        var (plan, site) = options.LoadPlan(parse, io);
        var siteLabel = plan.Settings.SiteLabel;
        int exit;
        string cluster;
        IReadOnlyList<ScopedVm> scope;
        if (render is not null)
        {
            var context = parse.GetValue(options.Context)
                ?? (parse.GetValue(options.Kubeconfig) is not null ? Open(options, parse).Context : string.Empty);
            cluster = ManagedScope.Cluster(plan, parse.GetValue(options.Cluster), context);
            scope = options.Scope(parse, plan, cluster);
            var dir = io.Resolve(render);
            var count = BreakGlassRender.Write(dir, scope, siteLabel, site);
            io.Out.WriteLine($"rendered {scope.Count} VMs of cluster {cluster} to {site} in {io.Show(dir)} ({count} files): apply with 'oc apply -k {io.Show(dir)}' (or one tier: 'oc apply -k {io.Show(dir)}/{BreakGlassManifests.TierDirectory(scope[0].Tier)}')");
            exit = ExitCodes.Success;
        }
        else
        {
            var connection = Open(options, parse);
            cluster = ManagedScope.Cluster(plan, parse.GetValue(options.Cluster), connection.Context);
            scope = options.Scope(parse, plan, cluster);
            var dryRun = parse.GetValue(options.DryRun);
            io.Out.WriteLine($"{(dryRun ? "dry run: " : "")}break glass on {connection.Server} (cluster {cluster}): {scope.Count} VMs to {site}");
            var outcome = await new BreakGlassLive(new KubeVirtApi(connection, new Hub.TransientRetry(io.RetryBackoff, io.Clock, message => io.Err.WriteLine($"acmdr: {message}"))), io, siteLabel, site).RunAsync(scope, dryRun, cancel);
            io.Out.WriteLine(dryRun
                ? $"dry run: {outcome.Set} would be set, {outcome.Already} already {site}, {outcome.NotSet.Count} cannot be set; nothing was written"
                : $"set {outcome.Set}, already {site} {outcome.Already}, not set {outcome.NotSet.Count} of {scope.Count} VMs");
            foreach (var line in outcome.NotSet)
            {
                io.Out.WriteLine($"  not set: {line}");
            }

            exit = outcome.NotSet.Count == 0 ? ExitCodes.Success : ExitCodes.Difference;
        }

        var flip = FlipSuggestion.Command(site, parse.GetResult(options.Inventory.Inventory) is { Implicit: false } ? parse.GetValue(options.Inventory.Inventory) : null,
            options.AppsOf(parse), options.TiersOf(parse), scope, plan.Clusters.Count > 1);
        io.Err.WriteLine($"acmdr: warning: once the hub is back, its enforce policies set the hub's site on these VMs again; make the hub agree before it reconnects: {flip}");
        return exit;
    }

    private static ClusterConnection Open(ManagedOptions options, ParseResult parse) =>
        ClusterConnection.Open(parse.GetValue(options.Kubeconfig), parse.GetValue(options.Context), "managed cluster");
}
