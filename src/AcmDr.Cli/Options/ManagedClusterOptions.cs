using System.CommandLine;
using AcmDr.Cli.Hub;

namespace AcmDr.Cli.Options;

/// <summary>The managed cluster a command acts on directly, as the user named it (nulls: the kubeconfig's and inventory's defaults).</summary>
public sealed record ManagedClusterTarget(string? Kubeconfig, string? Context, string? Cluster)
{
    /// <summary>The <c>--request-timeout</c> of the command's cluster calls.</summary>
    public RequestLimit Limit { get; init; } = new(RequestTimeoutOption.ClusterDefault);

    /// <summary>The cluster's connection (its kubeconfig as $KUBECONFIG in <paramref name="environment"/> finds it), bounded by <see cref="Limit"/>.</summary>
    public ClusterConnection Connect(Func<string, string?> environment) =>
        ClusterConnection.Open(Kubeconfig, Context, "managed cluster", Limit.Settings, environment);
}

/// <summary><c>--kubeconfig</c>, <c>--context</c> and <c>--cluster</c> of a managed cluster, declared once for every command that acts on one.</summary>
public sealed class ManagedClusterOptions
{
    private readonly KubeconfigOptions connection = new("the managed cluster");

    public Option<string?> Kubeconfig => connection.Kubeconfig;

    public Option<string?> Context => connection.Context;

    public RequestTimeoutOption RequestTimeout => connection.RequestTimeout;

    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Inventory cluster the kubeconfig points at (default: the context's name if it is an inventory cluster, else the inventory's only cluster)",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        connection.AddTo(command);
        command.Options.Add(Cluster);
    }

    public ManagedClusterTarget Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var (kubeconfig, context) = connection.Read(parse);
        return new(kubeconfig, context, parse.GetValue(Cluster)) { Limit = connection.Limit(parse) };
    }
}
