namespace AcmDr.Cli.Input;

/// <summary>
/// How large an input file of one kind may be, named as users meet it in messages, and how to raise
/// it (null: it cannot be raised). The defaults are far above any real input and far below what would
/// exhaust a machine's memory.
/// </summary>
internal sealed record InputLimit(long Bytes, string Name, string? Raise, int ExitCode = Core.ExitCodes.InvalidInput)
{
    /// <summary>About ten times the largest inventory ACM could manage: 100,000 VMs are 6 MiB of CSV.</summary>
    public static InputLimit Inventory { get; } = new(64L << 20, "inventory file", null);

    /// <summary>Four short keys: anything near this is not a settings file.</summary>
    public static InputLimit Settings { get; } = new(1L << 20, "settings file", null);

    /// <summary>The committed switch: a dozen keys and the overrides of a few hundred apps.</summary>
    public static InputLimit SwitchFile { get; } = new(1L << 20, "switch file", null);

    /// <summary>A thousand clusters with their certificates inline are about 5 MiB. Exit 3, as every kubeconfig error.</summary>
    public static InputLimit Kubeconfig { get; } = new(16L << 20, "kubeconfig", null, Core.ExitCodes.ClusterUnavailable);

    /// <summary>A 10,000-VM policy dump is about 64 MiB of JSON; kubectl's YAML is larger.</summary>
    public const long DefaultDumpBytes = 512L << 20;

    /// <summary>
    /// A dump is read into memory whole, and its YAML as one string, which .NET caps at about a
    /// billion characters: beyond 1 GiB no limit could be kept.
    /// </summary>
    public const long MaxDumpBytes = 1L << 30;

    public static InputLimit Dump(long bytes) => new(bytes, "dump file", "raise it with --max-input-size (at most 1G)");
}
