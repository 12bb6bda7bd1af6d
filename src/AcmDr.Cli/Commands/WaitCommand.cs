using System.CommandLine;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Output;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Report.Live;
using AcmDr.Cli.Report;
using AcmDr.Core;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr wait</c>: watch the hub until everything in scope runs at the site, then report.</summary>
public static class WaitCommand
{
    public static Command Create(CliIo io)
    {
        var options = new ReportOptions();
        var format = ReportCommand.FormatOption();
        var outputFile = new Option<string?>("--output-file") { Description = "Write the final report to this file (atomically)" };
        var timeout = new Option<string>("--timeout") { Description = "Give up after this long (e.g. 30m, 1h, 90s)", DefaultValueFactory = _ => "30m" };
        var command = new Command("wait", "Watch the hub until every VM in scope runs at --to, showing per-tier progress; exit code as 'report'");
        options.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(outputFile);
        command.Options.Add(timeout);
        command.SetAction(async (parse, cancel) =>
        {
            if (parse.GetValue(options.To) is null)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "wait needs --to SITE");
            }

            if (!GoDuration.TryParse(parse.GetValue(timeout), out var limit))
            {
                throw new AcmDrException(ExitCodes.InvalidInput, $"--timeout '{parse.GetValue(timeout)}' is not a duration like 30m, 1h or 90s");
            }

            if ((parse.GetValue(options.Files) ?? []).Length > 0)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "wait watches the hub; to read dump files use 'acmdr report -f'");
            }

            var scope = ReportInputs.Scope(options, parse, io);
            var hub = ClusterConnection.Open(parse.GetValue(options.Kubeconfig), parse.GetValue(options.Context));
            // A wrong managed kubeconfig or context fails now, not after the wait.
            var managed = ReportInputs.ManagedClusters(options, parse);
            var retry = ReadRetry.For(io);
            var watch = new PolicyWatch(hub, scope, io, retry);
            var (data, lost) = await watch.WaitAsync(limit, cancel);
            if (managed.Count > 0)
            {
                // The hub's word decides when waiting ends; where the VMs really run decides the report.
                data = await ReportInputs.AssembleAsync(managed, scope, watch.Snapshot, [$"hub {hub.Server}"], io, retry, PhaseTimings.FromEnvironment(io.Err), cancel);
            }

            if (lost is not null)
            {
                // The hub went away mid-wait: what it said last is worth showing, but marked, and not a verdict.
                data = data with { Warnings = [.. data.Warnings, $"stale: {lost}"] };
            }

            ReportWriter.Write(data, ReportCommand.FormatOf(parse, format), parse.GetValue(outputFile), io);
            if (lost is not null)
            {
                io.Err.WriteLine($"acmdr: {lost}");
                return ExitCodes.ClusterUnavailable;
            }

            return data.ExitCode;
        });
        return command;
    }
}
