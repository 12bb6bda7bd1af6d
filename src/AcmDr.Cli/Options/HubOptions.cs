using System.CommandLine;

namespace AcmDr.Cli.Options;

/// <summary>The hub a command talks to, as the user named it (nulls: the kubeconfig's defaults, the settings' namespace).</summary>
public sealed record HubTarget(string? Kubeconfig, string? Context, string? Namespace)
{
    /// <summary>True when the user named a kubeconfig or a context.</summary>
    public bool Named => Kubeconfig is not null || Context is not null;
}

/// <summary>
/// <c>--kubeconfig</c>, <c>--context</c> and <c>--namespace/-n</c> of the hub, declared once for every hub command.
/// The namespace also answers to <c>--hub-namespace</c>, the name generate and validate give it, so one
/// spelling works everywhere; a hub command's <see cref="InventoryOptions"/> shares this option.
/// </summary>
/// <param name="use">What the kubeconfig is for in this command, e.g. ": read the live hub" (empty: nothing to add).</param>
/// <param name="namespaceHolds">What the hub namespace holds that this command reads, e.g. "the switch".</param>
public sealed class HubOptions(string use, string namespaceHolds)
{
    private readonly KubeconfigOptions connection = new("the hub", use);

    public Option<string?> Kubeconfig => connection.Kubeconfig;

    public Option<string?> Context => connection.Context;

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
        return new(kubeconfig, context, parse.GetValue(Namespace));
    }
}
