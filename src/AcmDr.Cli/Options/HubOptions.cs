using System.CommandLine;
using AcmDr.Cli.Hub;

namespace AcmDr.Cli.Options;

/// <summary>The hub a command talks to, as the user named it (nulls: the kubeconfig's defaults, the settings' namespace).</summary>
public sealed record HubTarget(string? Kubeconfig, string? Context, string? Namespace)
{
    /// <summary>True when the user named a kubeconfig or a context.</summary>
    public bool Named => Kubeconfig is not null || Context is not null;

    /// <summary>The <c>--request-timeout</c> of the command's cluster calls.</summary>
    public RequestLimit Limit { get; init; } = new(RequestTimeoutOption.ClusterDefault);

    /// <summary>The hub's connection (its kubeconfig as $KUBECONFIG in <paramref name="environment"/> finds it), bounded by <see cref="Limit"/>.</summary>
    public ClusterConnection Connect(Func<string, string?> environment) =>
        ClusterConnection.Open(Kubeconfig, Context, "hub", Limit.Settings, environment);
}

/// <summary>
/// <c>--kubeconfig</c>, <c>--context</c> and <c>--namespace/-n</c> of the hub, declared once for every hub command.
/// The namespace also answers to <c>--hub-namespace</c>, the name generate and validate give it, so one
/// spelling works everywhere; a hub command's <see cref="InventoryOptions"/> shares this option.
/// </summary>
/// <param name="use">What the kubeconfig is for in this command, e.g. ": read the live hub" (empty: nothing to add).</param>
/// <param name="namespaceHolds">What the hub namespace holds that this command reads, e.g. "the switch".</param>
/// <param name="requestTimeout">The command's default <c>--request-timeout</c> (null: <see cref="RequestTimeoutOption.ClusterDefault"/>).</param>
public sealed class HubOptions(string use, string namespaceHolds, TimeSpan? requestTimeout = null)
{
    private readonly KubeconfigOptions connection = new("the hub", use, requestTimeout);

    public Option<string?> Kubeconfig => connection.Kubeconfig;

    public Option<string?> Context => connection.Context;

    public RequestTimeoutOption RequestTimeout => connection.RequestTimeout;

    /// <summary>The name generate and validate give the hub namespace; an alias here.</summary>
    public const string HubNamespaceName = "--hub-namespace";

    public Option<string?> Namespace { get; } = new("--namespace", "-n", HubNamespaceName) { Description = $"Hub namespace of {namespaceHolds} (default from settings: acmdr)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        connection.AddTo(command);
        command.Options.Add(Namespace);
    }

    public HubTarget Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var (kubeconfig, context) = connection.Read(parse);
        return new(kubeconfig, context, parse.GetValue(Namespace)) { Limit = connection.Limit(parse) };
    }
}
