using System.CommandLine;
using AcmDr.Cli.Hub;

namespace AcmDr.Cli.Options;

/// <summary>
/// <c>--kubeconfig</c>, <c>--context</c> and <c>--request-timeout</c>, declared once for every command that
/// talks to a cluster (the hub's group and the managed cluster's group hold one each).
/// </summary>
/// <param name="cluster">Which cluster, as help names it: "the hub", "the managed cluster".</param>
/// <param name="use">What the kubeconfig is for in this command, e.g. ": read the live hub" (empty: nothing to add).</param>
/// <param name="requestTimeout">The command's default <c>--request-timeout</c> (null: <see cref="RequestTimeoutOption.ClusterDefault"/>).</param>
public sealed class KubeconfigOptions(string cluster, string use = "", TimeSpan? requestTimeout = null)
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = $"Kubeconfig of {cluster}{use} (default $KUBECONFIG, then ~/.kube/config)" };

    public Option<string?> Context { get; } = new("--context") { Description = $"Context of {cluster} in the kubeconfig (default: the current context)" };

    public RequestTimeoutOption RequestTimeout { get; } = new(requestTimeout ?? RequestTimeoutOption.ClusterDefault);

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        RequestTimeout.AddTo(command);
    }

    public (string? Kubeconfig, string? Context) Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return (parse.GetValue(Kubeconfig), parse.GetValue(Context));
    }

    public RequestLimit Limit(ParseResult parse) => RequestTimeout.Read(parse);
}
