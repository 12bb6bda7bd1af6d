using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// A report never claims a move it cannot vouch for: the default inventory bounds the scope whenever it exists,
/// and without any inventory "everything moved" is never said.
/// </summary>
[TestClass]
public sealed class HonestReportTests
{
    /// <summary>Tier 1's policies only, all moved: as a dump of a hub missing tier 2's policy reads.</summary>
    private static HubDump TierOneOnly() => new HubDump()
        .Switch("DR", FlipScenarios.History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant",
            [HubDump.Entry("2026-11-25T19:00:20Z", "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance")],
            [HubDump.Entry("2026-11-25T19:08:00Z", HubDump.Running("db-0, db-1", "finance"))]);

    [TestMethod]
    public async Task The_default_inventory_counts_a_VM_whose_policy_is_missing_and_is_named_as_the_source()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, TierOneOnly().Yaml(), "--to", "DR");

        result.ExitCode.Should().Be(1, "web-0's policy is missing: it did not move as far as anyone can tell");
        report.GetProperty("total").GetInt32().Should().Be(3);
        report.GetProperty("moved").GetInt32().Should().Be(2);
        report.GetProperty("verdict").GetString().Should().NotBe("moved");
        report.GetProperty("sources")[0].GetString().Should().Be("inventory inventory/apps.csv");
    }

    [TestMethod]
    public async Task Without_any_inventory_everything_seen_moved_is_not_called_moved_and_exits_1()
    {
        using var dir = new TempDir();

        var (result, report) = await ReportDumpTests.JsonReportAsync(dir, TierOneOnly().Yaml(), "--to", "DR");

        result.ExitCode.Should().Be(1);
        report.GetProperty("moved").GetInt32().Should().Be(2);
        report.GetProperty("total").GetInt32().Should().Be(2);
        report.GetProperty("verdict").GetString().Should().Be("unknown");
        report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should()
            .Contain(w => w!.StartsWith("no inventory: ", StringComparison.Ordinal) && w.Contains("give -i FILE", StringComparison.Ordinal));
    }
}
