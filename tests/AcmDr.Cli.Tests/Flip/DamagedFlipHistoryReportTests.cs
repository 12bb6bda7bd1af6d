using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Report;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>The report reads the same damaged trails: it warns, uses the readable flips, and never fails on them.</summary>
[TestClass]
public sealed class DamagedFlipHistoryReportTests
{
    public static IEnumerable<object[]> Damaged() => DamagedFlipHistoryTests.Damaged();

    [TestMethod]
    [DynamicData(nameof(Damaged))]
    public async Task The_report_warns_about_a_damaged_trail_and_goes_on(string name)
    {
        using var dir = new TempDir();

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, Dump(DamagedFlipHistoryTests.Cases[name]));

        result.ExitCode.Should().BeOneOf([0, 1], $"{name}: {result}");
        result.Err.Should().NotContain("   at ", name);
        report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should()
            .Contain(w => w!.StartsWith("annotation acmdr.io/flip-history", StringComparison.Ordinal), $"{name}: {result}")
            .And.NotContain(w => w!.Contains('\u001b', StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task The_readable_flips_of_a_damaged_trail_start_the_recovery_clock()
    {
        using var dir = new TempDir();

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, Dump($"[null,{{\"at\":5}},{DamagedFlipHistoryTests.Good}]"));

        result.ExitCode.Should().BeOneOf([0, 1], result.ToString());
        report.GetProperty("flipAt").GetString().Should().Be("2026-11-25T19:00:00Z");
        report.GetProperty("flips").GetArrayLength().Should().Be(1);
        report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should()
            .Contain(w => w!.Contains("2 of 3 entries cannot be read", StringComparison.Ordinal));
    }

    private static string Dump(string history) => new HubDump()
        .Switch("DR", history)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Json();
}
