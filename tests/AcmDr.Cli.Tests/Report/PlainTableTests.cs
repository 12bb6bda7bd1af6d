using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Formats;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The plain table's own rules: kubectl's layout, not any library's.</summary>
[TestClass]
public sealed class PlainTableTests
{
    private static string Write(string[] headers, params string[][] rows)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        PlainTable.Write(writer, headers, rows);
        return writer.ToString();
    }

    [TestMethod]
    public void Columns_are_as_wide_as_their_widest_cell_and_three_spaces_apart_under_a_capital_header()
    {
        var text = Write(["Name", "Status", "Age"], ["a", "Running", "3d"], ["longer-name", "x", "12m"]);

        text.Should().Be(
            "NAME          STATUS    AGE\n" +
            "a             Running   3d\n" +
            "longer-name   x         12m\n");
    }

    [TestMethod]
    public void A_long_cell_stays_whole_on_its_row_and_no_line_ends_in_a_blank()
    {
        var reason = string.Join(' ', Enumerable.Repeat("found but not as specified", 20));

        var lines = Write(["VM", "Reason"], ["db-0", reason], ["web-0", "short"]).Split('\n');

        lines.Should().HaveCount(4).And.HaveElementAt(3, string.Empty);
        lines[1].Should().Be("db-0    " + reason);
        lines[2].Should().Be("web-0   short", "the last column is not padded");
    }

    [TestMethod]
    public void An_empty_cell_shows_as_none_so_every_row_has_a_word_per_column()
    {
        var text = Write(["A", "B", "C"], ["", "x", ""]);

        text.Should().Be(
            "A        B   C\n" +
            "<none>   x   <none>\n");
    }

    [TestMethod]
    public void A_table_without_rows_is_its_header()
    {
        Write(["Tier", "Moved"]).Should().Be("TIER   MOVED\n");
    }
}
