namespace AcmDr.Cli.Output;

/// <summary>A small line diff for showing what a generated file would change.</summary>
public static class LineDiff
{
    private const int MaxLinesForFullDiff = 3000;

    public static (int Added, int Removed) Count(string before, string after)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in Lines(before))
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        var added = 0;
        foreach (var line in Lines(after))
        {
            if (counts.TryGetValue(line, out var n) && n > 0)
            {
                counts[line] = n - 1;
            }
            else
            {
                added++;
            }
        }

        return (added, counts.Values.Sum());
    }

    /// <summary>The changed lines as "- old" / "+ new", in order; null when the files are too large to diff here.</summary>
    public static IReadOnlyList<string>? Changes(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        if (a.Length > MaxLinesForFullDiff || b.Length > MaxLinesForFullDiff)
        {
            return null;
        }

        // Classic longest-common-subsequence table, walked forwards.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                result.Add($"+ {b[y++]}");
            }
            else
            {
                result.Add($"- {a[x++]}");
            }
        }

        return result;
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
