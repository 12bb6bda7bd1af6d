using System.CommandLine;
using AcmDr.Cli.Options;
using AcmDr.Cli.Input;
using AcmDr.Core;

namespace AcmDr.Cli.Commands;

/// <summary>The options shared by <c>acmdr report</c> and <c>acmdr wait</c>.</summary>
public sealed class ReportOptions
{
    public InventoryOptions Inventory { get; } = new();

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig of the hub (read the live hub)" };

    public Option<string?> Context { get; } = new("--context") { Description = "Context of the hub in the kubeconfig" };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Hub namespace of the acmdr policies (default from settings: acmdr)" };

    public Option<string[]> Files { get; } = new("--file", "-f")
    {
        Description = "Dump of 'kubectl get policies -A -o yaml|json' (repeatable; may also hold the acmdr-sites ConfigMap)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> To { get; } = new("--to") { Description = "Target site (default: the switch's site, else the newest flip)" };

    public Option<DateTimeOffset?> FlipAt { get; } = new("--flip-at") { Description = "When the flip happened (default: the newest flip record)" };

    public Option<string[]> Apps { get; } = new("--app") { Description = "Only these apps (repeatable)" };

    public Option<int[]> Tiers { get; } = new("--tier") { Description = "Only these tiers (repeatable)" };

    public Option<string?> ManagedKubeconfig { get; } = new("--managed-kubeconfig") { Description = "Kubeconfig of the managed clusters: read where each VM instance really runs" };

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
        Inventory.AddTo(command);
        foreach (var option in new Option[] { Kubeconfig, Context, Namespace, Files, To, FlipAt, Apps, Tiers, ManagedKubeconfig, ManagedContext, ManagedCluster })
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

    public bool LiveHub(ParseResult parse) =>
        parse.GetValue(Kubeconfig) is not null || parse.GetValue(Context) is not null || (parse.GetValue(Files) ?? []).Length == 0;
}
