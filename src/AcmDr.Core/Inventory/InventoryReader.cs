using System.Globalization;
using AcmDr.Core.Settings;
using CsvHelper;

namespace AcmDr.Core.Inventory;

/// <summary>
/// Reads inventory CSV (UTF-8 with or without BOM, LF or CRLF, '#' comment lines, blank lines, rows
/// of only separators as blank lines; separated by ',', ';', tab or '|' as <see cref="CsvSeparator"/>
/// finds from the header, or as given) into rows, collecting every error it finds rather than stopping at the first.
/// Semantic rules across rows live in <see cref="InventoryRules"/>.
/// </summary>
public static class InventoryReader
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        CommentPrefix = '#',
        SkipEmptyLines = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.Throw,
        DetectSeparatorHint = false,
    };

    /// <summary>Reads and validates an inventory; throws <see cref="InvalidInventoryException"/> naming the first error and how many there are.</summary>
    public static Inventory Read(string source, ReadOnlyMemory<byte> utf8, DrSettings settings, char? separator = null)
    {
        var check = Check(source, utf8, settings, separator: separator);
        return check.Inventory ?? throw new InvalidInventoryException(check.Errors, check.ErrorCount);
    }

    /// <summary>
    /// The inventory when valid, else the first <paramref name="maxErrors"/> errors in file order and
    /// how many there are in all (see <see cref="InventoryErrors"/>). Rules across rows run on the
    /// rows that did parse, so one bad field does not hide every other mistake in the file.
    /// A null <paramref name="separator"/> is found from the header (<see cref="CsvSeparator.Detect"/>).
    /// </summary>
    public static InventoryCheck Check(string source, ReadOnlyMemory<byte> utf8, DrSettings settings, int maxErrors = InventoryErrors.DefaultLimit, char? separator = null)
    {
        var errors = new InventoryErrors(maxErrors);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var rows = ReadRows(source, utf8, errors, separator, rejected, out var records, out var columns);
        InventoryRules.Check(source, rows, settings, errors, rejected, CellColumns.Of(columns));
        return errors.Count == 0
            ? new InventoryCheck(new Inventory(source, rows), [], 0, records)
            : new InventoryCheck(null, errors.InFileOrder(), errors.Count, records);
    }

    /// <summary>Why a row may have too many fields: a list in depends_on written with the file's own separator.</summary>
    private static string ExtraFieldsHint(int found, ColumnMap columns, char separator) =>
        found > columns.Width && columns.IndexOf(InventoryColumns.DependsOn) >= 0
            ? separator == ';'
                ? "; if depends_on lists several apps, quote that field (\"a;b\"), as ';' also separates the columns here"
                : $"; if depends_on lists several apps, separate them with ';', not '{(separator == '\t' ? "tab" : separator.ToString())}'"
            : string.Empty;

    /// <param name="rejected">Gets the app of every row refused for its own fields: a dependency on it is not "unknown".</param>
    private static List<InventoryRow> ReadRows(string source, ReadOnlyMemory<byte> utf8, InventoryErrors errors, char? separator, HashSet<string> rejected, out int records, out ColumnMap? columns)
    {
        var rows = new List<InventoryRow>();
        records = 0;
        columns = null;
        var guess = separator is { } given ? new SeparatorGuess(given, Fits: true, OthersInHeader: false) : CsvSeparator.Detect(utf8.Span);
        try
        {
            using var reader = CsvReader.Create(utf8, guess.Separator == ',' ? Options : Options with { Separator = guess.Separator });
            reader.ReadHeader();
            if (reader.Headers.Count == 0 || (reader.Headers.Count == 1 && reader.Headers[0].Trim().TrimStart('\uFEFF').Length == 0))
            {
                errors.Add(new InventoryError(source, 0, null, "the inventory is empty: it needs a header line and at least one VM"));
                return rows;
            }

            columns = ColumnMap.FromHeader(source, reader.Headers, errors);
            if (columns is null)
            {
                if (SeparatorHint(utf8.Span, separator, guess) is { } hint)
                {
                    errors.Add(new InventoryError(source, 1, null, hint));
                }

                return rows;
            }

            var dependsOnCache = new DependsOnCache();
            while (reader.Read())
            {
                if (IsBlank(reader))
                {
                    continue;
                }

                records++;
                var line = (int)reader.LineNumber;
                if (reader.FieldCount != columns.Width)
                {
                    errors.Add(new InventoryError(source, line, null,
                        $"expected {columns.Width} fields as in the header, found {reader.FieldCount}{ExtraFieldsHint(reader.FieldCount, columns, guess.Separator)}"));
                    continue;
                }

                var row = RowParser.Parse(source, line, columns, reader, errors, dependsOnCache, rejected);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new InventoryError(source, (int)ex.LineNumber, null, $"malformed CSV: {FirstSentence(ex.Message)}"));
        }
        catch (System.Text.DecoderFallbackException)
        {
            errors.Add(new InventoryError(source, 0, null, "the file is not valid UTF-8"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InventoryError(source, 0, null, "the inventory lists no VMs"));
        }

        return rows;
    }

    /// <summary>
    /// Why the header may have failed: the given separator when another one fits, or the likeliest one
    /// when none fits and the header holds more than one candidate (a plain comma header gets no hint).
    /// </summary>
    private static string? SeparatorHint(ReadOnlySpan<byte> utf8, char? given, SeparatorGuess guess)
    {
        if (given is { } separator)
        {
            var found = CsvSeparator.Detect(utf8);
            return found.Fits && found.Separator != separator
                ? $"the header splits into the required columns as {CsvSeparator.Describe(found.Separator)}, not as {CsvSeparator.Describe(separator)} as --separator says"
                : null;
        }

        return !guess.Fits && (guess.Separator != ',' || guess.OthersInHeader)
            ? $"no separator among ',' ';' tab '|' splits the header into the required columns; read as {CsvSeparator.Describe(guess.Separator)}, the likeliest (--separator chooses another)"
            : null;
    }

    /// <summary>A row of only separators and spaces, as spreadsheets leave below the data: a blank line.</summary>
    private static bool IsBlank(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!reader.IsEmpty(i))
            {
                return false;
            }
        }

        return true;
    }

    private static string FirstSentence(string message)
    {
        var flat = message.ReplaceLineEndings(" ");
        return flat.Length > 200 ? flat[..200] : flat;
    }

    internal static int? ParseWhole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
