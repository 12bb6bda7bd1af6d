using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The width the table report fits on a terminal.</summary>
[TestClass]
public sealed class TerminalWidthTests
{
    [TestMethod]
    public void Columns_in_the_environment_is_the_width_before_the_window()
    {
        TerminalWidth.Read(name => name == "COLUMNS" ? "132" : null, () => 100).Should().Be(132);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("wide")]
    [DataRow("0")]
    [DataRow("-5")]
    public void Without_a_usable_columns_the_window_gives_the_width(string? columns)
    {
        TerminalWidth.Read(_ => columns, () => 100).Should().Be(100);
    }

    [TestMethod]
    public void Without_a_window_to_ask_the_width_is_80()
    {
        TerminalWidth.Read(_ => null, () => throw new IOException("no console")).Should().Be(80);
        TerminalWidth.Read(_ => null, () => 0).Should().Be(80);
    }
}
