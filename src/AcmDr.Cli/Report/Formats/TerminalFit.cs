using Spectre.Console;

namespace AcmDr.Cli.Report.Formats;

/// <summary>Which columns a terminal table shows and how wide each is (in terminal cells).</summary>
/// <param name="Shown">The columns shown, in order; the wrapping column, when there is one, last.</param>
/// <param name="Widths">The width of each shown column; every column but the wrapping one as wide as its widest cell.</param>
/// <param name="Dropped">The optional columns left out, in the order they were dropped.</param>
/// <param name="Width">The table's width, gaps included: at most the terminal's unless its names alone are wider.</param>
internal sealed record TerminalFit(IReadOnlyList<int> Shown, IReadOnlyList<int> Widths, IReadOnlyList<int> Dropped, int Width)
{
    /// <summary>Cells apart, as kubectl's two-space-minimum columns; a border would cost names and reasons room.</summary>
    public const int Gap = 2;

    /// <summary>Narrower than this a wrapped reason takes more lines than it would below the row: optional columns go first, then the reason goes below.</summary>
    public const int MinWrapWidth = 40;

    /// <summary>
    /// Fits a table into <paramref name="terminalWidth"/> cells: every column keeps its text on one line
    /// except <paramref name="wrapping"/>, which gets what is left and wraps; while it would get less than
    /// <see cref="MinWrapWidth"/> (or its own full width, if smaller), the <paramref name="optional"/>
    /// columns are left out in their order. Names are never cut: when the columns that stay are wider than
    /// the terminal anyway, the table is wider than the terminal.
    /// </summary>
    public static TerminalFit Of(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int wrapping, IReadOnlyList<int> optional, int terminalWidth)
    {
        var full = new int[headers.Count];
        for (var c = 0; c < headers.Count; c++)
        {
            full[c] = headers[c].GetCellWidth();
            foreach (var row in rows)
            {
                full[c] = Math.Max(full[c], row[c].GetCellWidth());
            }
        }

        var shown = Enumerable.Range(0, headers.Count).ToList();
        var dropped = new List<int>();
        var wanted = Math.Min(MinWrapWidth, full[wrapping]);
        foreach (var column in optional)
        {
            if (Fixed(shown, full, wrapping) + wanted <= terminalWidth)
            {
                break;
            }

            shown.Remove(column);
            dropped.Add(column);
        }

        var room = terminalWidth - Fixed(shown, full, wrapping);
        var widths = shown.Select(c => c == wrapping ? Math.Clamp(room, wanted, full[wrapping]) : full[c]).ToList();
        return new(shown, widths, dropped, widths.Sum() + (Gap * (shown.Count - 1)));
    }

    /// <summary>The width of every shown column but the wrapping one, with the gaps between all of them.</summary>
    private static int Fixed(List<int> shown, int[] full, int wrapping) =>
        shown.Where(c => c != wrapping).Sum(c => full[c]) + (Gap * (shown.Count - 1));

    /// <summary>The fit without its wrapping (last) column, which the caller shows elsewhere.</summary>
    public TerminalFit WithoutWrapping() => new(Shown.Take(Shown.Count - 1).ToList(), Widths.Take(Widths.Count - 1).ToList(), Dropped, Width - Widths[^1] - Gap);
}
