using System.CommandLine;
using AcmDr.Cli.Input;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli.Options;

/// <summary>The inventory and settings options shared by every command that reads the inventory.</summary>
/// <param name="hubNamespace">
/// A command that talks to the hub passes its <see cref="HubOptions.Namespace"/> (<c>-n/--namespace</c>, also spelled
/// <c>--hub-namespace</c>): one option then both names the namespace it reads and overrides the settings, and this
/// group does not declare a second one. Null: this group declares <c>--hub-namespace</c> (generate, validate).
/// </param>
/// <param name="generates">
/// generate and validate: also declare <c>--move-running</c>, a setting that only shapes what is generated
/// (the switch's <c>moveRunning</c>); the commands that read a cluster would list it for nothing.
/// </param>
public sealed class InventoryOptions(Option<string?>? hubNamespace = null, bool generates = false)
{
    public const string DefaultInventory = "inventory/apps.csv";

    public Option<string> Inventory { get; } = new("--inventory", "-i")
    {
        Description = "Inventory CSV (one row per VM)",
        DefaultValueFactory = _ => DefaultInventory,
    };

    public Option<string?> Settings { get; } = new("--settings")
    {
        Description = $"Settings file (default: {SettingsFile.FileName} beside the inventory, if present)",
    };

    private readonly bool ownsHubNamespace = hubNamespace is null;

    public Option<string?> HubNamespace { get; } = hubNamespace ?? new(HubOptions.HubNamespaceName) { Description = "Hub namespace of the DR resources (default acmdr)" };

    public Option<string?> SiteLabel { get; } = new("--site-label") { Description = "Node label holding the site (default topology.kubernetes.io/site)" };

    public Option<string?> Sites { get; } = new("--sites") { Description = "Comma-separated site names, home first (default Primary,DR)" };

    public Option<string?> ClusterSet { get; } = new("--cluster-set") { Description = "ManagedClusterSet of the clusters (default default)" };

    public Option<string?> MoveRunning { get; } = new("--move-running")
    {
        Description = $"What a flip does to running VMs: {MoveRunningText.Migrate} (the policies live-migrate them; default) or {MoveRunningText.None} (they wait for acmdr relocate)",
    };

    public Option<string?> Separator { get; } = new("--separator")
    {
        Description = "Field separator of the inventory: , ; tab or | (default: found from the header line)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Inventory);
        command.Options.Add(Settings);
        if (ownsHubNamespace)
        {
            command.Options.Add(HubNamespace);
        }

        command.Options.Add(SiteLabel);
        command.Options.Add(Sites);
        command.Options.Add(ClusterSet);
        if (generates)
        {
            command.Options.Add(MoveRunning);
            MoveRunning.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string?>() is { } value && MoveRunningText.Parse(value) is null)
                {
                    result.AddError($"--move-running '{value}' is not {MoveRunningText.Migrate} or {MoveRunningText.None}");
                }
            });
        }

        command.Options.Add(Separator);
        Separator.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && CsvSeparator.Parse(value) is null)
            {
                result.AddError($"--separator '{value}' is not one of , ; tab |");
            }
        });
    }

    public string InventoryPath(ParseResult parse, CliIo io) => io.Resolve(parse.GetValue(Inventory)!);

    public DrSettings LoadSettings(ParseResult parse, CliIo io)
    {
        var explicitPath = parse.GetValue(Settings);
        var path = explicitPath is not null
            ? io.Resolve(explicitPath)
            : Path.Combine(Path.GetDirectoryName(InventoryPath(parse, io))!, SettingsFile.FileName);
        var sites = parse.GetValue(Sites)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // A named file must be there; beside the inventory, anything of that name is read (a folder
        // there is an error, not a silent fallback to the defaults).
        return SettingsFile.Load(explicitPath is not null || Path.Exists(path) ? path : null, new SettingsOverrides(
            parse.GetValue(HubNamespace), parse.GetValue(SiteLabel), sites, parse.GetValue(ClusterSet),
            MoveRunningText.Parse(parse.GetValue(MoveRunning))));
    }

    /// <summary>
    /// Reads the inventory (bounded, see <see cref="InputLimit.Inventory"/>) as UTF-8, failing with one clear line,
    /// and says on stderr how it was read when that is not UTF-8 and comma-separated.
    /// </summary>
    public ReadOnlyMemory<byte> ReadBytes(ParseResult parse, CliIo io, string path)
    {
        var text = InputFile.ReadInventory(path, io.Show(path), InputLimit.Inventory);
        var separator = SeparatorOf(parse) ?? CsvSeparator.Detect(text.Utf8.Span).Separator;
        if (text.Encoding is not null || separator != ',')
        {
            io.Err.WriteLine($"acmdr: {io.Show(path)}: read as {text.Encoding ?? "UTF-8"}, {CsvSeparator.Describe(separator)}");
        }

        return text.Utf8;
    }

    /// <summary>The separator <c>--separator</c> gives, or null to find it from the header.</summary>
    public char? SeparatorOf(ParseResult parse) => parse.GetValue(Separator) is { } value ? CsvSeparator.Parse(value) : null;

    /// <summary>Loads settings and the validated inventory, and builds the plan.</summary>
    public DrPlan LoadPlan(ParseResult parse, CliIo io)
    {
        var settings = LoadSettings(parse, io);
        var path = InventoryPath(parse, io);
        var inventory = InventoryReader.Read(io.Show(path), ReadBytes(parse, io, path), settings, SeparatorOf(parse));
        return PlanBuilder.Build(inventory, settings);
    }
}
