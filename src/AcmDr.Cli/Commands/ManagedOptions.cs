using System.CommandLine;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Options;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Commands;

/// <summary>The options of the commands that act on a managed cluster directly, and the scope they give.</summary>
public sealed class ManagedOptions
{
    public InventoryOptions Inventory { get; } = new();

    public SiteOption Site { get; } = new("Site to run the VMs at (one of the settings' sites)", required: true);

    public ManagedClusterOptions Cluster { get; } = new();

    public ScopeOptions Filter { get; } = new();

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Read the cluster and show what would be done; write nothing" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Inventory.AddTo(command);
        Site.AddTo(command);
        Cluster.AddTo(command);
        Filter.AddTo(command);
        command.Options.Add(DryRun);
    }

    /// <summary>The plan, checking the request timeout (exit 2 when bad) and the target site (exit 4 when unknown) before anything touches a cluster.</summary>
    public (DrPlan Plan, string Site) LoadPlan(ParseResult parse, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(parse);
        _ = Cluster.Read(parse);
        var plan = Inventory.LoadPlan(parse, io);
        return (plan, Site.Checked(parse, plan.Settings));
    }

    public IReadOnlyList<ScopedVm> Scope(ParseResult parse, DrPlan plan, string cluster)
    {
        var filter = Filter.Read(parse);
        return ManagedScope.Select(plan, cluster, filter.Apps, filter.Tiers);
    }

    /// <summary>The managed cluster the command line names, each call bounded by its <c>--request-timeout</c> and retried within it.</summary>
    public IManagedCluster Open(ParseResult parse, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var target = Cluster.Read(parse);
        return new KubeManagedCluster(target.Connect(io.Environment), target.Limit.Retry(io));
    }
}
