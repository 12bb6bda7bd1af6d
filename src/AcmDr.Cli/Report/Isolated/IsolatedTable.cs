using System.Text;
using AcmDr.Cli.Report.Formats;
using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;
using Spectre.Console;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>
/// The isolated report as plain text tables: fitted to a width (the reason wraps, optional columns go
/// first, a line names them), or with <c>-o wide</c> every column and the whole reason on one line,
/// kubectl-style (<see cref="PlainTable"/>).
/// </summary>
internal static class IsolatedTable
{
    /// <param name="width">Columns to fit in; null: every column on one line (wide).</param>
    public static string Render(IsolatedReport report, int? width)
    {
        var text = new StringBuilder();
        Header(text, report);
        var tiers = report.Tiers.OrderBy(t => t.Tier).Select(IsolatedRows.Tier).ToList();
        var vms = IsolatedRows.Ordered(report).Select(IsolatedRows.Vm).ToList();
        using (var writer = new StringWriter(text) { NewLine = "\n" })
        {
            PlainTable.Write(writer, IsolatedRows.TierHeaders, tiers);
            writer.Write('\n');
            if (width is { } columns)
            {
                Fitted(text, vms, columns);
            }
            else
            {
                PlainTable.Write(writer, IsolatedRows.VmHeaders, vms);
            }
        }

        text.Append('\n');
        if (report.Leftovers.Count == 0)
        {
            text.Append("leftovers: ").Append(IsolatedWords.LeftoversNone(report)).Append('\n');
        }
        else
        {
            text.Append("leftovers:\n");
            foreach (var leftover in report.Leftovers)
            {
                text.Append("  ").Append(StatusText.Clean(leftover)).Append('\n');
            }
        }

        text.Append(IsolatedWords.Outcome(report)).Append('\n');
        return text.ToString();
    }

    private static void Header(StringBuilder text, IsolatedReport report)
    {
        text.Append(IsolatedReport.Marker).Append('\n');
        text.Append($"rehearsal {StatusText.Clean(report.Id)} on cluster {StatusText.Clean(report.Cluster)}, DR site {StatusText.Clean(report.DrSite)}: {IsolatedWords.Meaning(report)}\n");
        text.Append($"started {IsolatedWords.Time(report.StartedAt)}, ended {IsolatedWords.Time(report.EndedAt)} (took {IsolatedWords.Took(report.EndedAt - report.StartedAt)})\n");
        if (report.Interrupted)
        {
            text.Append(IsolatedWords.InterruptedLine(report)).Append('\n');
        }

        if (report.Kept)
        {
            text.Append(IsolatedWords.KeptLine(report)).Append('\n');
        }

        text.Append('\n');
    }

    /// <summary>Narrower than this a wrapped reason takes more lines than it would below the table.</summary>
    internal const int MinReasonWidth = 30;

    /// <summary>
    /// The VM table in <paramref name="width"/> columns: each cell on one line but the reason's, which
    /// wraps in what is left. The node, app and RTO columns go first; when the reason still has less
    /// than <see cref="MinReasonWidth"/>, the reasons follow the table (each after its VM's name) and
    /// the step times go only while the rest is still too wide. Names are never cut.
    /// </summary>
    private static void Fitted(StringBuilder text, List<string[]> rows, int width)
    {
        var headers = IsolatedRows.VmHeaders.Select(h => h.ToUpperInvariant()).ToArray();
        var full = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            full[c] = rows.Select(r => r[c].GetCellWidth()).Append(headers[c].GetCellWidth()).Max();
        }

        var reason = IsolatedRows.ReasonColumn;
        var shown = Enumerable.Range(0, headers.Length).ToList();
        var dropped = new List<int>();
        var wanted = Math.Min(MinReasonWidth, full[reason]);
        int Fixed() => shown.Where(c => c != reason).Sum(c => full[c]) + (TerminalFit.Gap * (shown.Count - 1));
        foreach (var column in IsolatedRows.OptionalVmColumns.Take(3))
        {
            if (Fixed() + wanted <= width)
            {
                break;
            }

            shown.Remove(column);
            dropped.Add(column);
        }

        var reasonsBelow = Fixed() + wanted > width;
        if (reasonsBelow)
        {
            shown.Remove(reason);
            foreach (var column in IsolatedRows.OptionalVmColumns.Skip(3))
            {
                if (Fixed() <= width)
                {
                    break;
                }

                shown.Remove(column);
                dropped.Add(column);
            }
        }

        var widths = shown.Select(c => c == reason ? Math.Clamp(width - Fixed(), wanted, full[reason]) : full[c]).ToList();
        Row(text, headers, shown, widths);
        foreach (var row in rows)
        {
            Row(text, row, shown, widths);
        }

        if (dropped.Count > 0 || reasonsBelow)
        {
            var names = string.Join(", ", dropped.Select(c => headers[c]));
            var below = reasonsBelow ? (dropped.Count > 0 ? "; REASON below" : "REASON below") : string.Empty;
            text.Append($"not shown: {names}{below} (-o wide shows every column)\n");
        }

        if (reasonsBelow)
        {
            foreach (var row in rows.Where(r => r[reason].Length > 0))
            {
                text.Append($"{row[2]}: {row[reason]}\n");
            }
        }
    }

    private static void Row(StringBuilder text, string[] cells, List<int> shown, List<int> widths)
    {
        var last = shown.Count - 1;
        var wraps = shown[last] == IsolatedRows.ReasonColumn;
        var indent = widths.Take(last).Sum() + (TerminalFit.Gap * last);
        var lines = wraps ? Wrap(cells[IsolatedRows.ReasonColumn], widths[last]) : [];
        var line = new StringBuilder();
        for (var i = 0; i < shown.Count; i++)
        {
            var cell = wraps && i == last ? (lines.Count > 0 ? lines[0] : string.Empty) : cells[shown[i]];
            line.Append(cell);
            if (i < last)
            {
                line.Append(' ', Math.Max(0, widths[i] - cell.GetCellWidth()) + TerminalFit.Gap);
            }
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
        foreach (var more in lines.Skip(1))
        {
            text.Append(' ', indent).Append(more).Append('\n');
        }
    }

    /// <summary>Words into lines of at most <paramref name="width"/> cells; a longer word is cut.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = line.Length == 0 ? width : width - line.Length - 1;
                if (rest.Length <= room)
                {
                    line.Append(line.Length == 0 ? string.Empty : " ").Append(rest);
                    rest = string.Empty;
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..Math.Max(1, width)]);
                    rest = rest[Math.Max(1, width)..];
                }
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
