using System.CommandLine;
using AcmDr.Cli.Output;
using AcmDr.Core;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr generate</c>: the inventory's policies and placements, written atomically.</summary>
public static class GenerateCommand
{
    public static Command Create(CliIo io)
    {
        var options = new InventoryOptions();
        var output = new Option<string>("--out", "-o")
        {
            Description = "Directory that receives policies/ and placements/",
            DefaultValueFactory = _ => ".",
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the files on disk are not what the inventory gives (for CI)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; show what would change" };
        var command = new Command("generate", "Generate ACM policies, placements and the site switch from the inventory");
        options.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(check);
        command.Options.Add(dryRun);
        command.SetAction(parse => Run(io, options, parse, io.Resolve(parse.GetValue(output)!), parse.GetValue(check), parse.GetValue(dryRun)));
        return command;
    }

    private static int Run(CliIo io, InventoryOptions options, ParseResult parse, string outDir, bool check, bool dryRun)
    {
        var timings = PhaseTimings.FromEnvironment(io.Err);
        var tree = new GeneratedTree(outDir);
        var switchPath = tree.Full($"{ManifestBuilder.BaseDir}/{PolicyNames.SwitchConfigMap}.yaml");
        // The switch file is parsed on another core while this one builds the plan: parsing needs no
        // plan, and loading the YAML parser took 22 ms of an up-to-date generate (10,000 VMs). An
        // invalid inventory is still reported first; an invalid switch file when the plan is done.
        var switchData = Task.Run(() => SwitchFile.ReadData(switchPath));
        var plan = timings.Time("plan", () => options.LoadPlan(parse, io));
        var state = timings.Time("switch", () => SwitchFile.Apply(switchPath, switchData.GetAwaiter().GetResult(), plan, io.Err.WriteLine));
        var files = ManifestBuilder.Pending(plan, state);
        if (!check && !dryRun)
        {
            // Build, render, compare and stage file by file: see GeneratedTree.Write.
            var written = timings.Time("write", () => tree.Write(files));
            timings.Time("summary", () => ChangeReport.Summary(io.Out, written));
            io.Out.WriteLine($"generated {plan.Policies.Count} policies for {plan.VmCount} VMs of {plan.Apps.Count} apps in {plan.Tiers.Count} tier{Plural(plan.Tiers.Count)} on {plan.Clusters.Count} cluster{Plural(plan.Clusters.Count)}: {written.Count} file{Plural(written.Count)} changed in {io.Show(outDir)}");
            return ExitCodes.Success;
        }

        var changes = timings.Time("compare", () => tree.Diff(files));

        if (check)
        {
            if (changes.Count == 0)
            {
                io.Out.WriteLine($"up to date: {files.Count} files match the inventory");
                return ExitCodes.Success;
            }

            ChangeReport.Summary(io.Out, changes);
            io.Out.WriteLine($"{changes.Count} file{Plural(changes.Count)} out of date; run 'acmdr generate' to update them");
            return ExitCodes.Difference;
        }

        ChangeReport.Detailed(io.Out, changes);
        io.Out.WriteLine(changes.Count == 0
            ? "dry run: nothing would change"
            : $"dry run: {changes.Count} file{Plural(changes.Count)} would change; nothing was written");
        return ExitCodes.Success;
    }

    private static string Plural(int n) => n == 1 ? string.Empty : "s";
}
