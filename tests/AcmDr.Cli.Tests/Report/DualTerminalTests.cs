using System.Text.RegularExpressions;
using AcmDr.Cli.Input;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The dual-cluster apps' section on a terminal: fitted to its width like the other tables.</summary>
[TestClass]
public sealed partial class DualTerminalTests
{
    private static string[] Terminal(int width)
    {
        using var dir = new TempDir();
        var snapshot = DumpFiles.Read(dir.File("hub.yaml", DualFixture.Yaml()), "hub.yaml", "acmdr", new InputLimit(1L << 20, "dump", null));
        var data = ReportData.Assemble(DualFixture.Scope(), snapshot, [], ["file hub.yaml"], DualFixture.Flip.AddMinutes(30));
        using var screen = new StringWriter { NewLine = "\n" };
        TableReport.Write(data, RecordingConsole.Over(screen), width);
        return [.. Ansi().Replace(screen.ToString(), string.Empty).TrimEnd('\n').Split('\n')];
    }

    [TestMethod]
    public void A_wide_terminal_shows_every_dual_column()
    {
        var lines = Terminal(200);

        lines.Should().Contain(l => l.Contains("LAST SYNC", StringComparison.Ordinal) && l.Contains("DATA LOSS", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("Relocating", StringComparison.Ordinal) && l.Contains("WaitForReadiness", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_narrow_terminal_leaves_out_the_times_first_and_says_so()
    {
        var lines = Terminal(80);

        var section = lines.SkipWhile(l => !l.Contains("Dual-cluster apps", StringComparison.Ordinal)).ToList();
        section.Should().NotBeEmpty(string.Join('\n', lines));
        section.TakeWhile(l => !l.StartsWith("not shown", StringComparison.Ordinal)).Should().OnlyContain(l => l.Length <= 80, string.Join('\n', section));
        section.Should().Contain(l => l.StartsWith("not shown: ACTION STARTED, TOOK, LAST SYNC", StringComparison.Ordinal));
        section.Should().Contain(l => l.Contains("erp", StringComparison.Ordinal) && l.Contains("west (DR)", StringComparison.Ordinal) && l.Contains("moved", StringComparison.Ordinal));
    }

    [GeneratedRegex("\u001b\\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();
}
