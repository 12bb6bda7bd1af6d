using System.Text;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The redirected table report, written without Spectre, is byte for byte what Spectre writes.</summary>
[TestClass]
public sealed class TableReportTests
{
    private static ReportData Data(HubDump dump)
    {
        var snapshot = HubObjects.From(DumpFiles.Parse("dump.yaml", Encoding.UTF8.GetBytes(dump.Yaml())), "acmdr", "dump.yaml");
        var scope = new ReportScope(DrSettings.Default, "acmdr", null, "DR", null, [], []);
        return ReportData.Assemble(scope, snapshot, [], ["file dump.yaml"], new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
    }

    private static string Plain(ReportData data)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        TableReport.Write(data, writer, colour: false);
        return writer.ToString();
    }

    private static string Spectre(ReportData data) => PlainSpectre.Render(200, console => TableReport.Write(data, console));

    [TestMethod]
    public void Every_scenario_reads_the_same_with_and_without_spectre()
    {
        foreach (var (name, dump) in new[] { ("before", FlipScenarios.Before()), ("during", FlipScenarios.During()), ("after", FlipScenarios.After()), ("cluster missing", FlipScenarios.ClusterMissing()) })
        {
            var data = Data(dump);

            TableReport.PlainFooter(data, 200).Should().NotBeNull($"{name}: the usual report takes the fast path");
            Plain(data).Should().Be(Spectre(data), name);
        }
    }

    [TestMethod]
    public void A_footer_line_spectre_would_wrap_is_left_to_spectre()
    {
        var data = Data(FlipScenarios.After());
        var wrapped = data with { Warnings = [new string('w', 120) + " " + new string('v', 120)] };

        TableReport.PlainFooter(wrapped, 200).Should().BeNull();
        var text = Plain(wrapped);
        text.Should().Be(Spectre(wrapped));
        text.Split('\n').Should().Contain(line => line.Contains(new string('v', 120), StringComparison.Ordinal) && !line.Contains('w', StringComparison.Ordinal), "Spectre wraps it");
    }
}
