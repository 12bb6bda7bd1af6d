using System.Globalization;

namespace AcmDr.Core.Isolated;

/// <summary>
/// Kubernetes resource quantities (<c>500m</c>, <c>2</c>, <c>1.5Gi</c>, <c>4G</c>, <c>1e3</c>) read as whole
/// millicores or bytes, rounded up as the API server rounds them, and written back for a quota.
/// </summary>
public static class Quantities
{
    /// <summary>Bytes in a kibibyte, mebibyte and gibibyte.</summary>
    public const long Ki = 1024;

    public const long Mi = Ki * 1024;

    public const long Gi = Mi * 1024;

    /// <summary>The value of a quantity (<c>1.5Gi</c> is 1610612736), or null when it is not one.</summary>
    public static decimal? Value(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var binary = text.Length > 1 && text[^1] == 'i' ? BinaryFactor(text[^2]) : null;
        var (number, factor, styles) = binary is { } b
            ? (text[..^2], b, NumberStyles.AllowDecimalPoint)
            : DecimalFactor(text[^1]) is { } d
                ? (text[..^1], d, NumberStyles.AllowDecimalPoint)
                : (text, 1m, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent);
        if (!decimal.TryParse(number, styles | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return null;
        }

        try
        {
            return parsed * factor;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A CPU quantity in whole millicores, rounded up (<c>1.5</c> is 1500, <c>100m</c> is 100); null when not a non-negative quantity.</summary>
    public static long? MilliCpu(string? text) => Whole(Value(text), 1000m);

    /// <summary>A memory or storage quantity in whole bytes, rounded up; null when not a non-negative quantity.</summary>
    public static long? Bytes(string? text) => Whole(Value(text), 1m);

    /// <summary>Millicores as a quota writes them: <c>2</c> when whole cores, else <c>1500m</c>.</summary>
    public static string FormatMilliCpu(long milliCpu) =>
        milliCpu % 1000 == 0
            ? (milliCpu / 1000).ToString(CultureInfo.InvariantCulture)
            : milliCpu.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>Bytes in the largest binary unit that divides them (<c>2Gi</c>, <c>512Mi</c>), else plain bytes.</summary>
    public static string FormatBytes(long bytes)
    {
        foreach (var (suffix, unit) in new[] { ("Ti", Gi * 1024), ("Gi", Gi), ("Mi", Mi), ("Ki", Ki) })
        {
            if (bytes != 0 && bytes % unit == 0)
            {
                return (bytes / unit).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Millicores for a person: <c>3.5 CPU</c>, <c>0.25 CPU</c>.</summary>
    public static string ShowCpu(long milliCpu) =>
        (milliCpu / 1000m).ToString(CultureInfo.InvariantCulture) + " CPU";

    /// <summary>Bytes for a person, in GiB with up to two decimals (<c>12.5Gi</c>), or MiB below 1Gi.</summary>
    public static string ShowBytes(long bytes) =>
        Math.Abs(bytes) >= Gi
            ? ((decimal)bytes / Gi).ToString("0.##", CultureInfo.InvariantCulture) + "Gi"
            : ((decimal)bytes / Mi).ToString("0.##", CultureInfo.InvariantCulture) + "Mi";

    private static long? Whole(decimal? value, decimal scale)
    {
        if (value is not { } v || v < 0 || v > long.MaxValue / scale)
        {
            return null;
        }

        return (long)decimal.Ceiling(v * scale);
    }

    /// <summary>The factor of a binary suffix's letter (K of Ki ... E of Ei), or null.</summary>
    private static decimal? BinaryFactor(char letter) => letter switch
    {
        'K' => Ki,
        'M' => Mi,
        'G' => Gi,
        'T' => Gi * 1024m,
        'P' => Gi * 1024m * 1024m,
        'E' => Gi * 1024m * 1024m * 1024m,
        _ => null,
    };

    /// <summary>The factor of a decimal SI suffix (n, u, m, k, M, G, T, P, E), or null.</summary>
    private static decimal? DecimalFactor(char suffix) => suffix switch
    {
        'n' => 0.000000001m,
        'u' => 0.000001m,
        'm' => 0.001m,
        'k' => 1e3m,
        'M' => 1e6m,
        'G' => 1e9m,
        'T' => 1e12m,
        'P' => 1e15m,
        'E' => 1e18m,
        _ => null,
    };
}
