using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AcmDr.Cli.Report.Formats;
using AcmDr.Cli.Report.Isolated;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Isolated;
using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;
using NJsonSchema;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// The isolated rehearsal's report in every format: the marker on top, the rehearsal's facts, each
/// copy's times, consistency, verdict and reason, each tier against RTO, leftovers, kept and
/// interrupted; inventory text escaped for each format.
/// </summary>
[TestClass]
public sealed class IsolatedReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero);

    private const string Leftover = "persistentvolume pvc-7f3a (claim acmdr-test-r1-web/web-1-disk) is Released: delete it";

    private static readonly string[] AllFormats = ["table", "wide", "json", "markdown", "junit", "html"];

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);

    private static ScopedVm Vm(string ns, string name, string app, int tier) => new(new VmRef(ns, name), app, tier);

    /// <summary>Tier 1: one copy recovered, one late; tier 2: one failed at the copy, one not started (interrupted).</summary>
    private static IsolatedReport Mixed(bool kept = false, bool interrupted = true, IReadOnlyList<string>? leftovers = null) => new(
        "r1a2b3",
        "stretch-1",
        "DR",
        Start,
        Start + TimeSpan.FromMinutes(25),
        [
            new(Vm("web", "web-1", "web", 2), CopyVerdict.Failed, "copy: DataVolume web-1-disk failed: snapshot source not found", S(10), null, null, null,
                Consistency.GuestAgentFreeze, 30, null),
            new(Vm("payments", "db-1", "payments", 1), CopyVerdict.Recovered, "running on d-1, guest agent connected, ready", S(12), S(45), S(30), S(87),
                Consistency.GuestAgentFreeze, 15, "d-1"),
            new(Vm("payments", "db-2", "payments", 1), CopyVerdict.Late, "verified after its RTO of 15m", S(20), S(840), S(120), S(980),
                Consistency.CrashConsistent, 15, "d-2"),
            new(Vm("web", "web-2", "web", 2), CopyVerdict.NotStarted, "not started: the run was interrupted", null, null, null, null,
                Consistency.Unknown, 30, null),
        ],
        [new(2, 0, 2, null, 30, null), new(1, 2, 2, S(980), 15, false)],
        leftovers ?? [Leftover],
        kept,
        interrupted);

    private const string Script = "<script>alert(1)</script>";

    /// <summary>Inventory and cluster text an attacker could have chosen.</summary>
    private static IsolatedReport Hostile() => new(
        "r-h0st",
        "c&<b>x</b>",
        "DR|<i>",
        Start,
        Start + TimeSpan.FromMinutes(5),
        [
            new(Vm("a&b", Script, "x|y", 1), CopyVerdict.Failed, "boot: <b>not</b> ready | a & b `rm -rf` *bold* [link](http://evil)", S(5), S(6), S(7), null,
                Consistency.CrashConsistent, null, "<node>"),
        ],
        [new(1, 0, 1, null, null, null)],
        ["namespace <evil>&co carries the rehearsal label but is not a bubble: left alone | --"],
        false,
        false);

    private static ReportFormat Format(string name) => Enum.Parse<ReportFormat>(name, ignoreCase: true);

    private static string Render(IsolatedReport report, string format, int width = 200) => IsolatedReportWriter.Render(report, Format(format), width);

    [TestMethod]
    [DataRow("table")]
    [DataRow("wide")]
    [DataRow("json")]
    [DataRow("markdown")]
    [DataRow("junit")]
    [DataRow("html")]
    public void Each_format_states_the_marker_before_any_VM(string format)
    {
        var text = Render(Mixed(), format);

        text.Should().Contain(IsolatedReport.Marker);
        text.IndexOf(IsolatedReport.Marker, StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("db-1", StringComparison.Ordinal));
        var body = format == "html" ? text[text.IndexOf("<body>", StringComparison.Ordinal)..] : text;
        body.IndexOf(IsolatedReport.Marker, StringComparison.Ordinal).Should().BeLessThan(400, "the marker heads the report");
    }

    [TestMethod]
    [DataRow("table")]
    [DataRow("wide")]
    [DataRow("markdown")]
    [DataRow("junit")]
    [DataRow("html")]
    public void Each_text_format_names_the_rehearsal_and_each_copys_times_consistency_verdict_and_reason(string format)
    {
        var text = Render(Mixed(), format);

        text.Should().Contain("r1a2b3").And.Contain("stretch-1").And.Contain("DR");
        text.Should().Contain("0m12s").And.Contain("0m45s").And.Contain("0m30s").And.Contain("1m27s", "db-1's snapshot, copy, boot and total");
        text.Should().Contain("14m00s").And.Contain("16m20s", "db-2's copy and total");
        text.Should().Contain("guest agent freeze").And.Contain("crash-consistent");
        text.Should().Contain("recovered").And.Contain("late").And.Contain("failed").And.Contain("not started");
        text.Should().Contain("running on d-1, guest agent connected, ready")
            .And.Contain("copy: DataVolume web-1-disk failed: snapshot source not found")
            .And.Contain("not started: the run was interrupted");
        text.Should().Contain(Leftover);
    }

    [TestMethod]
    [DataRow("table")]
    [DataRow("markdown")]
    [DataRow("junit")]
    [DataRow("html")]
    public void Each_text_format_gives_each_tier_against_its_RTO(string format)
    {
        var text = Render(Mixed(), format);

        text.Should().Contain("missed", "tier 1 took 16m20s against 15m").And.Contain("not measured", "tier 2 has copies not verified");
        if (format != "table")
        {
            text.Should().Contain("RTO 15m missed (took 16m20s)").And.Contain("RTO 30m not measured: 2 of 2 copies not verified");
        }
    }

    [TestMethod]
    [DataRow("table")]
    [DataRow("wide")]
    [DataRow("json")]
    [DataRow("markdown")]
    [DataRow("junit")]
    [DataRow("html")]
    public void Kept_copies_and_an_interruption_are_said_only_when_so(string format)
    {
        var kept = Render(Mixed(kept: true, interrupted: false, leftovers: []), format);
        var interrupted = Render(Mixed(kept: false, interrupted: true), format);

        kept.Should().ContainEquivalentOf("copies kept running").And.Contain("acmdr rehearse --cleanup --id r1a2b3")
            .And.NotContain("the run was stopped before it finished");
        interrupted.Should().Contain("the run was stopped before it finished").And.Contain("acmdr rehearse --cleanup --id r1a2b3")
            .And.NotContainEquivalentOf("kept running");
    }

    [TestMethod]
    [DataRow("table", "none: cleanup removed everything")]
    [DataRow("markdown", "None: cleanup removed everything")]
    [DataRow("html", "none: cleanup removed everything")]
    public void No_leftovers_says_so(string format, string words)
    {
        Render(Mixed(leftovers: []), format).Should().Contain(words);
    }

    [TestMethod]
    public void Json_has_the_rehearsal_its_tiers_its_copies_and_leftovers_in_camel_case()
    {
        var json = JsonNode.Parse(Render(Mixed(), "json"))!.AsObject();

        json["kind"]!.GetValue<string>().Should().Be("IsolatedRehearsal");
        json["marker"]!.GetValue<string>().Should().Be(IsolatedReport.Marker);
        json["id"]!.GetValue<string>().Should().Be("r1a2b3");
        json["cluster"]!.GetValue<string>().Should().Be("stretch-1");
        json["drSite"]!.GetValue<string>().Should().Be("DR");
        json["startedAt"]!.GetValue<string>().Should().Be("2026-11-25T19:00:00Z");
        json["endedAt"]!.GetValue<string>().Should().Be("2026-11-25T19:25:00Z");
        json["interrupted"]!.GetValue<bool>().Should().BeTrue();
        json["kept"]!.GetValue<bool>().Should().BeFalse();
        json["allRecovered"]!.GetValue<bool>().Should().BeFalse();
        json["leftovers"]!.AsArray().Select(l => l!.GetValue<string>()).Should().Equal(Leftover);
        json["tiers"]!.AsArray().Select(t => t!.ToJsonString()).Should().Equal(
            """{"tier":1,"recovered":2,"total":2,"seconds":980,"rtoMinutes":15,"rtoMet":false,"rto":"missed"}""",
            """{"tier":2,"recovered":0,"total":2,"seconds":null,"rtoMinutes":30,"rtoMet":null,"rto":"notMeasured"}""");
        var vms = json["vms"]!.AsArray();
        vms.Select(v => $"{v!["namespace"]}/{v["name"]}:{v["verdict"]}").Should().Equal(
            "payments/db-1:recovered", "payments/db-2:late", "web/web-1:failed", "web/web-2:notStarted");
        vms[0]!.ToJsonString().Should().Be(
            """{"namespace":"payments","name":"db-1","app":"payments","tier":1,"verdict":"recovered","reason":"running on d-1, guest agent connected, ready","snapshotSeconds":12,"copySeconds":45,"bootSeconds":30,"seconds":87,"consistency":"guest agent freeze","rtoMinutes":15,"node":"d-1"}""");
        vms[2]!["copySeconds"].Should().BeNull();
        vms[1]!["consistency"]!.GetValue<string>().Should().Be("crash-consistent");
    }

    [TestMethod]
    public async Task Json_matches_the_documented_isolated_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "isolated-report.schema.json"));

        foreach (var report in new[] { Mixed(), Mixed(kept: true, interrupted: false, leftovers: []), Hostile() })
        {
            var json = Render(report, "json");
            schema.Validate(json).Should().BeEmpty(json);
        }
    }

    [TestMethod]
    public void Junit_has_one_case_per_copy_and_fails_the_late_the_failed_and_the_not_started()
    {
        var doc = XDocument.Parse(Render(Mixed(), "junit"));

        doc.Root!.Name.LocalName.Should().Be("testsuites");
        doc.Root.Attribute("name")!.Value.Should().Contain(IsolatedReport.Marker);
        doc.Root.Attribute("tests")!.Value.Should().Be("4");
        doc.Root.Attribute("failures")!.Value.Should().Be("3");
        doc.Descendants("testsuite").Select(s => s.Attribute("name")!.Value).Should().Equal("tier-1", "tier-2");
        var cases = doc.Descendants("testcase").ToList();
        cases.Select(c => $"{c.Attribute("classname")!.Value} {c.Attribute("name")!.Value} {c.Element("failure")?.Attribute("type")!.Value ?? "passed"}").Should().Equal(
            "tier-1/payments payments/db-1 passed",
            "tier-1/payments payments/db-2 late",
            "tier-2/web web/web-1 failed",
            "tier-2/web web/web-2 notStarted");
        cases[0].Attribute("time")!.Value.Should().Be("87");
        cases[0].Element("system-out")!.Value.Should().Contain("snapshot 0m12s (guest agent freeze), copy 0m45s, boot 0m30s");
        cases[2].Element("failure")!.Attribute("message")!.Value.Should().Be("failed: copy: DataVolume web-1-disk failed: snapshot source not found");
        cases[1].Element("failure")!.Value.Should().Contain("crash-consistent").And.Contain("against RTO 15m");
        var properties = doc.Descendants("testsuite").First().Descendants("property").ToDictionary(p => p.Attribute("name")!.Value + ":" + p.Attribute("value")!.Value, _ => true);
        properties.Keys.Should().Contain([
            $"marker:{IsolatedReport.Marker}", "rehearsal:r1a2b3", "cluster:stretch-1", "drSite:DR", "rto:RTO 15m missed (took 16m20s)", $"leftover:{Leftover}"]);
        doc.Descendants("property").Should().Contain(p => p.Attribute("name")!.Value == "interrupted");
    }

    [TestMethod]
    public void Markdown_has_the_summary_the_tier_and_copy_tables_and_the_leftovers()
    {
        var md = Render(Mixed(), "markdown");

        md.Should().StartWith("# Isolated test recovery: rehearsal r1a2b3\n\n> **isolated test, production not moved**");
        md.Should().Contain("- Cluster: stretch-1\n").And.Contain("- DR site: DR\n").And.Contain("- Result: **1/4 copies recovered within RTO at DR**\n");
        md.Should().Contain("| 1 | 2/2 | 16m20s | 15m | missed |\n");
        md.Should().Contain("| 1 | payments | payments/db-1 | recovered | 0m12s | 0m45s | 0m30s | 1m27s | 15m | guest agent freeze | d-1 | running on d-1, guest agent connected, ready |\n");
        md.Should().Contain("| 2 | web | web/web-2 | not started | - | - | - | - | 30m | unknown | - | not started: the run was interrupted |\n");
        md.Should().Contain("## Leftovers\n\n- " + Leftover + "\n");
    }

    [TestMethod]
    public void Html_is_one_self_contained_page()
    {
        var html = Render(Mixed(), "html");

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<style>").And.EndWith("</html>\n");
        html.Should().NotContain("<script").And.NotContain("<link").And.NotContain("src=").And.NotContain("http://").And.NotContain("https://");
        html.Should().Contain("<p class=\"marker\">isolated test, production not moved</p>");
        html.Should().Contain("<td class=\"nowrap text-late\">late</td>").And.Contain("<td class=\"nowrap text-notStarted\">not started</td>");
    }

    [TestMethod]
    public void Html_encodes_every_inventory_and_cluster_text()
    {
        var html = Render(Hostile(), "html");

        html.Should().NotContain("<script>").And.NotContain("<b>").And.NotContain("<i>").And.NotContain("<node>").And.NotContain("<evil>");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("c&amp;&lt;b&gt;x&lt;/b&gt;").And.Contain("DR|&lt;i&gt;")
            .And.Contain("a&amp;b/").And.Contain("&lt;evil&gt;&amp;co");
    }

    [TestMethod]
    public void Markdown_escapes_bars_markup_and_html_in_every_inventory_and_cluster_text()
    {
        var md = Render(Hostile(), "markdown");

        md.Should().NotContain("<script>").And.NotContain("<b>").And.NotContain("x|y").And.NotContain("[link]");
        md.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("x\\|y").And.Contain("a &amp; b \\`rm -rf\\` \\*bold\\* \\[link\\](http://evil)");
        md.Split('\n').Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal) && l.Contains("crash-consistent", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|').Should().Be(13, "12 cells, no bar of the text splits one");
    }

    [TestMethod]
    public void Junit_escapes_hostile_text_and_keeps_it_whole()
    {
        var xml = Render(Hostile(), "junit");

        xml.Should().NotContain("<script>");
        var doc = XDocument.Parse(xml);
        var testcase = doc.Descendants("testcase").Single();
        testcase.Attribute("name")!.Value.Should().Be("a&b/" + Script);
        testcase.Attribute("classname")!.Value.Should().Be("tier-1/x|y");
        testcase.Element("failure")!.Attribute("message")!.Value.Should().Be("failed: boot: <b>not</b> ready | a & b `rm -rf` *bold* [link](http://evil)");
        doc.Descendants("property").Single(p => p.Attribute("name")!.Value == "cluster").Attribute("value")!.Value.Should().Be("c&<b>x</b>");
    }

    [TestMethod]
    public void Json_escapes_hostile_text_and_keeps_it_whole()
    {
        var text = Render(Hostile(), "json");

        text.Should().NotContain("<script>");
        using var doc = JsonDocument.Parse(text);
        var vm = doc.RootElement.GetProperty("vms")[0];
        vm.GetProperty("name").GetString().Should().Be(Script);
        vm.GetProperty("namespace").GetString().Should().Be("a&b");
        vm.GetProperty("node").GetString().Should().Be("<node>");
        doc.RootElement.GetProperty("cluster").GetString().Should().Be("c&<b>x</b>");
    }

    private static List<string> VmTable(string text) =>
        [.. text.Split('\n').SkipWhile(l => !(l.StartsWith("TIER", StringComparison.Ordinal) && l.Contains("VERDICT", StringComparison.Ordinal))).TakeWhile(l => l.Length > 0)];

    [TestMethod]
    public void A_table_fitted_to_its_width_leaves_out_node_app_and_rto_first_and_wraps_the_reason()
    {
        var text = Render(Mixed(), "table", width: 120);

        var vmTable = VmTable(text);
        vmTable.Should().OnlyContain(l => l.Length <= 120, string.Join("\n", vmTable));
        vmTable[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("TIER", "VM", "VERDICT", "SNAPSHOT", "COPY", "BOOT", "TOOK", "CONSISTENCY", "REASON");
        text.Should().Contain("not shown: NODE, APP, RTO (-o wide shows every column)\n");
        vmTable.Should().Contain(l => l.EndsWith("copy: DataVolume web-1-disk", StringComparison.Ordinal))
            .And.Contain(l => l.Trim() == "failed: snapshot source not found", "the reason wraps under itself, its words whole");
    }

    [TestMethod]
    public void A_table_too_narrow_for_the_reason_keeps_the_step_times_and_lists_the_reasons_below()
    {
        var text = Render(Mixed(), "table", width: 100);

        var vmTable = VmTable(text);
        vmTable.Should().OnlyContain(l => l.Length <= 100, string.Join("\n", vmTable));
        vmTable[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("TIER", "VM", "VERDICT", "SNAPSHOT", "COPY", "BOOT", "TOOK", "CONSISTENCY");
        text.Should().Contain("not shown: NODE, APP, RTO; REASON below (-o wide shows every column)\n")
            .And.Contain("payments/db-1: running on d-1, guest agent connected, ready\n");
    }

    [TestMethod]
    public void A_table_fitted_to_a_terminal_too_narrow_for_the_reason_lists_the_reasons_below()
    {
        var text = Render(Mixed(), "table", width: 40);

        text.Should().Contain("REASON below");
        text.Should().Contain("web/web-1: copy: DataVolume web-1-disk failed: snapshot source not found\n");
    }

    [TestMethod]
    public void Wide_shows_every_column_and_each_copy_on_one_line()
    {
        var text = Render(Mixed(), "wide", width: 40);

        var header = text.Split('\n').Single(l => l.StartsWith("TIER", StringComparison.Ordinal) && l.Contains("APP", StringComparison.Ordinal));
        header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal("TIER", "APP", "VM", "VERDICT", "SNAPSHOT", "COPY", "BOOT", "TOOK", "RTO", "CONSISTENCY", "NODE", "REASON");
        text.Split('\n').Should().ContainSingle(l => l.Contains("web/web-1", StringComparison.Ordinal) && l.EndsWith("snapshot source not found", StringComparison.Ordinal));
        text.Should().NotContain("not shown");
    }

    [TestMethod]
    public void The_table_ends_with_the_outcome_and_the_leftovers()
    {
        var text = Render(Mixed(), "table");

        text.Should().StartWith(IsolatedReport.Marker + "\nrehearsal r1a2b3 on cluster stretch-1, DR site DR: ");
        text.Should().EndWith($"leftovers:\n  {Leftover}\n1/4 copies recovered within RTO at DR\n");
    }

    [TestMethod]
    [DataRow("table", "txt")]
    [DataRow("wide", "wide.txt")]
    [DataRow("json", "json")]
    [DataRow("markdown", "md")]
    [DataRow("junit", "junit.xml")]
    [DataRow("html", "html")]
    public void Each_format_of_the_isolated_rehearsal_matches_its_approved_file(string format, string extension)
    {
        Approved.Verify($"isolated-mixed.{extension}", Render(Mixed(), format, width: 120));
    }

    [TestMethod]
    public void Written_to_a_file_the_report_is_whole_and_stderr_says_where_and_how_many_recovered()
    {
        using var dir = new TempDir();
        using var output = new StringWriter();
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, dir.Path, TimeProvider.System);

        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        IsolatedReportWriter.Write(Mixed(), ReportFormat.Json, "out/isolated.json", io);

        output.ToString().Should().BeEmpty();
        File.ReadAllText(Path.Combine(dir.Path, "out", "isolated.json")).Should().Be(Render(Mixed(), "json"));
        error.ToString().Should().Be($"acmdr: report written to {Path.Combine("out", "isolated.json")}: 1/4 copies recovered ({IsolatedReport.Marker})\n");
    }

    [TestMethod]
    public void To_stdout_off_a_terminal_the_table_shows_every_column()
    {
        using var output = new StringWriter();
        var io = new CliIo(output, TextWriter.Null, Path.GetTempPath(), TimeProvider.System) { Width = 40 };

        IsolatedReportWriter.Write(Mixed(), ReportFormat.Table, null, io);

        output.ToString().Should().Be(Render(Mixed(), "wide"));
    }

    [TestMethod]
    public void Every_format_renders_a_rehearsal_without_copies()
    {
        var empty = new IsolatedReport("r0", "stretch-1", "DR", Start, Start, [], [], [], false, false);

        foreach (var format in AllFormats)
        {
            Render(empty, format).Should().Contain(IsolatedReport.Marker, format).And.Contain("r0", format);
        }

        Render(empty, "markdown").Should().Contain("0/0 copies recovered");

        XDocument.Parse(Render(empty, "junit")).Descendants("testsuite").Should().ContainSingle();
    }

    [TestMethod]
    [DataRow(1280)]
    [DataRow(390)]
    public async Task The_page_renders_in_Chromium_at_a_desktop_and_a_phone_width(int width)
    {
        using var dir = new TempDir();
        var page = dir.File("isolated.html", Render(Mixed(), "html"));

        var png = await new HeadlessChromium(dir).ScreenshotAsync(page, width, 1800);

        new FileInfo(png).Length.Should().BeGreaterThan(20_000, "a rendered report is not a blank page");
        File.ReadAllBytes(png)[..4].Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
    }

    [TestMethod]
    public async Task Chromium_shows_the_marker_and_the_interruption_before_any_table_and_every_copy_in_the_table()
    {
        using var dir = new TempDir();
        var page = dir.File("isolated.html", Render(Mixed(), "html"));

        var dom = await new HeadlessChromium(dir).DumpDomAsync(page, 1280);

        var marker = dom.IndexOf(IsolatedReport.Marker, StringComparison.Ordinal);
        var interrupted = dom.IndexOf("Interrupted", StringComparison.Ordinal);
        var table = dom.IndexOf("<table", StringComparison.Ordinal);
        marker.Should().BeGreaterThan(0, dom);
        new[] { marker, interrupted, table }.Should().BeInAscendingOrder();
        foreach (var vm in new[] { "payments/db-1", "payments/db-2", "web/web-1", "web/web-2" })
        {
            dom.IndexOf(vm, table, StringComparison.Ordinal).Should().BeGreaterThan(table, $"{vm} has a row");
        }

        dom.Should().NotContain("<script", "the page has no scripts");
    }
}
