namespace AcmDr.Core.Inventory;

/// <summary>
/// The inventory's field separator. Spreadsheets export CSV with the list separator of their locale
/// (';' in much of Europe), as tab-separated "Unicode Text", or with '|'; the header line tells
/// which: the separator that splits it into the required column names.
/// </summary>
public static class CsvSeparator
{
    /// <summary>The separators tried, in order of preference when two fit as well.</summary>
    public static IReadOnlyList<char> Candidates { get; } = [',', ';', '\t', '|'];

    /// <summary>The separator a <c>--separator</c> value names (<c>,</c> <c>;</c> <c>tab</c> <c>|</c>), or null.</summary>
    public static char? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "tab" or "\t" or "\\t" => '\t',
        "|" or "pipe" => '|',
        _ => null,
    };

    /// <summary>How a file with <paramref name="separator"/> is described: "semicolon-separated".</summary>
    public static string Describe(char separator) => separator switch
    {
        ',' => "comma-separated",
        ';' => "semicolon-separated",
        '\t' => "tab-separated",
        '|' => "pipe-separated",
        _ => $"'{separator}'-separated",
    };

    /// <summary>
    /// The separator the header line of <paramref name="utf8"/> is written with: the first candidate that
    /// splits it into every required column (<see cref="SeparatorGuess.Fits"/>); else the one giving
    /// the most known column names, then the most fields; ',' when nothing tells. Quotes are respected,
    /// and '#' comment lines and blank lines before the header are skipped as the reader skips them.
    /// </summary>
    public static SeparatorGuess Detect(ReadOnlySpan<byte> utf8)
    {
        var header = HeaderLine(utf8);
        var best = new SeparatorGuess(',', Fits: false, OthersInHeader: false);
        var bestScore = (Known: -1, Fields: -1);
        foreach (var candidate in Candidates)
        {
            var names = Split(header, candidate);
            var known = names.Count(n => InventoryColumns.All.Contains(n, StringComparer.OrdinalIgnoreCase));
            if (InventoryColumns.Required.All(r => names.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                return new SeparatorGuess(candidate, Fits: true, OthersInHeader(header, candidate));
            }

            if (known > bestScore.Known || (known == bestScore.Known && names.Count > bestScore.Fields))
            {
                bestScore = (known, names.Count);
                best = new SeparatorGuess(candidate, Fits: false, OthersInHeader(header, candidate));
            }
        }

        return best;
    }

    /// <summary>The fields of one line split at <paramref name="separator"/> outside quotes, trimmed, a BOM dropped.</summary>
    internal static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (!quoted && line[i] == separator))
            {
                fields.Add(line[start..i].Trim().Trim('"').Trim().TrimStart('\uFEFF'));
                start = i + 1;
            }
        }

        return fields;
    }

    private static bool OthersInHeader(string header, char separator) =>
        Candidates.Any(c => c != separator && Split(header, c).Count > 1);

    /// <summary>The first line that is not blank or a '#' comment: the header as the reader finds it.</summary>
    private static string HeaderLine(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        while (!utf8.IsEmpty)
        {
            var end = utf8.IndexOf((byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? [] : utf8[(end + 1)..];
            var text = System.Text.Encoding.UTF8.GetString(line.Length > 64 * 1024 ? line[..(64 * 1024)] : line).TrimEnd('\r');
            if (text.Length > 0 && text[0] != '#' && text.Trim().Length > 0)
            {
                return text;
            }
        }

        return string.Empty;
    }
}

/// <summary>
/// A separator found from the header: <see cref="Fits"/> when it splits the header into every required
/// column; <see cref="OthersInHeader"/> when another candidate would split the header too.
/// </summary>
public sealed record SeparatorGuess(char Separator, bool Fits, bool OthersInHeader);
