using System.Text;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Formats;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The table report: kubectl-style plain tables when redirected, Spectre's boxed tables on a terminal.</summary>
[TestClass]
public sealed class TableReportTests
{
    private static ReportData Data(HubDump dump)
    {
        var snapshot = HubObjects.From(DumpFiles.Parse("dump.yaml", Encoding.UTF8.GetBytes(dump.Yaml())), "acmdr", "dump.yaml");
        IReadOnlyList<Workload> inventory =
        [
            new("db", 1, "finance", "db-0", "stretch-1", 15), new("db", 1, "finance", "db-1", "stretch-1", 15), new("web", 2, "web", "web-0", "stretch-1", 30),
        ];
        var scope = new ReportScope(DrSettings.Default, "acmdr", inventory, "DR", null, [], []);
        return ReportData.Assemble(scope, snapshot, [], ["file dump.yaml"], new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));
    }

    private static string Write(ReportData data, bool colour)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        TableReport.Write(data, writer, colour);
        return writer.ToString();
    }

    [TestMethod]
    public void Redirected_the_report_is_a_tier_table_a_vm_table_and_the_verdict_in_plain_text()
    {
        Write(Data(FlipScenarios.After()), colour: false).Should().Be(
            """
            TIER   MOVED   VERDICT   TOOK     RTO
            1      2/2     moved     8m00s    15m met
            2      1/1     moved     20m00s   30m met

            TIER   APP   VM             CLUSTER     SPEC        RUNNING     VERDICT   SINCE                  REASON
            1      db    finance/db-0   stretch-1   compliant   compliant   moved     2026-11-25T19:05:00Z   virtualmachineinstances [db-0, db-1] found as specified in namespace finance
            1      db    finance/db-1   stretch-1   compliant   compliant   moved     2026-11-25T19:08:00Z   virtualmachineinstances [db-0, db-1] found as specified in namespace finance
            2      web   web/web-0      stretch-1   compliant   compliant   moved     2026-11-25T19:20:00Z   virtualmachineinstances [web-0] found as specified in namespace web

            3/3 VMs at DR, flip at 2026-11-25T19:00:00Z: moved

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Hostile_status_text_is_cleaned_and_each_vm_keeps_one_line()
    {
        var data = Data(FlipScenarios.During());
        var hostile = data with
        {
            Summary = data.Summary with { Vms = [.. data.Summary.Vms.Select(v => v with { Reason = v.Reason + "\n\u001b[2Jinjected\r\tline\u202e" })] },
            Warnings = ["bad\nwarning \u001b[31mred"],
        };

        var lines = Write(hostile, colour: false).Split('\n');

        lines.Should().OnlyContain(line => !line.Any(c => char.IsControl(c) || c == '\u202e'));
        var vmTable = lines.SkipWhile(l => !l.StartsWith("TIER   APP", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        vmTable.Should().HaveCount(3).And.OnlyContain(l => l.EndsWith("injected line", StringComparison.Ordinal));
        lines.Should().Contain("warning: bad warning red");
    }

    [TestMethod]
    public void Long_names_are_not_broken_and_the_columns_after_them_stay_aligned()
    {
        var data = Data(FlipScenarios.After());
        var longApp = "app-" + new string('x', 240);
        var wide = data with { Summary = data.Summary with { Vms = [data.Summary.Vms[0] with { App = longApp }, .. data.Summary.Vms.Skip(1)] } };

        var lines = Write(wide, colour: false).Split('\n');

        var header = lines.Single(l => l.StartsWith("TIER   APP", StringComparison.Ordinal));
        var rows = lines.SkipWhile(l => l != header).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        rows.Should().HaveCount(3);
        rows[0].Should().Contain(longApp);
        rows.Should().OnlyContain(r => r.IndexOf("moved", StringComparison.Ordinal) == header.IndexOf("VERDICT", StringComparison.Ordinal));
    }

    [TestMethod]
    public void On_a_terminal_the_tables_are_drawn_by_spectre_with_titles()
    {
        var text = Write(Data(FlipScenarios.After()), colour: true);

        text.Should().Contain("Tiers").And.Contain("VMs").And.Contain("3/3 VMs at DR");
        text.Should().NotContain("TIER   MOVED", "the plain layout is for redirected output");
    }
}
