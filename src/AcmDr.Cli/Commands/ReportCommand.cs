using System.CommandLine;
using AcmDr.Cli.Options;
using AcmDr.Cli.Output;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Report;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr report</c>: which VMs moved to the target site, per VM, per tier and overall.</summary>
public static class ReportCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ReportOptions(new SiteOption("Target site (default: the switch's site, else the newest flip)", required: false));
        var output = new OutputOptions("Write the report to this file (atomically) instead of stdout");
        var command = new Command("report", "Report which VMs run at the target site (exit 0 all moved, 1 not all, 2 bad input, 3 cluster unreachable)");
        options.AddTo(command);
        output.AddTo(command);
        command.Options.Add(options.MaxInputSize);
        command.SetAction(async (parse, cancel) =>
        {
            var timings = PhaseTimings.FromEnvironment(io.Err);
            var data = await ReportInputs.LoadAsync(options, parse, io, timings, cancel);
            var target = output.Read(parse);
            timings.Time("write", () => ReportWriter.Write(data, target.Format, target.File, io));
            return data.ExitCode;
        });
        return command;
    }
}
