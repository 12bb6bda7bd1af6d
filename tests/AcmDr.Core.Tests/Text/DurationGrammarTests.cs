using AcmDr.Core.Text;
using FluentAssertions;

namespace AcmDr.Core.Tests.Text;

[TestClass]
public sealed class DurationGrammarTests
{
    private static (DurationReading Reading, TimeSpan Duration) Read(string? text) =>
        (DurationGrammar.Read(text, out var duration), duration);

    [TestMethod]
    [DataRow("30m", 30 * 60_000L)]
    [DataRow("90s", 90_000L)]
    [DataRow("2h", 2 * 3_600_000L)]
    [DataRow("500ms", 500L)]
    [DataRow("1h30m", 90 * 60_000L)]
    [DataRow("1m30s250ms", 90_250L)]
    [DataRow("0h5m", 5 * 60_000L)]
    [DataRow("007s", 7_000L)]
    public void Numbers_with_hours_minutes_seconds_or_milliseconds_add_up(string text, long milliseconds)
    {
        Read(text).Should().Be((DurationReading.Valid, TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestMethod]
    public void Units_may_come_in_any_order_and_repeat_as_they_add_up()
    {
        Read("30s1h").Should().Be((DurationReading.Valid, new TimeSpan(1, 0, 30)));
        Read("1m1m").Should().Be((DurationReading.Valid, TimeSpan.FromMinutes(2)));
    }

    [TestMethod]
    public void Ms_is_milliseconds_not_minutes_then_seconds()
    {
        Read("5ms").Should().Be((DurationReading.Valid, TimeSpan.FromMilliseconds(5)));
        Read("5m5s").Should().Be((DurationReading.Valid, new TimeSpan(0, 5, 5)));
    }

    [TestMethod]
    public void Long_numbers_of_small_units_are_read_whole()
    {
        Read("1000000ms").Should().Be((DurationReading.Valid, TimeSpan.FromSeconds(1000)));
        Read("5400s").Should().Be((DurationReading.Valid, TimeSpan.FromMinutes(90)));
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("soon")]
    [DataRow("30")]
    [DataRow("m")]
    [DataRow("1.5h")]
    [DataRow("-5m")]
    [DataRow("+5m")]
    [DataRow(" 5m")]
    [DataRow("5m ")]
    [DataRow("1h 30m")]
    [DataRow("5d")]
    [DataRow("5us")]
    [DataRow("5M")]
    [DataRow("5H")]
    [DataRow("5mss")]
    [DataRow("٣s")]
    public void Anything_but_whole_numbers_with_known_units_is_malformed(string? text)
    {
        Read(text).Should().Be((DurationReading.Malformed, TimeSpan.Zero));
    }

    [TestMethod]
    [DataRow("0s")]
    [DataRow("0ms")]
    [DataRow("0h0m0s")]
    [DataRow("000m")]
    public void Nothing_at_all_is_refused_as_zero(string text)
    {
        Read(text).Should().Be((DurationReading.Zero, TimeSpan.Zero));
    }

    [TestMethod]
    public void Thirty_days_is_the_longest_and_anything_longer_is_refused()
    {
        Read("720h").Should().Be((DurationReading.Valid, TimeSpan.FromDays(30)));
        Read("719h60m").Should().Be((DurationReading.Valid, TimeSpan.FromDays(30)));
        Read("720h1ms").Should().Be((DurationReading.TooLong, TimeSpan.Zero));
        Read("2000h").Should().Be((DurationReading.TooLong, TimeSpan.Zero));
        DurationGrammar.Longest.Should().Be(TimeSpan.FromDays(30));
    }

    [TestMethod]
    public void Numbers_too_large_for_any_clock_are_too_long_not_a_crash()
    {
        Read("99999999999999999999999999h").Should().Be((DurationReading.TooLong, TimeSpan.Zero));
        Read(string.Concat(Enumerable.Repeat("999999999999h", 1000))).Should().Be((DurationReading.TooLong, TimeSpan.Zero));
        Read("0000000000000000000000001s").Should().Be((DurationReading.Valid, TimeSpan.FromSeconds(1)));
    }

    [TestMethod]
    public void A_malformed_tail_is_malformed_even_after_too_much()
    {
        Read("2000hx").Should().Be((DurationReading.Malformed, TimeSpan.Zero));
    }

    [TestMethod]
    [DataRow(10_000L, "10s")]
    [DataRow(90_000L, "1m30s")]
    [DataRow(60_000L, "1m")]
    [DataRow(2 * 3_600_000L, "2h")]
    [DataRow(3_600_000L + 1_000L, "1h1s")]
    [DataRow(500L, "500ms")]
    [DataRow(1_500L, "1s500ms")]
    [DataRow(30L * 24 * 3_600_000L, "720h")]
    [DataRow(0L, "0s")]
    public void A_duration_is_written_largest_unit_first_without_zero_parts(long milliseconds, string text)
    {
        DurationGrammar.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(text);
    }

    [TestMethod]
    [DataRow("1h30m")]
    [DataRow("90s")]
    [DataRow("1m1m")]
    [DataRow("30s1h")]
    [DataRow("1000000ms")]
    [DataRow("719h59m59s999ms")]
    public void What_is_written_reads_back_as_the_same_duration(string text)
    {
        DurationGrammar.Read(text, out var duration).Should().Be(DurationReading.Valid);

        DurationGrammar.Read(DurationGrammar.Format(duration), out var again).Should().Be(DurationReading.Valid);
        again.Should().Be(duration);
    }
}
