using System.CommandLine;

namespace AcmDr.Cli.Options;

/// <summary>The managed cluster a command acts on directly, as the user named it (nulls: the kubeconfig's and inventory's defaults).</summary>
public sealed record ManagedClusterTarget(string? Kubeconfig, string? Context, string? Cluster);

/// <summary><c>--kubeconfig</c>, <c>--context</c> and <c>--cluster</c> of a managed cluster, declared once for every command that acts on one.</summary>
public sealed class ManagedClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig of the managed cluster (default $KUBECONFIG, then ~/.kube/config)" };

    public Option<string?> Context { get; } = new("--context") { Description = "Context of the managed cluster in the kubeconfig (default: the current context)" };

    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Inventory cluster the kubeconfig points at (default: the context's name if it is an inventory cluster, else the inventory's only cluster)",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Cluster);
    }

    public ManagedClusterTarget Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(parse.GetValue(Kubeconfig), parse.GetValue(Context), parse.GetValue(Cluster));
    }
}
