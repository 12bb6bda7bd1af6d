using AcmDr.Cli.Input;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Tests.Report;

/// <summary>Every format of the mixed inventory (stretched db, dual erp moved, dual crm relocating) against its approved file.</summary>
[TestClass]
public sealed class DualApprovedTests
{
    [TestMethod]
    [DataRow("html", "html")]
    [DataRow("markdown", "md")]
    [DataRow("junit", "junit.xml")]
    [DataRow("json", "json")]
    [DataRow("table", "txt")]
    public void Each_format_of_a_mixed_report_with_dual_apps_matches_its_approved_file(string format, string extension)
    {
        using var dir = new TempDir();
        var path = dir.File("hub.yaml", DualFixture.Yaml());
        var snapshot = DumpFiles.Read(path, "hub.yaml", "acmdr", new InputLimit(1L << 20, "dump", null));
        var data = ReportData.Assemble(DualFixture.Scope(), snapshot, [], ["file hub.yaml"], DualFixture.Flip.AddMinutes(30));

        var text = ReportWriter.Render([data], Enum.Parse<ReportFormat>(format, ignoreCase: true));

        Approved.Verify($"dual-mixed.{extension}", text);
    }
}
