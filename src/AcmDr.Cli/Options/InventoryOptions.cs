using System.CommandLine;
using AcmDr.Cli.Input;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Cli.Options;

/// <summary>The inventory and settings options shared by every command that reads the inventory.</summary>
public sealed class InventoryOptions
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

    public Option<string?> HubNamespace { get; } = new("--hub-namespace") { Description = "Hub namespace of the DR resources (default acmdr)" };

    public Option<string?> SiteLabel { get; } = new("--site-label") { Description = "Node label holding the site (default topology.kubernetes.io/site)" };

    public Option<string?> Sites { get; } = new("--sites") { Description = "Comma-separated site names, home first (default Primary,DR)" };

    public Option<string?> ClusterSet { get; } = new("--cluster-set") { Description = "ManagedClusterSet of the clusters (default default)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Inventory);
        command.Options.Add(Settings);
        command.Options.Add(HubNamespace);
        command.Options.Add(SiteLabel);
        command.Options.Add(Sites);
        command.Options.Add(ClusterSet);
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
            parse.GetValue(HubNamespace), parse.GetValue(SiteLabel), sites, parse.GetValue(ClusterSet)));
    }

    /// <summary>Reads the inventory bytes (bounded, see <see cref="InputLimit.Inventory"/>), failing with one clear line.</summary>
    public static ReadOnlyMemory<byte> ReadBytes(string path, CliIo io) => InputFile.Read(path, io.Show(path), InputLimit.Inventory);

    /// <summary>Loads settings and the validated inventory, and builds the plan.</summary>
    public DrPlan LoadPlan(ParseResult parse, CliIo io)
    {
        var settings = LoadSettings(parse, io);
        var path = InventoryPath(parse, io);
        var inventory = InventoryReader.Read(io.Show(path), ReadBytes(path, io), settings);
        return PlanBuilder.Build(inventory, settings);
    }
}
