using System.CommandLine;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Options;
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
        var options = new ReportOptions(new SiteOption("Site every VM in scope is to run at", required: true));
        var output = new OutputOptions("Write the final report to this file (atomically)");
        var timeout = new DurationOption("--timeout", "Give up after this long (e.g. 30m, 1h, 90s)", "30m");
        var command = new Command("wait", "Watch the hub until every VM in scope runs at --to, showing per-tier progress; exit code as 'report'");
        options.AddTo(command);
        // Parsed only to point a user who tries it to 'report -f'; wait reads the live hub, so help does not offer it.
        options.Files.Hidden = true;
        output.AddTo(command);
        timeout.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var limit = timeout.Read(parse);

            if ((parse.GetValue(options.Files) ?? []).Length > 0)
            {
                throw new AcmDrException(ExitCodes.InvalidInput, "wait watches the hub; to read dump files use 'acmdr report -f'");
            }

            var scope = ReportInputs.Scope(options, parse, io);
            var hubTarget = options.Hub.Read(parse);
            var retry = ReadRetry.For(io, hubTarget.Limit);
            var hub = new KubeHubCluster(hubTarget.Connect(io.Environment), retry);
            // A wrong managed kubeconfig or context fails now, not after the wait.
            var managed = ReportInputs.ManagedClusters(options, parse);
            var (data, lost, interrupted) = await LiveWait.RunAsync(hub, scope, managed, limit, io, retry, cancel);
            var target = output.Read(parse);
            ReportWriter.Write(data, target.Format, target.File, io);
            if (interrupted)
            {
                io.Err.WriteLine("acmdr: interrupted; the report above is partial");
                return ExitCodes.Interrupted;
            }

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
