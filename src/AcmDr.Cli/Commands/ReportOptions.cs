using System.CommandLine;
using AcmDr.Cli.Input;
using AcmDr.Cli.Report.Live;
using AcmDr.Cli.Options;
using AcmDr.Core;

namespace AcmDr.Cli.Commands;

/// <summary>The options shared by <c>acmdr report</c> and <c>acmdr wait</c>.</summary>
/// <param name="site">The <c>--to</c> of the command: optional for report, required for wait.</param>
public sealed class ReportOptions(SiteOption site)
{
    private InventoryOptions? inventory;

    public HubOptions Hub { get; } = new(": read the live hub", "the acmdr policies", RequestTimeoutOption.ReportDefault);

    public InventoryOptions Inventory => inventory ??= new(Hub.Namespace);

    public SiteOption Site { get; } = site;

    public ScopeOptions Filter { get; } = new();

    // The groups' declarations under the names the report's readers (Report/ReportInputs) use.
    public Option<string?> Kubeconfig => Hub.Kubeconfig;

    public Option<string?> Context => Hub.Context;

    public Option<string?> Namespace => Hub.Namespace;

    public Option<string?> To => Site.To;

    public Option<string[]> Apps => Filter.Apps;

    public Option<int[]> Tiers => Filter.Tiers;

    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "Dump of 'kubectl get policies -A -o yaml|json' (repeatable; may also hold the acmdr-sites ConfigMap)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<DateTimeOffset?> FlipAt { get; } = TimeOption.Create("--flip-at", "When the flip happened (default: the newest flip record)");

    public Option<string?> ManagedKubeconfig { get; } = new("--managed-kubeconfig") { Description = "Kubeconfig of the managed clusters: read where each VM instance really runs (several files: a list as $KUBECONFIG writes it)" };

    public Option<string[]> ManagedContext { get; } = new("--managed-context")
    {
        Description = "Context of a managed cluster in --managed-kubeconfig (repeatable): CONTEXT, or CLUSTER=CONTEXT when its ACM name differs (default: the current context)",
    };

    public Option<string?> ManagedCluster { get; } = new("--managed-cluster") { Description = "ACM name of the one managed cluster read (default: the only cluster, else the context name)" };

    /// <summary>Only <c>report</c> reads dump files, so only it adds this option (see <see cref="DumpLimit"/>).</summary>
    public Option<string?> MaxInputSize { get; } = new("--max-input-size")
    {
        Description = $"Largest dump file read, e.g. 800M or 1G (default {ByteSize.Format(InputLimit.DefaultDumpBytes)}, at most {ByteSize.Format(InputLimit.MaxDumpBytes)})",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Inventory.AddTo(command);
        Hub.AddTo(command);
        command.Options.Add(Files);
        Site.AddTo(command);
        command.Options.Add(FlipAt);
        Filter.AddTo(command);
        foreach (var option in new Option[] { ManagedKubeconfig, ManagedContext, ManagedCluster })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>How large each <c>-f</c> dump may be: <see cref="MaxInputSize"/>, else the default.</summary>
    internal InputLimit DumpLimit(ParseResult parse)
    {
        var text = parse.GetValue(MaxInputSize);
        if (text is null)
        {
            return InputLimit.Dump(InputLimit.DefaultDumpBytes);
        }

        return ByteSize.TryParse(text, out var bytes) && bytes is > 0 and <= InputLimit.MaxDumpBytes
            ? InputLimit.Dump(bytes)
            : throw new AcmDrException(ExitCodes.InvalidInput,
                $"--max-input-size '{text}' is not a size from 1 to {ByteSize.Format(InputLimit.MaxDumpBytes)} like 800M or 1G");
    }

    /// <summary>True when the user named an inventory (the option has a default, which alone does not count).</summary>
    public bool InventoryGiven(ParseResult parse) => parse.GetResult(Inventory.Inventory) is { Implicit: false };

    public bool LiveHub(ParseResult parse) => Hub.Read(parse).Named || (parse.GetValue(Files) ?? []).Length == 0;
}
