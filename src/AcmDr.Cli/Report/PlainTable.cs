using System.Text;

namespace AcmDr.Cli.Report;

/// <summary>
/// Writes a titled, square-bordered table exactly as Spectre.Console lays it out without colour
/// (column measuring, Rich's width collapsing, greedy word wrap), in linear time: Spectre
/// re-measures every segment's cell width while wrapping, which took seconds on 10,000 VMs.
/// It only takes tables it can match byte for byte (printable ASCII, no word wider than its
/// column); <see cref="TryWrite"/> returns false for anything else and the caller uses Spectre.
/// </summary>
internal static class PlainTable
{
    private const int Padding = 2;

    public static bool TryWrite(TextWriter writer, string title, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int maxWidth)
    {
        if (rows.Count == 0 || !headers.All(IsPlain) || !rows.All(r => r.Length == headers.Count && r.All(IsPlain)))
        {
            return false;
        }

        var columns = headers.Count;
        var cellWidth = maxWidth - (columns - 1) - 2 - (Padding * columns);
        var widths = new List<int>(columns);
        for (var c = 0; c < columns; c++)
        {
            var longest = headers[c].Length;
            foreach (var row in rows)
            {
                longest = Math.Max(longest, row[c].Length);
            }

            widths.Add(Math.Min(longest, cellWidth));
        }

        if (widths.Sum() > cellWidth)
        {
            widths = Collapse(widths, cellWidth);
            if (widths.Sum() > cellWidth)
            {
                widths = Reduce(widths.Sum() - cellWidth, widths.ConvertAll(_ => 1), widths, widths);
            }
        }

        var tableWidth = widths.Sum() + (columns - 1) + 2 + (Padding * columns);
        if (tableWidth > maxWidth || widths.Any(w => w <= 0)
            || !Fits(headers, widths) || !rows.All(r => Fits(r, widths)))
        {
            return false;
        }

        var text = new StringBuilder();
        var left = (tableWidth - title.Length) / 2;
        text.Append(' ', Math.Max(0, left)).Append(title).Append(' ', Math.Max(0, tableWidth - title.Length - left)).Append('\n');
        Border(text, widths, '┌', '┬', '┐');
        Row(text, headers, widths);
        Border(text, widths, '├', '┼', '┤');
        foreach (var row in rows)
        {
            Row(text, row, widths);
            if (text.Length > 1 << 16)
            {
                writer.Write(text);
                text.Clear();
            }
        }

        Border(text, widths, '└', '┴', '┘');
        writer.Write(text);
        return true;
    }

    /// <summary>Printable ASCII (one cell per character) without the leading blank Spectre repeats on every wrapped line.</summary>
    private static bool IsPlain(string cell)
    {
        foreach (var c in cell)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return cell.Length == 0 || cell[0] != ' ';
    }

    /// <summary>True when no word or blank run is wider than its column (Spectre would fold it).</summary>
    private static bool Fits(IReadOnlyList<string> cells, List<int> widths)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.Length <= widths[c])
            {
                continue;
            }

            for (var start = 0; start < cell.Length;)
            {
                var end = TokenEnd(cell, start);
                if (end - start > widths[c])
                {
                    return false;
                }

                start = end;
            }
        }

        return true;
    }

    private static int TokenEnd(string cell, int start)
    {
        var blank = cell[start] == ' ';
        var end = start + 1;
        while (end < cell.Length && (cell[end] == ' ') == blank)
        {
            end++;
        }

        return end;
    }

    private static void Row(StringBuilder text, IReadOnlyList<string> cells, List<int> widths)
    {
        var lines = new List<string>[cells.Count];
        var height = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            lines[c] = Wrap(cells[c], widths[c]);
            height = Math.Max(height, lines[c].Count);
        }

        for (var line = 0; line < height; line++)
        {
            text.Append('│');
            for (var c = 0; c < cells.Count; c++)
            {
                var content = line < lines[c].Count ? lines[c][line] : string.Empty;
                text.Append(' ').Append(content).Append(' ', widths[c] - content.Length + 1).Append('│');
            }

            text.Append('\n');
        }
    }

    /// <summary>Spectre's greedy wrap: a token that does not fit starts a new line, where a blank is dropped.</summary>
    private static List<string> Wrap(string cell, int width)
    {
        if (cell.Length <= width)
        {
            return [cell];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        for (var start = 0; start < cell.Length;)
        {
            var end = TokenEnd(cell, start);
            var length = end - start;
            var broke = false;
            if (line.Length + length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                broke = true;
            }

            if (!broke || cell[start] != ' ')
            {
                line.Append(cell, start, length);
            }

            start = end;
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    private static void Border(StringBuilder text, List<int> widths, char left, char middle, char right)
    {
        text.Append(left);
        for (var c = 0; c < widths.Count; c++)
        {
            text.Append('─', widths[c] + Padding).Append(c == widths.Count - 1 ? right : middle);
        }

        text.Append('\n');
    }

    /// <summary>Rich's collapse: shave the widest wrappable columns down towards the next widest until the table fits.</summary>
    private static List<int> Collapse(List<int> widths, int maxWidth)
    {
        var total = widths.Sum();
        var excess = total - maxWidth;
        while (total != 0 && excess > 0)
        {
            var widest = widths.Max();
            var second = 1;
            foreach (var w in widths)
            {
                second = Math.Max(second, w != widest ? w : 1);
            }

            var difference = widest - second;
            if (difference == 0)
            {
                break;
            }

            var ratios = widths.ConvertAll(w => w == widest ? 1 : 0);
            widths = Reduce(excess, ratios, widths.ConvertAll(_ => Math.Min(excess, difference)), widths);
            total = widths.Sum();
            excess = total - maxWidth;
        }

        return widths;
    }

    private static List<int> Reduce(int total, List<int> ratios, List<int> maximums, List<int> values)
    {
        ratios = ratios.Select((r, i) => maximums[i] > 0 ? r : 0).ToList();
        var totalRatio = ratios.Sum();
        if (totalRatio <= 0)
        {
            return values;
        }

        var remaining = total;
        var result = new List<int>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (ratios[i] != 0 && totalRatio > 0)
            {
                var distributed = Math.Min(maximums[i], ratios[i] * remaining / totalRatio);
                result.Add(values[i] - distributed);
                remaining -= distributed;
                totalRatio -= ratios[i];
            }
            else
            {
                result.Add(values[i]);
            }
        }

        return result;
    }
}
