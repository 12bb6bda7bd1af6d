using System.CommandLine;
using AcmDr.Cli.Options;
using AcmDr.Cli.Output;
using AcmDr.Core;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr validate</c>: report every error in the inventory, not just the first.</summary>
public static class ValidateCommand
{
    public static Command Create(CliIo io)
    {
        var options = new InventoryOptions(generates: true);
        var maxErrors = new Option<int>("--max-errors")
        {
            Description = $"Show at most this many errors, then how many more there are (default {InventoryErrors.DefaultLimit})",
            DefaultValueFactory = _ => InventoryErrors.DefaultLimit,
        };
        maxErrors.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-errors must be at least 1");
            }
        });
        var command = new Command("validate", "Check the inventory and report every error found (exit 2 if any)");
        options.AddTo(command);
        command.Options.Add(maxErrors);
        command.SetAction(parse => Run(io, options, parse, parse.GetValue(maxErrors)));
        return command;
    }

    private static int Run(CliIo io, InventoryOptions options, ParseResult parse, int maxErrors)
    {
        DrSettings settings;
        try
        {
            settings = options.LoadSettings(parse, io);
        }
        catch (InvalidInventoryException ex) when (ex.Errors.Count > 1)
        {
            // The dual: section reports all its problems at once; validate is where they are listed.
            foreach (var error in ex.Errors)
            {
                io.Err.WriteLine(CliApp.OneLine(error.ToString()));
            }

            io.Err.WriteLine(CliApp.OneLine($"{ex.Errors[0].File}: {ex.Errors.Count} errors"));
            return ExitCodes.InvalidInput;
        }

        var path = options.InventoryPath(parse, io);
        var shown = io.Show(path);
        var timings = PhaseTimings.FromEnvironment(io.Err);
        var bytes = timings.Time("read", () => options.ReadBytes(parse, io, path));
        var check = timings.Time("check", () => InventoryReader.Check(shown, bytes, settings, maxErrors, options.SeparatorOf(parse)));
        if (check.Inventory is not { } inventory)
        {
            foreach (var error in check.Errors)
            {
                io.Err.WriteLine(CliApp.OneLine(error.ToString()));
            }

            io.Err.WriteLine(CliApp.OneLine(check.NotShown == 0
                ? $"{shown}: {check.ErrorCount} error{(check.ErrorCount == 1 ? string.Empty : "s")}"
                : $"{shown}: {check.ErrorCount} errors in {check.Records} rows; {check.NotShown} more not shown (--max-errors N shows more)"));
            return ExitCodes.InvalidInput;
        }

        var plan = timings.Time("plan", () => PlanBuilder.Build(inventory, settings));
        io.Out.WriteLine($"{shown}: valid: {Counted.Of(plan.VmCount, "VM")}, {Counted.Of(plan.Apps.Count, "app")}, {Counted.Of(plan.Tiers.Count, "tier")}, {Counted.Of(plan.Clusters.Count, "cluster")}");
        return ExitCodes.Success;
    }
}
