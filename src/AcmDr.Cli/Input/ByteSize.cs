using System.Globalization;

namespace AcmDr.Cli.Input;

/// <summary>Sizes as users write them on the command line (<c>512M</c>, <c>1G</c>, <c>64MiB</c>, <c>1000000</c>): K, M and G are 1024-based.</summary>
internal static class ByteSize
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var value = (text ?? string.Empty).Trim();
        var unitAt = value.Length;
        while (unitAt > 0 && !char.IsAsciiDigit(value[unitAt - 1]))
        {
            unitAt--;
        }

        var shift = value[unitAt..].ToUpperInvariant() switch
        {
            "" or "B" => 0,
            "K" or "KB" or "KIB" => 10,
            "M" or "MB" or "MIB" => 20,
            "G" or "GB" or "GIB" => 30,
            _ => -1,
        };
        if (shift < 0 || unitAt == 0
            || !long.TryParse(value.AsSpan(0, unitAt), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number > (long.MaxValue >> 30))
        {
            return false;
        }

        bytes = number << shift;
        return true;
    }

    /// <summary>In the largest whole unit that states <paramref name="bytes"/> exactly ("512 MiB").</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
