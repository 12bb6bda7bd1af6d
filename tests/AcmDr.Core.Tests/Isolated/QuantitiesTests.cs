using AcmDr.Core.Isolated;
using FluentAssertions;

namespace AcmDr.Core.Tests.Isolated;

/// <summary>Kubernetes quantities as CPU millicores and bytes.</summary>
[TestClass]
public sealed class QuantitiesTests
{
    [TestMethod]
    [DataRow("1", 1000L)]
    [DataRow("2", 2000L)]
    [DataRow("100m", 100L)]
    [DataRow("1.5", 1500L)]
    [DataRow("0.1", 100L)]
    [DataRow("1500m", 1500L)]
    [DataRow("250000u", 250L)]
    [DataRow("1n", 1L)]
    [DataRow("0.0001", 1L)]
    [DataRow("0", 0L)]
    [DataRow("+2", 2000L)]
    [DataRow("1e3", 1_000_000L)]
    [DataRow("5E-3", 5L)]
    [DataRow("2k", 2_000_000L)]
    public void Cpu_quantities_read_as_millicores_rounded_up(string text, long milliCpu) =>
        Quantities.MilliCpu(text).Should().Be(milliCpu);

    [TestMethod]
    [DataRow("30Gi", 32_212_254_720L)]
    [DataRow("512Mi", 536_870_912L)]
    [DataRow("1Ki", 1024L)]
    [DataRow("1Ti", 1_099_511_627_776L)]
    [DataRow("1Pi", 1_125_899_906_842_624L)]
    [DataRow("1Ei", 1_152_921_504_606_846_976L)]
    [DataRow("1.5Gi", 1_610_612_736L)]
    [DataRow("4G", 4_000_000_000L)]
    [DataRow("1M", 1_000_000L)]
    [DataRow("1T", 1_000_000_000_000L)]
    [DataRow("1P", 1_000_000_000_000_000L)]
    [DataRow("1E", 1_000_000_000_000_000_000L)]
    [DataRow("1k", 1000L)]
    [DataRow("128974848", 128_974_848L)]
    [DataRow("129e6", 129_000_000L)]
    [DataRow("1500m", 2L)]
    [DataRow("1m", 1L)]
    public void Memory_and_storage_quantities_read_as_bytes_rounded_up(string text, long bytes) =>
        Quantities.Bytes(text).Should().Be(bytes);

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("Gi")]
    [DataRow("abc")]
    [DataRow("1GB")]
    [DataRow("1 Gi")]
    [DataRow("-1")]
    [DataRow("-5Gi")]
    [DataRow("1e")]
    [DataRow("1e99")]
    [DataRow("1e3Gi")]
    [DataRow("i")]
    [DataRow("5xi")]
    [DataRow("e3")]
    [DataRow("1..5")]
    [DataRow("1-2")]
    [DataRow("9999999999Ei")]
    [DataRow("99999999999Ei")]
    public void Text_that_is_not_a_non_negative_quantity_reads_as_null(string? text)
    {
        Quantities.Bytes(text).Should().BeNull();
        Quantities.MilliCpu(text).Should().BeNull();
    }

    [TestMethod]
    public void Exponents_run_from_minus_9_to_18()
    {
        Quantities.Bytes("1e18").Should().Be(1_000_000_000_000_000_000L);
        Quantities.Bytes("1e19").Should().BeNull();
        Quantities.Bytes("1e-9").Should().Be(1);
        Quantities.Bytes("1e-12").Should().Be(1);
        Quantities.MilliCpu("1e-12").Should().Be(1);
        Quantities.Value("1e-9").Should().Be(0.000000001m);
        Quantities.Value("1e+2").Should().Be(100m);
        Quantities.Value("1ex").Should().BeNull();
    }

    [TestMethod]
    public void The_largest_whole_number_of_bytes_or_millicores_is_read_and_one_more_is_not()
    {
        Quantities.Bytes("9223372036854775807").Should().Be(long.MaxValue);
        Quantities.Bytes("9223372036854775808").Should().BeNull();
        Quantities.MilliCpu("9223372036854775").Should().Be(9_223_372_036_854_775_000L);
        Quantities.MilliCpu("9223372036854776").Should().BeNull();
    }

    [TestMethod]
    public void A_quantity_has_its_exact_value_before_rounding()
    {
        Quantities.Value("1.5Gi").Should().Be(1_610_612_736m);
        Quantities.Value("250m").Should().Be(0.25m);
        Quantities.Value("3e2").Should().Be(300m);
        Quantities.Value("-2").Should().Be(-2m);
    }

    [TestMethod]
    [DataRow(2000L, "2")]
    [DataRow(0L, "0")]
    [DataRow(1500L, "1500m")]
    [DataRow(200L, "200m")]
    public void Millicores_are_written_as_whole_cores_when_they_can_be(long milliCpu, string text) =>
        Quantities.FormatMilliCpu(milliCpu).Should().Be(text);

    [TestMethod]
    [DataRow(2L * 1024 * 1024 * 1024 * 1024, "2Ti")]
    [DataRow(60L * 1024 * 1024 * 1024, "60Gi")]
    [DataRow(1536L * 1024 * 1024, "1536Mi")]
    [DataRow(512L * 1024 * 1024, "512Mi")]
    [DataRow(3L * 1024, "3Ki")]
    [DataRow(1000L, "1000")]
    [DataRow(0L, "0")]
    public void Bytes_are_written_in_the_largest_binary_unit_that_divides_them(long bytes, string text) =>
        Quantities.FormatBytes(bytes).Should().Be(text);

    [TestMethod]
    public void Quantities_written_for_a_quota_read_back_the_same()
    {
        foreach (var bytes in new[] { 0L, 1000L, 3 * Quantities.Ki, 1536 * Quantities.Mi, 60 * Quantities.Gi })
        {
            Quantities.Bytes(Quantities.FormatBytes(bytes)).Should().Be(bytes);
        }

        foreach (var milliCpu in new[] { 0L, 200L, 1500L, 4000L })
        {
            Quantities.MilliCpu(Quantities.FormatMilliCpu(milliCpu)).Should().Be(milliCpu);
        }
    }

    [TestMethod]
    public void Cpu_and_memory_are_shown_to_people_in_cores_and_gibibytes_or_mebibytes()
    {
        Quantities.ShowCpu(3500).Should().Be("3.5 CPU");
        Quantities.ShowCpu(250).Should().Be("0.25 CPU");
        Quantities.ShowCpu(16000).Should().Be("16 CPU");
        Quantities.ShowBytes(12 * Quantities.Gi + 512 * Quantities.Mi).Should().Be("12.5Gi");
        Quantities.ShowBytes(Quantities.Gi).Should().Be("1Gi");
        Quantities.ShowBytes(Quantities.Gi - Quantities.Mi).Should().Be("1023Mi");
        Quantities.ShowBytes(-2 * Quantities.Gi).Should().Be("-2Gi");
        Quantities.ShowBytes(0).Should().Be("0Mi");
        Quantities.ShowBytes(Quantities.Gi + 1).Should().Be("1Gi");
        Quantities.ShowBytes(Quantities.Mi + 1).Should().Be("1Mi");
        Quantities.ShowBytes(Quantities.Gi * 3 / 2 + 1).Should().Be("1.5Gi");
    }
}
