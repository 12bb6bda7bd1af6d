using System.Text.RegularExpressions;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>The HTML report as Chromium draws it: at a desktop and a phone width, its DOM, and printed.</summary>
[TestClass]
public sealed partial class ManagementPageTests
{
    // Measures every element against the viewport after layout and writes what it found on the framing page's body;
    // only in the test's copy of the page (the report has no scripts).
    private const string Probe = """
        <script>
        (function () {
          var width = window.innerWidth, wide = [];
          var all = document.body.getElementsByTagName('*');
          for (var i = 0; i < all.length; i++) {
            var e = all[i];
            if (document.body.getAttribute('data-scroll-boxes') !== 'none' && e.parentElement && e.parentElement.closest('.scroll')) continue;
            var r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) wide.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right));
          }
          var report = window.parent.document.body;
          report.setAttribute('data-viewport', String(width));
          report.setAttribute('data-page-width', String(document.documentElement.scrollWidth));
          report.setAttribute('data-too-wide', wide.join(' | '));
        })();
        </script>
        """;

    /// <summary>db-1 failed to move; at 19:40 web-0 still waits for tier 1, past its 30-minute RTO.</summary>
    private static RehearsalScenario TwoFailures() => new("two-failures", FlipScenarios.During(), RehearsalScenario.At("19:40:00"));

    private static async Task<string> PageAsync(TempDir dir, RehearsalScenario scenario)
    {
        var result = await scenario.ReportAsync(dir, "html");
        result.Err.Should().BeEmpty(result.ToString());
        return dir.File(scenario.Name + ".html", result.Out);
    }

    [TestMethod]
    [DataRow(1280)]
    [DataRow(390)]
    public async Task The_page_renders_at_a_desktop_and_a_phone_width(int width)
    {
        using var dir = new TempDir();
        var page = await PageAsync(dir, TwoFailures());

        var png = await new HeadlessChromium(dir).ScreenshotAsync(page, width, 2200);

        new FileInfo(png).Length.Should().BeGreaterThan(20_000, "a rendered report is not a blank page");
        File.ReadAllBytes(png)[..4].Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        if (Environment.GetEnvironmentVariable("ACMDR_KEEP_SCREENSHOT") is { } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(png, Path.Combine(keep, Path.GetFileName(png)), overwrite: true);
        }
    }

    [TestMethod]
    public async Task The_summary_and_the_failing_vms_come_before_the_timeline_and_the_tables()
    {
        using var dir = new TempDir();
        var dom = await new HeadlessChromium(dir).DumpDomAsync(await PageAsync(dir, TwoFailures()), 1280);

        var summary = dom.IndexOf("id=\"summary-1\"", StringComparison.Ordinal);
        var failures = dom.IndexOf("id=\"failures-1\"", StringComparison.Ordinal);
        var timeline = dom.IndexOf("id=\"timeline-1\"", StringComparison.Ordinal);
        var vms = dom.IndexOf("id=\"vms-1\"", StringComparison.Ordinal);
        summary.Should().BeGreaterThan(0, dom);
        new[] { summary, failures, timeline, vms }.Should().BeInAscendingOrder();
        dom.IndexOf("<table", StringComparison.Ordinal).Should().BeGreaterThan(failures);
        Between(dom, "id=\"summary-1\"", "</section>").Should().Contain("2 of 3 VMs did not move to DR").And.Contain("alice").And.Contain("rehearsal Q4");
        FailingRows(Between(dom, "id=\"failures-1\"", "</section>")).Should().Equal("finance/db-1", "web/web-0");
        VmRows(Between(dom, "id=\"vms-1\"", "</section>")).Should().Equal("finance/db-1", "web/web-0", "finance/db-0");
    }

    [TestMethod]
    public async Task The_timeline_has_one_bar_per_tier_ticks_with_labels_and_an_rto_mark_per_tier()
    {
        using var dir = new TempDir();
        var dom = await new HeadlessChromium(dir).DumpDomAsync(await PageAsync(dir, RehearsalScenario.Named("rto-missed")), 1280);

        var timeline = Between(dom, "id=\"timeline-1\"", "</section>");
        var rows = Regex.Split(Between(timeline, "<div class=\"tl\">", "<ul class=\"legend\">"), "<div class=\"tl-row\" data-tier=").Skip(1).ToList();
        rows.Should().HaveCount(2);
        rows.Select(r => Regex.Count(r, "class=\"tl-bar ")).Should().Equal(1, 1);
        rows[0].Should().Contain("tl-bar late").And.Contain("tl-rto missed").And.Contain(">RTO 15m<");
        rows[1].Should().Contain("tl-bar done").And.Contain("tl-rto-label beyond").And.Contain("RTO 30m \u2192");
        TickLabels(timeline).Should().Equal("0m", "5m", "10m", "15m", "20m", "25m");
        timeline.Should().Contain("class=\"legend\"");
    }

    [TestMethod]
    [DataRow(390)]
    [DataRow(1280)]
    public async Task No_element_is_wider_than_the_window_outside_a_table_s_own_scroll_box(int width)
    {
        using var dir = new TempDir();
        var page = await PageAsync(dir, TwoFailures());
        var probed = dir.File("probed.html", File.ReadAllText(page).Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

        var chromium = new HeadlessChromium(dir);
        var body = Body(await chromium.DumpDomAsync(chromium.Framed(probed, width, 900), width));

        Attribute(body, "data-viewport").Should().Be(width.ToString(System.Globalization.CultureInfo.InvariantCulture), "the window is as wide as asked");
        Attribute(body, "data-too-wide").Should().BeEmpty();
        Attribute(body, "data-page-width").Should().Be(width.ToString(System.Globalization.CultureInfo.InvariantCulture), "no horizontal page scroll");
    }

    [TestMethod]
    public async Task The_width_probe_sees_an_element_wider_than_a_phone()
    {
        using var dir = new TempDir();
        var page = await PageAsync(dir, TwoFailures());
        var probed = dir.File("wide.html", File.ReadAllText(page)
            .Replace("<header>", "<header><div class=\"too-wide\" style=\"width: 900px\">x</div>", StringComparison.Ordinal)
            .Replace("</body>", Probe + "</body>", StringComparison.Ordinal));

        var chromium = new HeadlessChromium(dir);
        var body = Body(await chromium.DumpDomAsync(chromium.Framed(probed, 390, 900), 390));

        Attribute(body, "data-too-wide").Should().Contain("div.too-wide");
    }

    [TestMethod]
    public async Task Printed_every_table_fits_an_a4_page_without_scrolling()
    {
        using var dir = new TempDir();
        var page = await PageAsync(dir, TwoFailures());
        // The print rules applied on screen, at the width of an A4 page's text (about 700 CSS px): nothing may
        // be wider, not even inside the scroll boxes, which do not scroll on paper.
        var printed = dir.File("printed.html", File.ReadAllText(page)
            .Replace("@media print", "@media all", StringComparison.Ordinal)
            .Replace("<body>", "<body data-scroll-boxes=\"none\">", StringComparison.Ordinal)
            .Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        var chromium = new HeadlessChromium(dir);

        var body = Body(await chromium.DumpDomAsync(chromium.Framed(printed, 700, 900), 700));

        Attribute(body, "data-too-wide").Should().BeEmpty();
        Attribute(body, "data-page-width").Should().Be("700");
    }

    [TestMethod]
    public async Task The_page_prints()
    {
        using var dir = new TempDir();
        var page = await PageAsync(dir, TwoFailures());

        var pdf = await new HeadlessChromium(dir).PrintAsync(page);

        File.ReadAllBytes(pdf)[..5].Should().Equal("%PDF-"u8.ToArray());
        File.ReadAllText(page).Should().Contain("@media print").And.Contain("break-inside: avoid");
    }

    [TestMethod]
    public async Task Html_in_acm_text_and_the_flip_reason_is_shown_as_text()
    {
        using var dir = new TempDir();
        const string Trail = """[{"at":"2026-11-25T19:00:00Z","user":"<b>mallory</b>","from":"Primary","to":"DR","scope":"global","reason":"Q4 <img src=x onerror=alert(1)> & \"more\""}]""";
        var dump = new HubDump()
            .Switch("DR", Trail)
            .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "NonCompliant"))
            .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "NonCompliant"))
            .Replicated("dr-db", "db", 1, "stretch-1", "NonCompliant",
                [HubDump.Entry("2026-11-25T19:01:00Z", "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance")],
                [HubDump.Entry("2026-11-25T19:05:00Z", "NonCompliant; violation - <script>alert(2)</script> in namespace finance")])
            .Replicated("dr-web", "web", 2, "stretch-1", "NonCompliant",
                [HubDump.Entry("2026-11-25T19:06:00Z", "NonCompliant; violation - virtualmachines [web-0] <i>not</i> found in namespace web")],
                [HubDump.Entry("2026-11-25T19:07:00Z", HubDump.NotRunning("web-0", "web"))]);
        var page = await PageAsync(dir, new RehearsalScenario("hostile", dump, RehearsalScenario.At("19:10:00")));

        var html = File.ReadAllText(page);
        var dom = await new HeadlessChromium(dir).DumpDomAsync(page, 1280);

        html.Should().Contain("&lt;img src=x onerror=alert(1)&gt;").And.Contain("&lt;script&gt;alert(2)&lt;/script&gt;").And.Contain("&lt;b&gt;mallory");
        html.Should().NotContain("<script").And.NotContain("<img").And.NotContain("<link").And.NotMatchRegex("(src|href)=\"?https?:");
        dom.Should().NotContain("<img").And.NotContain("<b>mallory").And.NotContain("<script").And.NotContain("<i>not");
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, $"'{start}' is on the page");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }

    private static List<string> FailingRows(string section) =>
        [.. FailureVm().Matches(section).Select(m => m.Groups["vm"].Value)];

    private static List<string> VmRows(string section) =>
        [.. VmCell().Matches(section).Select(m => m.Groups["vm"].Value)];

    private static List<string> TickLabels(string timeline) =>
        [.. TickLabel().Matches(timeline).Select(m => m.Groups["label"].Value)];

    private static string Body(string dom) => BodyTag().Match(dom).Value;

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, name + "=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : throw new InvalidOperationException($"no {name} in {tag}");

    [GeneratedRegex("<tr class=\"failure\"><td class=\"vm\"><strong>(?<vm>[^<]+)</strong>")]
    private static partial Regex FailureVm();

    [GeneratedRegex("<tr><td class=\"num\">\\d+</td><td class=\"nowrap\">[^<]*</td><td class=\"nowrap\">(?<vm>[^<]+)</td>")]
    private static partial Regex VmCell();

    [GeneratedRegex("<span class=\"tl-tick-label [a-z]+\" style=\"[^\"]*\">(?<label>[^<]+)</span>")]
    private static partial Regex TickLabel();

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();
}
