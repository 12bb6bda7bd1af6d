using System.Globalization;

namespace AcmDr.Core.Text;

/// <summary>What <see cref="DurationGrammar.Read"/> made of a duration's text.</summary>
public enum DurationReading
{
    /// <summary>A duration from one millisecond to <see cref="DurationGrammar.Longest"/>.</summary>
    Valid,

    /// <summary>Not numbers with units: empty, a sign, a fraction, a space, an unknown unit.</summary>
    Malformed,

    /// <summary>Well formed, but adds up to nothing (<c>0s</c>, <c>0h0m</c>).</summary>
    Zero,

    /// <summary>Well formed, but longer than <see cref="DurationGrammar.Longest"/>.</summary>
    TooLong,
}

/// <summary>
/// The one grammar of every duration acmdr reads (<c>--timeout</c>, <c>--poll-interval</c>), as kubectl
/// users write them: one or more whole numbers (ASCII digits) each followed by a unit, <c>h</c>, <c>m</c>,
/// <c>s</c> or <c>ms</c>, added up: <c>30m</c>, <c>90s</c>, <c>1h30m</c>, <c>500ms</c>. No sign, fraction,
/// space or other unit. Zero is refused (nothing waits no time), and so is anything over
/// <see cref="Longest"/> (timers take at most about 49 days).
/// </summary>
public static class DurationGrammar
{
    /// <summary>The longest duration read: 30 days.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(720);

    /// <summary>Examples for messages, in the grammar's words.</summary>
    public const string Examples = "30m, 90s, 1h30m or 500ms";

    public static DurationReading Read(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return DurationReading.Malformed;
        }

        var longest = (long)Longest.TotalMilliseconds;
        var total = 0L;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var digits = text.AsSpan(start, i - start);
            if (digits.IsEmpty || Unit(text.AsSpan(i)) is not { } unit)
            {
                return DurationReading.Malformed;
            }

            i += unit.Length;
            // Past the longest there is no need to count on (and no overflow): the answer is TooLong.
            total = digits.TrimStart('0').Length > 12
                ? longest + 1
                : Math.Min(longest + 1, total + (long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * unit.Milliseconds));
        }

        if (total == 0)
        {
            return DurationReading.Zero;
        }

        if (total > longest)
        {
            return DurationReading.TooLong;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return DurationReading.Valid;
    }

    /// <summary>
    /// A duration as the grammar writes it, largest unit first and zero parts left out: <c>10s</c>,
    /// <c>1m30s</c>, <c>2h</c>, <c>500ms</c> (nothing at all is <c>0s</c>). What it writes reads back the same.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        var text = string.Concat(
            duration.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h") : string.Empty,
            duration.Minutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m") : string.Empty,
            duration.Seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds}s") : string.Empty,
            duration.Milliseconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Milliseconds}ms") : string.Empty);
        return text.Length > 0 ? text : "0s";
    }

    /// <summary>The unit at the start of <paramref name="rest"/>: its length in milliseconds and in characters.</summary>
    private static (long Milliseconds, int Length)? Unit(ReadOnlySpan<char> rest) => rest switch
    {
        ['m', 's', ..] => (1, 2),
        ['h', ..] => (3_600_000, 1),
        ['m', ..] => (60_000, 1),
        ['s', ..] => (1_000, 1),
        _ => null,
    };
}
