using System.CommandLine;
using AcmDr.Cli.Options;
using AcmDr.Core;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Commands;

/// <summary>The options of the commands that act on a managed cluster directly, and the scope they give.</summary>
public sealed class ManagedOptions
{
    public InventoryOptions Inventory { get; } = new();

    public Option<string> To { get; } = new("--to") { Description = "Site to run the VMs at (one of the settings' sites)", Required = true };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig of the managed cluster (default $KUBECONFIG, then ~/.kube/config)" };

    public Option<string?> Context { get; } = new("--context") { Description = "Kubeconfig context (default: the current context)" };

    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Inventory cluster the kubeconfig points at (default: the context's name if it is an inventory cluster, else the inventory's only cluster)",
    };

    public Option<string[]> Apps { get; } = new("--app") { Description = "Only this app (repeatable)", AllowMultipleArgumentsPerToken = false };

    public Option<int[]> Tiers { get; } = new("--tier") { Description = "Only this tier (repeatable)" };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Read the cluster and show what would be done; write nothing" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Inventory.AddTo(command);
        foreach (var option in new Option[] { To, Kubeconfig, Context, Cluster, Apps, Tiers, DryRun })
        {
            command.Options.Add(option);
        }
    }

    public IReadOnlyList<string> AppsOf(ParseResult parse) => parse.GetValue(Apps) ?? [];

    public IReadOnlyList<int> TiersOf(ParseResult parse) => parse.GetValue(Tiers) ?? [];

    /// <summary>The plan, checking the target site before anything touches a cluster (exit 4 when unknown).</summary>
    public (DrPlan Plan, string Site) LoadPlan(ParseResult parse, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var plan = Inventory.LoadPlan(parse, io);
        var site = parse.GetValue(To)!;
        return plan.Settings.IsSite(site)
            ? (plan, site)
            : throw new AcmDrException(ExitCodes.Refused, $"refused: site '{site}' is not one of the sites: {string.Join(", ", plan.Settings.Sites)}");
    }

    public IReadOnlyList<ScopedVm> Scope(ParseResult parse, DrPlan plan, string cluster) =>
        ManagedScope.Select(plan, cluster, AppsOf(parse), TiersOf(parse));
}
