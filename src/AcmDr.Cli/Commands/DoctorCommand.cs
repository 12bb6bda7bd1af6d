using System.CommandLine;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Doctor;
using AcmDr.Cli.Options;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Live;
using AcmDr.Core.Doctor;

namespace AcmDr.Cli.Commands;

/// <summary><c>acmdr doctor</c>: are the hub and the managed clusters ready for a flip? One line per check, then a summary.</summary>
public static class DoctorCommand
{
    public static Command Create(CliIo io)
    {
        // The report's inventory, hub and managed-cluster groups, declared there once; doctor takes no site, scope or dumps.
        var options = new ReportOptions(new SiteOption("(not an option of doctor)", required: false));
        var command = new Command("doctor", "Check the prerequisites of a flip on the hub and the managed clusters (exit 0 ready, warnings allowed; 3 a cluster unreachable; 4 a check failed)");
        options.Inventory.AddTo(command);
        options.Hub.AddTo(command);
        foreach (var option in new Option[] { options.ManagedKubeconfig, options.ManagedContext, options.ManagedCluster })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancel) => RunAsync(options, parse, io, cancel));
        return command;
    }

    private static async Task<int> RunAsync(ReportOptions options, ParseResult parse, CliIo io, CancellationToken cancel)
    {
        var plan = options.Inventory.LoadPlan(parse, io);
        var target = options.Hub.Read(parse);
        // Names of the managed clusters are checked before anything is read.
        var managed = ReportInputs.Named(ReportInputs.ManagedClusters(options, parse), plan.Clusters, "the inventory");
        var retry = ReadRetry.For(io, target.Limit);
        var hubConnection = target.Connect(io.Environment);
        var hub = new KubeHubCluster(hubConnection, retry);
        var hubReading = await HubDoctorReads.ReadAsync(hub, target.Namespace ?? plan.Settings.HubNamespace, plan.Settings.ClusterSet, cancel);
        var findings = new List<Finding>(HubChecks.Check(plan, hubReading));
        if (plan.HasDual)
        {
            findings.AddRange(DualChecks.Check(plan, await DualDoctorReads.ReadAsync(hubConnection, retry, plan, cancel)));
        }

        foreach (var (name, connection) in managed)
        {
            var reading = await ClusterDoctorReads.ReadAsync(new KubeManagedCluster(connection, retry, name), name, plan, cancel);
            findings.AddRange(ClusterChecks.Check(plan, reading));
        }

        // Printed once everything is read: an unreachable cluster is one line on stderr, not half a check.
        foreach (var finding in findings)
        {
            io.Out.WriteLine(finding.Line);
        }

        var verdict = DoctorVerdict.Of(findings);
        io.Out.WriteLine(verdict.Line);
        return verdict.ExitCode;
    }
}
