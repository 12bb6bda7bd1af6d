using AcmDr.Core.Dual;
using FluentAssertions;

namespace AcmDr.Core.Tests.Dual;

/// <summary>Ramen's status.actionDuration as Go's time.Duration writes it, and what is not one.</summary>
[TestClass]
public sealed class GoDurationTextTests
{
    [TestMethod]
    [DataRow("90s", 90.0)]
    [DataRow("1h2m3.5s", 3723.5)]
    [DataRow("1.5h", 5400.0)]
    [DataRow("2500us", 0.0025)]
    [DataRow("2500µs", 0.0025)]
    [DataRow("2500000ns", 0.0025)]
    [DataRow("0s", 0.0)]
    public void Each_go_unit_is_read_at_its_own_scale(string text, double seconds) =>
        GoDurationText.Parse(text).Should().Be(TimeSpan.FromSeconds(seconds));

    [TestMethod]
    [DataRow(null)]
    [DataRow("5m later")]
    [DataRow("later 5m")]
    [DataRow("1h2x")]
    [DataRow("-5s")]
    [DataRow("5")]
    public void Text_that_is_not_wholly_a_go_duration_reads_as_no_duration(string? text) =>
        GoDurationText.Parse(text).Should().BeNull();

    [TestMethod]
    public void A_duration_of_64_characters_is_read_and_one_of_65_is_not()
    {
        var longest = string.Concat(Enumerable.Repeat("1s", 32));

        GoDurationText.Parse(longest).Should().Be(TimeSpan.FromSeconds(32));
        GoDurationText.Parse("0" + longest).Should().BeNull();
    }

    [TestMethod]
    [DataRow("600000000000s")]
    [DataRow("1000000000000s")]
    [DataRow("999999999999999999h")]
    public void A_duration_beyond_half_the_largest_timespan_reads_as_no_duration(string text) =>
        GoDurationText.Parse(text).Should().BeNull();

    [TestMethod]
    public void A_duration_just_under_half_the_largest_timespan_is_read() =>
        GoDurationText.Parse("400000000000s").Should().Be(TimeSpan.FromSeconds(400_000_000_000));
}
