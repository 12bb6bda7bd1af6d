using System.Globalization;
using AcmDr.Core.Settings;
using CsvHelper;

namespace AcmDr.Core.Inventory;

/// <summary>
/// Reads inventory CSV (UTF-8 with or without BOM, LF or CRLF, '#' comment lines, blank lines)
/// into rows, collecting every error it finds rather than stopping at the first.
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

    /// <summary>Reads and validates an inventory; throws <see cref="InvalidInventoryException"/> listing every error.</summary>
    public static Inventory Read(string source, ReadOnlyMemory<byte> utf8, DrSettings settings)
    {
        var (inventory, errors) = Check(source, utf8, settings);
        return inventory ?? throw new InvalidInventoryException(errors);
    }

    /// <summary>
    /// The inventory when valid, and every error found, in file order. Rules across rows run on the
    /// rows that did parse, so one bad field does not hide every other mistake in the file.
    /// </summary>
    public static (Inventory? Inventory, IReadOnlyList<InventoryError> Errors) Check(string source, ReadOnlyMemory<byte> utf8, DrSettings settings)
    {
        var (rows, errors) = ReadRows(source, utf8);
        errors.AddRange(InventoryRules.Check(source, rows, settings));
        if (errors.Count == 0)
        {
            return (new Inventory(source, rows), errors);
        }

        return (null, errors.OrderBy(e => e.Line).ThenBy(e => e.Column ?? int.MaxValue).ToList());
    }

    private static (List<InventoryRow> Rows, List<InventoryError> Errors) ReadRows(string source, ReadOnlyMemory<byte> utf8)
    {
        var rows = new List<InventoryRow>();
        var errors = new List<InventoryError>();
        try
        {
            using var reader = CsvReader.Create(utf8, Options);
            reader.ReadHeader();
            if (reader.Headers.Count == 0 || (reader.Headers.Count == 1 && reader.Headers[0].Trim().TrimStart('\uFEFF').Length == 0))
            {
                errors.Add(new InventoryError(source, 0, null, "the inventory is empty: it needs a header line and at least one VM"));
                return (rows, errors);
            }

            var columns = ColumnMap.FromHeader(source, reader.Headers, errors);
            if (columns is null)
            {
                return (rows, errors);
            }

            var dependsOnCache = new DependsOnCache();
            while (reader.Read())
            {
                var line = (int)reader.LineNumber;
                if (reader.FieldCount != columns.Width)
                {
                    errors.Add(new InventoryError(source, line, null,
                        $"expected {columns.Width} fields as in the header, found {reader.FieldCount}"));
                    continue;
                }

                var row = RowParser.Parse(source, line, columns, reader, errors, dependsOnCache);
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

        return (rows, errors);
    }

    private static string FirstSentence(string message)
    {
        var flat = message.ReplaceLineEndings(" ");
        return flat.Length > 200 ? flat[..200] : flat;
    }

    internal static int? ParseWhole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
