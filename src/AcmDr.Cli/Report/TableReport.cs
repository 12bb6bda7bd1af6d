using System.Globalization;
using AcmDr.Core.Compliance;
using Spectre.Console;

namespace AcmDr.Cli.Report;

/// <summary>The report as console tables: colour on a terminal, plain text when redirected.</summary>
internal static class TableReport
{
    public static void Write(ReportData data, TextWriter writer, bool colour)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!colour)
        {
            console.Profile.Width = 200;
        }

        Write(data, console);
    }

    public static void Write(ReportData data, IAnsiConsole console)
    {
        var summary = data.Summary;
        var tiers = new Table().Title("Tiers").AddColumns("Tier", "Moved", "Verdict", "Took", "RTO");
        foreach (var tier in summary.Tiers)
        {
            tiers.AddRow(
                Cell(tier.Tier.ToString(CultureInfo.InvariantCulture)),
                Cell($"{tier.Moved}/{tier.Total}"),
                Verdict(tier.Verdict),
                Cell(ReportWords.Duration(tier.Duration)),
                Cell(ReportWords.Rto(tier)));
        }

        var vms = new Table().Title("VMs").AddColumns("Tier", "App", "VM", "Cluster", "Spec", "Running", "Verdict", "Since", "Reason");
        foreach (var vm in summary.Vms)
        {
            vms.AddRow(
                Cell(vm.Tier.ToString(CultureInfo.InvariantCulture)),
                Cell(vm.App),
                Cell($"{vm.Namespace}/{vm.Vm}"),
                Cell(vm.Cluster),
                Cell(ReportWords.State(vm.SpecState)),
                Cell(ReportWords.State(vm.RunningState)),
                Verdict(vm.Verdict),
                Cell(ReportWords.Time(vm.Since)),
                Cell(vm.Reason));
        }

        console.Write(tiers);
        console.Write(vms);
        foreach (var warning in data.Warnings)
        {
            console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(StatusText.Clean(warning)));
        }

        var flip = summary.FlipAt is { } at ? $", flip at {ReportWords.Time(at)}" : ", flip time unknown";
        console.MarkupLine(Markup.Escape($"{summary.Moved}/{summary.Total} VMs at {summary.TargetSite}{flip}: ")
            + Markup.Escape(ReportWords.VerdictText(summary.Verdict)));
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
