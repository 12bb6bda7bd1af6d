using AcmDr.Cli.Options;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Isolated;

/// <summary>Writes the isolated report where -o/--output-file say (placeholder until the report writer is merged).</summary>
public static class IsolatedReportOutput
{
    public static void Write(IsolatedReport report, OutputTarget output, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(io);
        io.Out.WriteLine($"{IsolatedReport.Marker}: rehearsal {report.Id}");
        foreach (var vm in report.Vms)
        {
            io.Out.WriteLine($"{vm.Vm.Vm} {vm.Verdict} {vm.Reason} {vm.Consistency}");
        }
    }
}
