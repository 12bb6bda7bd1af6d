using System.CommandLine;
using AcmDr.Cli.Output;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Report;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr report</c>: which VMs moved to the target site, per VM, per tier and overall.</summary>
public static class ReportCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ReportOptions();
        var format = FormatOption();
        var outputFile = new Option<string?>("--output-file") { Description = "Write the report to this file (atomically) instead of stdout" };
        var command = new Command("report", "Report which VMs run at the target site (exit 0 all moved, 1 not all, 2 bad input, 3 cluster unreachable)");
        options.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(outputFile);
        command.Options.Add(options.MaxInputSize);
        command.SetAction(async (parse, cancel) =>
        {
            var timings = PhaseTimings.FromEnvironment(io.Err);
            var data = await ReportInputs.LoadAsync(options, parse, io, timings, cancel);
            timings.Time("write", () => ReportWriter.Write(data, FormatOf(parse, format), parse.GetValue(outputFile), io));
            return data.ExitCode;
        });
        return command;
    }

    public static Option<string> FormatOption()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Report format",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "markdown", "junit", "html");
        return option;
    }

    public static ReportFormat FormatOf(ParseResult parse, Option<string> option) =>
        Enum.Parse<ReportFormat>(parse.GetValue(option)!, ignoreCase: true);
}
