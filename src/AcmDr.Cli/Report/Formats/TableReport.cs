using System.Globalization;
using AcmDr.Core.Compliance;
using Spectre.Console;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// The report as console tables: Spectre's coloured, boxed tables on a terminal; redirected or
/// written to a file, kubectl-style plain tables (<see cref="PlainTable"/>) that other tools can cut.
/// </summary>
internal static class TableReport
{
    private static readonly string[] TierHeaders = ["Tier", "Moved", "Verdict", "Took", "RTO"];
    private static readonly string[] VmHeaders = ["Tier", "App", "VM", "Cluster", "Spec", "Running", "Verdict", "Since", "Reason"];

    public static void Write(ReportData data, TextWriter writer, bool colour)
    {
        if (colour)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(writer),
            });
            Write(data, console);
        }
        else
        {
            WritePlain(data, writer);
        }
    }

    private static void WritePlain(ReportData data, TextWriter writer)
    {
        var summary = data.Summary;
        var tiers = summary.Tiers.Select(t => TierCells(t).Select(StatusText.Clean).ToArray()).ToList();
        var vms = new List<string[]>(summary.Vms.Count);
        foreach (var vm in summary.Vms)
        {
            vms.Add(VmCells(vm).Select(StatusText.Clean).ToArray());
        }

        PlainTable.Write(writer, TierHeaders, tiers);
        writer.Write('\n');
        PlainTable.Write(writer, VmHeaders, vms);
        writer.Write('\n');
        foreach (var warning in data.Warnings)
        {
            writer.Write("warning: " + StatusText.Clean(warning) + "\n");
        }

        writer.Write(FooterSummary(summary) + "\n");
    }

    private static void Write(ReportData data, IAnsiConsole console)
    {
        var summary = data.Summary;
        var tiers = new Table().Title("Tiers").AddColumns(TierHeaders);
        foreach (var tier in summary.Tiers)
        {
            var cells = TierCells(tier);
            tiers.AddRow(Cell(cells[0]), Cell(cells[1]), Verdict(tier.Verdict), Cell(cells[3]), Cell(cells[4]));
        }

        var vms = new Table().Title("VMs").AddColumns(VmHeaders);
        foreach (var vm in summary.Vms)
        {
            var cells = VmCells(vm);
            vms.AddRow(
                Cell(cells[0]), Cell(cells[1]), Cell(cells[2]), Cell(cells[3]), Cell(cells[4]), Cell(cells[5]),
                Verdict(vm.Verdict), Cell(cells[7]), Cell(cells[8]));
        }

        console.Write(tiers);
        console.Write(vms);
        foreach (var warning in data.Warnings)
        {
            console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(StatusText.Clean(warning)));
        }

        console.MarkupLine(Markup.Escape(FooterSummary(summary)));
    }

    private static string[] TierCells(TierCompliance tier) =>
    [
        tier.Tier.ToString(CultureInfo.InvariantCulture), $"{tier.Moved}/{tier.Total}", ReportWords.VerdictText(tier.Verdict),
        ReportWords.Duration(tier.Duration), ReportWords.Rto(tier),
    ];

    private static string[] VmCells(VmCompliance vm) =>
    [
        vm.Tier.ToString(CultureInfo.InvariantCulture), vm.App, $"{vm.Namespace}/{vm.Vm}", vm.Cluster,
        ReportWords.State(vm.SpecState), ReportWords.State(vm.RunningState), ReportWords.VerdictText(vm.Verdict),
        ReportWords.Time(vm.Since), vm.Reason,
    ];

    private static string FooterSummary(ComplianceSummary summary)
    {
        var flip = summary.FlipAt is { } at ? $", flip at {ReportWords.Time(at)}" : ", flip time unknown";
        return $"{summary.Moved}/{summary.Total} VMs at {summary.TargetSite}{flip}: {ReportWords.VerdictText(summary.Verdict)}";
    }

    private static Markup Cell(string text) => new(Markup.Escape(StatusText.Clean(text)));

    private static Markup Verdict(MoveVerdict verdict)
    {
        var colour = verdict switch
        {
            MoveVerdict.Moved => "green",
            MoveVerdict.NotMoved => "red",
            MoveVerdict.Waiting => "blue",
            _ => "yellow",
        };
        return new Markup($"[{colour}]{ReportWords.VerdictText(verdict)}[/]");
    }
}
