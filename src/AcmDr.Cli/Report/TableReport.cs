using System.Globalization;
using AcmDr.Core.Compliance;
using Spectre.Console;

namespace AcmDr.Cli.Report;

/// <summary>The report as console tables: colour on a terminal, plain text when redirected.</summary>
internal static class TableReport
{
    private const int PlainWidth = 200;
    private static readonly string[] TierHeaders = ["Tier", "Moved", "Verdict", "Took", "RTO"];
    private static readonly string[] VmHeaders = ["Tier", "App", "VM", "Cluster", "Spec", "Running", "Verdict", "Since", "Reason"];

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
            console.Profile.Width = PlainWidth;
            if (TryWritePlain(data, writer))
            {
                WriteFooter(data, console);
                return;
            }
        }

        Write(data, console);
    }

    /// <summary>The same tables without Spectre's layout cost; false when only Spectre can lay them out.</summary>
    private static bool TryWritePlain(ReportData data, TextWriter writer)
    {
        var summary = data.Summary;
        var tiers = summary.Tiers.Select(t => new[]
        {
            t.Tier.ToString(CultureInfo.InvariantCulture), $"{t.Moved}/{t.Total}", ReportWords.VerdictText(t.Verdict),
            ReportWords.Duration(t.Duration), ReportWords.Rto(t),
        }).ToList();
        var vms = new List<string[]>(summary.Vms.Count);
        foreach (var vm in summary.Vms)
        {
            vms.Add(
            [
                vm.Tier.ToString(CultureInfo.InvariantCulture), StatusText.Clean(vm.App), StatusText.Clean($"{vm.Namespace}/{vm.Vm}"),
                StatusText.Clean(vm.Cluster), ReportWords.State(vm.SpecState), ReportWords.State(vm.RunningState),
                ReportWords.VerdictText(vm.Verdict), ReportWords.Time(vm.Since), StatusText.Clean(vm.Reason),
            ]);
        }

        using var buffer = new StringWriter { NewLine = "\n" };
        if (!PlainTable.TryWrite(buffer, "Tiers", TierHeaders, tiers, PlainWidth)
            || !PlainTable.TryWrite(buffer, "VMs", VmHeaders, vms, PlainWidth))
        {
            return false;
        }

        writer.Write(buffer.ToString());
        return true;
    }

    public static void Write(ReportData data, IAnsiConsole console)
    {
        var summary = data.Summary;
        var tiers = new Table().Title("Tiers").AddColumns(TierHeaders);
        foreach (var tier in summary.Tiers)
        {
            tiers.AddRow(
                Cell(tier.Tier.ToString(CultureInfo.InvariantCulture)),
                Cell($"{tier.Moved}/{tier.Total}"),
                Verdict(tier.Verdict),
                Cell(ReportWords.Duration(tier.Duration)),
                Cell(ReportWords.Rto(tier)));
        }

        var vms = new Table().Title("VMs").AddColumns(VmHeaders);
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
        WriteFooter(data, console);
    }

    private static void WriteFooter(ReportData data, IAnsiConsole console)
    {
        var summary = data.Summary;
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
