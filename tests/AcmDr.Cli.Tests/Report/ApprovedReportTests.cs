using AcmDr.Cli.Input;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>Every format of every rehearsal scenario against its approved file (see <see cref="Approved"/>).</summary>
[TestClass]
public sealed class ApprovedReportTests
{
    public static IEnumerable<object[]> Cases =>
        from scenario in RehearsalScenario.All
        from format in new[] { "html", "markdown", "junit", "json", "table" }
        select new object[] { scenario.Name, format };

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task Each_format_of_each_rehearsal_matches_its_approved_file(string scenario, string format)
    {
        using var dir = new TempDir();

        var result = await RehearsalScenario.Named(scenario).ReportAsync(dir, format);

        result.Err.Should().BeEmpty(result.ToString());
        result.ExitCode.Should().Be(scenario == "all-moved" || scenario == "rto-missed" ? 0 : 1);
        Approved.Verify($"{scenario}.{Extension(format)}", result.Out);
    }

    [TestMethod]
    [DataRow("html")]
    [DataRow("markdown")]
    [DataRow("junit")]
    public void A_rehearsal_there_and_back_shows_both_legs_as_approved(string format)
    {
        using var dir = new TempDir();

        var text = ReportWriter.Render(TwoLegs(dir), Enum.Parse<ReportFormat>(format, ignoreCase: true));

        Approved.Verify($"two-legs.{Extension(format)}", text);
    }

    [TestMethod]
    [DataRow("json", "json")]
    [DataRow("table", "txt")]
    public void A_rehearsal_there_and_back_in_json_and_as_a_table_shows_each_leg_as_approved(string format, string extension)
    {
        using var dir = new TempDir();
        var legs = TwoLegs(dir);

        var text = RehearsalReport.Render("rehearsal ab12cd34: Q4",
            [new ReportLeg("leg 1: site Primary -> DR at 2026-11-25T19:00:00Z", legs[0]), new ReportLeg("leg 2: site DR -> Primary at 2026-11-25T19:45:00Z", legs[1])],
            Enum.Parse<ReportFormat>(format, ignoreCase: true));

        Approved.Verify($"two-legs.{extension}", text);
    }

    [TestMethod]
    public void Json_and_the_table_show_one_report_not_legs()
    {
        using var dir = new TempDir();

        var render = () => ReportWriter.Render(TwoLegs(dir), ReportFormat.Json);

        render.Should().Throw<ArgumentException>();
    }

    /// <summary>The move to DR read at 19:30, then the move back to Primary (bob, 19:45) read at 20:05.</summary>
    internal static IReadOnlyList<ReportData> TwoLegs(TempDir dir)
    {
        const string Back = """[{"at":"2026-11-25T19:45:00Z","user":"bob","from":"DR","to":"Primary","scope":"global","reason":"rehearsal Q4, back"},""" +
            """{"at":"2026-11-25T19:00:00Z","user":"alice","from":"Primary","to":"DR","scope":"global","reason":"rehearsal Q4"}]""";
        var home = new HubDump()
            .Switch("Primary", Back)
            .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
            .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Compliant"))
            .Replicated("dr-db", "db", 1, "stretch-1", "Compliant",
                [HubDump.Entry("2026-11-25T19:45:20Z", "Compliant; notification - virtualmachines [db-0, db-1] was updated successfully in namespace finance")],
                [HubDump.Entry("2026-11-25T19:52:00Z", HubDump.Running("db-0, db-1", "finance"))])
            .Replicated("dr-web", "web", 2, "stretch-1", "Compliant",
                [HubDump.Entry("2026-11-25T19:53:00Z", "Compliant; notification - virtualmachines [web-0] was updated successfully in namespace web")],
                [HubDump.Entry("2026-11-25T20:00:00Z", HubDump.Running("web-0", "web"))]);
        return
        [
            Leg(dir, "there.yaml", RehearsalScenario.Named("all-moved").Dump, RehearsalScenario.At("19:30:00")),
            Leg(dir, "back.yaml", home, RehearsalScenario.At("20:05:00")),
        ];
    }

    private static ReportData Leg(TempDir dir, string name, HubDump dump, DateTimeOffset now)
    {
        var path = dir.File(name, dump.Yaml());
        IReadOnlyList<Workload> inventory =
        [
            new("db", 1, "finance", "db-0", "stretch-1", 15), new("db", 1, "finance", "db-1", "stretch-1", 15), new("web", 2, "web", "web-0", "stretch-1", 30),
        ];
        var scope = new ReportScope(DrSettings.Default, "acmdr", inventory, null, null, [], [], "inventory/apps.csv");
        var snapshot = DumpFiles.Read(path, name, "acmdr", new InputLimit(1L << 20, "dump", null));
        return ReportData.Assemble(scope, snapshot, [], ["file " + name], now);
    }

    private static string Extension(string format) => format switch
    {
        "markdown" => "md",
        "junit" => "junit.xml",
        "table" => "txt",
        _ => format,
    };
}
