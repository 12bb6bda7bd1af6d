using System.CommandLine;
using AcmDr.Cli.Output;
using AcmDr.Core;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr validate</c>: report every error in the inventory, not just the first.</summary>
public static class ValidateCommand
{
    public static Command Create(CliIo io)
    {
        var options = new InventoryOptions();
        var command = new Command("validate", "Check the inventory and report every error found (exit 2 if any)");
        options.AddTo(command);
        command.SetAction(parse => Run(io, options, parse));
        return command;
    }

    private static int Run(CliIo io, InventoryOptions options, ParseResult parse)
    {
        var settings = options.LoadSettings(parse, io);
        var path = options.InventoryPath(parse, io);
        var shown = io.Show(path);
        var timings = PhaseTimings.FromEnvironment(io.Err);
        var bytes = timings.Time("read", () => InventoryOptions.ReadBytes(path, io));
        var (inventory, errors) = timings.Time("check", () => InventoryReader.Check(shown, bytes, settings));
        if (inventory is null)
        {
            foreach (var error in errors)
            {
                io.Err.WriteLine(error.ToString());
            }

            io.Err.WriteLine($"{shown}: {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}");
            return ExitCodes.InvalidInput;
        }

        var plan = timings.Time("plan", () => PlanBuilder.Build(inventory, settings));
        io.Out.WriteLine($"{shown}: valid: {plan.VmCount} VMs, {plan.Apps.Count} apps, {plan.Tiers.Count} tiers, {plan.Clusters.Count} cluster{(plan.Clusters.Count == 1 ? string.Empty : "s")}");
        return ExitCodes.Success;
    }
}
