using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class MarkdownHeadingTests
{
    [TestMethod]
    public async Task The_markdown_report_is_headed_by_the_move_it_reports_on()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("dump.yaml", "apiVersion: v1\nkind: List\nitems: []\n");

        var result = await CliRunner.RunAsync(dir.Path, "report", "--to", "DR", "-f", "dump.yaml", "-o", "markdown");

        result.Out.Should().StartWith("# DR report: move to DR\n\n", result.ToString());
    }
}
