using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class LargeReportTests
{
    [TestMethod]
    public async Task Html_report_of_more_than_a_thousand_vms_is_complete()
    {
        using var dir = new TempDir();
        var vms = string.Join(",", Enumerable.Range(0, 1500).Select(i => $"big/vm-{i}"));
        var dump = dir.File("dump.yaml", new HubDump()
            .Switch("DR", FlipScenarios.History)
            .Root("dr-big", "big", 1, vms, 15, ("stretch-1", "Compliant"))
            .Yaml());

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", dump, "-o", "html");

        result.Err.Should().NotContain("Exception");
        result.Out.Should().Contain("big/vm-1499").And.EndWith("</html>\n");
    }
}
