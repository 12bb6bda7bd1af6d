using System.Text;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// A table as kubectl prints a list when its output is not a terminal, a format with its own rules:
/// a header row in capitals, then one line per row; each column as wide as its widest cell (counted
/// in characters) and three spaces from the next; no borders, no wrapping, no trailing blanks; an
/// empty cell shows as <c>&lt;none&gt;</c>. Cells are one line of clean text (the caller cleans them).
/// </summary>
internal static class PlainTable
{
    public const string None = "<none>";
    private const int Gap = 3;

    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var widths = new int[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            widths[c] = headers[c].Length;
            foreach (var row in rows)
            {
                widths[c] = Math.Max(widths[c], Shown(row[c]).Length);
            }
        }

        var text = new StringBuilder();
        Line(text, headers.Select(h => h.ToUpperInvariant()).ToArray(), widths);
        foreach (var row in rows)
        {
            Line(text, row, widths);
            if (text.Length > 1 << 16)
            {
                writer.Write(text);
                text.Clear();
            }
        }

        writer.Write(text);
    }

    private static string Shown(string cell) => cell.Length == 0 ? None : cell;

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = Shown(cells[c]);
            text.Append(cell);
            if (c < cells.Length - 1)
            {
                text.Append(' ', widths[c] - cell.Length + Gap);
            }
        }

        text.Append('\n');
    }
}
