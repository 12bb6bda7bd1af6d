using System.Globalization;

namespace AcmDr.Cli.Isolated;

/// <summary>Kubernetes quantities as capacity reads them: CPU in millicores, memory in bytes (null when unreadable).</summary>
public static class Quantities
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024), ("Pi", 1024m * 1024 * 1024 * 1024 * 1024),
        ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1000m), ("M", 1000_000m), ("G", 1000_000_000m), ("T", 1000_000_000_000m),
        ("P", 1000_000_000_000_000m), ("E", 1000_000_000_000_000_000m),
    ];

    /// <summary>The quantity as a plain number ("100m" is 0.1, "1Gi" is 1073741824), or null.</summary>
    public static decimal? Value(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && Number(text[..^suffix.Length]) is { } scaled)
            {
                return scaled * factor;
            }
        }

        return Number(text);
    }

    /// <summary>CPU in millicores ("2" is 2000, "100m" is 100), rounded up.</summary>
    public static long? MilliCpu(string? text) => Value(text) is { } value && value < Limit / 1000 ? (long)Math.Ceiling(value * 1000) : null;

    /// <summary>Memory or storage in bytes, rounded up.</summary>
    public static long? Bytes(string? text) => Value(text) is { } value && value < Limit ? (long)Math.Ceiling(value) : null;

    private const decimal Limit = long.MaxValue;

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : null;
}
