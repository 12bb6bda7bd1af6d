using System.Globalization;
using AcmDr.Core.Compliance;
using Spectre.Console;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// The report as console tables: on a terminal, Spectre's coloured tables fitted to its width (names
/// whole, the reason wrapped); redirected, written to a file or with <c>-o wide</c>, kubectl-style
/// plain tables (<see cref="PlainTable"/>) that other tools can cut.
/// </summary>
internal static class TableReport
{
    private static readonly string[] TierHeaders = ["Tier", "Moved", "Verdict", "Took", "RTO"];
    private static readonly string[] VmHeaders = ["Tier", "App", "VM", "Cluster", "Spec", "Running", "Verdict", "Since", "Reason"];

    /// <summary>The VM columns a narrow terminal leaves out first (SPEC, RUNNING, SINCE): the verdict and the reason say what they say.</summary>
    private static readonly int[] OptionalVmColumns = [4, 5, 7];
    private const int ReasonColumn = 8;

    /// <param name="colour">On a terminal: coloured, and fitted to <paramref name="width"/> columns.</param>
    /// <param name="width">The terminal's width in columns (only read with <paramref name="colour"/>).</param>
    public static void Write(ReportData data, TextWriter writer, bool colour, int width = TerminalWidth.Fallback)
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
            Write(data, console, width);
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
        if (summary.DualApps.Count > 0)
        {
            PlainTable.Write(writer, DualRows.Headers, summary.DualApps.Select(a => DualRows.Cells(a).Select(StatusText.Clean).ToArray()).ToList());
            writer.Write('\n');
        }

        foreach (var warning in data.Warnings)
        {
            writer.Write("warning: " + StatusText.Clean(warning) + "\n");
        }

        writer.Write(FooterSummary(summary) + "\n");
    }

    /// <summary>
    /// The terminal's tables: each row's cells on one line but the reason's, which wraps in what the
    /// terminal's width leaves it (<see cref="TerminalFit"/>); a line under the VMs names the columns a
    /// narrow terminal left out.
    /// </summary>
    internal static void Write(ReportData data, IAnsiConsole console, int width)
    {
        var summary = data.Summary;
        var tierCells = summary.Tiers.Select(t => TierCells(t).Select(StatusText.Clean).ToArray()).ToList();
        var tierFit = TerminalFit.Of(TierHeaders, tierCells, wrapping: TierHeaders.Length - 1, [], width);
        var verdicts = summary.Tiers.Select(t => t.Verdict).ToList();
        WriteTable(console, "Tiers", TierHeaders, tierCells, verdicts, verdictColumn: 2, tierFit, width);

        var vmCells = summary.Vms.Select(v => VmCells(v).Select(StatusText.Clean).ToArray()).ToList();
        var vmFit = TerminalFit.Of(VmHeaders, vmCells, ReasonColumn, OptionalVmColumns, width);
        // Names too long to leave the reason room beside them: the reasons follow the table, each under its VM's name.
        var reasonsBelow = vmFit.Width > width;
        var shown = reasonsBelow ? vmFit.WithoutWrapping() : vmFit;
        WriteTable(console, "VMs", VmHeaders, vmCells, summary.Vms.Select(v => v.Verdict).ToList(), verdictColumn: 6, shown, width);
        if (shown.Dropped.Count > 0)
        {
            var names = string.Join(", ", shown.Dropped.Select(c => VmHeaders[c].ToUpperInvariant()));
            var below = reasonsBelow ? "; REASON below" : string.Empty;
            console.MarkupLine(Markup.Escape($"not shown: {names}{below} (-o wide shows every column)"));
        }

        if (reasonsBelow)
        {
            foreach (var cells in vmCells.Where(c => c[ReasonColumn].Length > 0))
            {
                console.MarkupLine(Markup.Escape($"{cells[2]}: {cells[ReasonColumn]}"));
            }
        }

        if (summary.DualApps.Count > 0)
        {
            var dualCells = summary.DualApps.Select(a => DualRows.Cells(a).Select(StatusText.Clean).ToArray()).ToList();
            var dualFit = TerminalFit.Of(DualRows.Headers, dualCells, DualRows.Wrapping, DualRows.Optional, width);
            WriteTable(console, DualRows.Title, DualRows.Headers, dualCells, summary.DualApps.Select(a => a.Verdict).ToList(), DualRows.VerdictColumn, dualFit, width);
            if (dualFit.Dropped.Count > 0)
            {
                console.MarkupLine(Markup.Escape($"not shown: {string.Join(", ", dualFit.Dropped.Select(c => DualRows.Headers[c].ToUpperInvariant()))} (-o wide shows every column)"));
            }
        }

        foreach (var warning in data.Warnings)
        {
            console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(StatusText.Clean(warning)));
        }

        console.MarkupLine(Markup.Escape(FooterSummary(summary)));
    }

    private static void WriteTable(
        IAnsiConsole console, string title, string[] headers, List<string[]> rows, List<MoveVerdict> verdicts, int verdictColumn, TerminalFit fit, int width)
    {
        var table = new Table { Border = TableBorder.None }.Title(title);
        for (var i = 0; i < fit.Shown.Count; i++)
        {
            var last = i == fit.Shown.Count - 1;
            table.AddColumn(new TableColumn(Markup.Escape(headers[fit.Shown[i]].ToUpperInvariant()))
            {
                Width = fit.Widths[i],
                NoWrap = !last,
                Padding = new Padding(0, 0, last ? 0 : TerminalFit.Gap, 0),
            });
        }

        for (var r = 0; r < rows.Count; r++)
        {
            table.AddRow(fit.Shown.Select(c => c == verdictColumn ? Verdict(verdicts[r]) : new Markup(Markup.Escape(rows[r][c]))));
        }

        // Wider than the terminal only when its names are: Spectre would otherwise cut them to fit.
        console.Profile.Width = Math.Max(width, fit.Width);
        console.Write(table);
        console.Profile.Width = width;
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
