using System.Diagnostics;
using System.Xml.Linq;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;
using NJsonSchema;

namespace AcmDr.Cli.Tests.Report;

[TestClass]
public sealed class ReportFormatTests
{
    private static async Task<(CliResult Result, string Text)> RenderAsync(TempDir dir, HubDump dump, string format)
    {
        var file = dir.File("dump.yaml", dump.Yaml());
        var output = dir.File("report." + format);
        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", file, "-o", format, "--output-file", output);
        File.Exists(output).Should().BeTrue(result.ToString());
        return (result, await File.ReadAllTextAsync(output));
    }

    [TestMethod]
    [DataRow("before")]
    [DataRow("during")]
    [DataRow("after")]
    [DataRow("missing")]
    public async Task Json_matches_the_documented_schema(string scenario)
    {
        using var dir = new TempDir();
        var dump = scenario switch
        {
            "before" => FlipScenarios.Before(),
            "during" => FlipScenarios.During(),
            "after" => FlipScenarios.After(),
            _ => FlipScenarios.ClusterMissing(),
        };
        var (_, json) = await RenderAsync(dir, dump, "json");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "report.schema.json"));

        schema.Validate(json).Should().BeEmpty(json);
    }

    [TestMethod]
    public async Task Junit_has_one_case_per_vm_and_fails_those_not_moved()
    {
        using var dir = new TempDir();
        var (result, xml) = await RenderAsync(dir, FlipScenarios.During(), "junit");

        result.ExitCode.Should().Be(1);
        var doc = XDocument.Parse(xml);
        doc.Root!.Name.LocalName.Should().Be("testsuites");
        doc.Root.Attribute("tests")!.Value.Should().Be("3");
        doc.Root.Attribute("failures")!.Value.Should().Be("2");
        var cases = doc.Descendants("testcase").ToList();
        cases.Should().HaveCount(3);
        cases.Select(c => c.Attribute("classname")!.Value).Should().Equal("tier-1/db", "tier-1/db", "tier-2/web");
        var db1 = cases.Single(c => c.Attribute("name")!.Value.StartsWith("finance/db-1", StringComparison.Ordinal));
        db1.Element("failure")!.Attribute("message")!.Value.Should().StartWith("not moved: It is not running at DR").And.Contain("Next: ").And.Contain("acmdr relocate --to DR");
        db1.Element("failure")!.Value.Should().Contain("db-1", "the body keeps the status");
        cases.Single(c => c.Attribute("name")!.Value.StartsWith("finance/db-0", StringComparison.Ordinal)).Element("failure").Should().BeNull();
    }

    [TestMethod]
    public async Task Markdown_has_the_tier_and_vm_tables()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var (result, md) = await RenderAsync(dir, FlipScenarios.After(), "markdown");

        result.ExitCode.Should().Be(0);
        md.Should().Contain("| Tier | Moved | Verdict | Took | RTO |");
        md.Should().Contain("| 1 | 2/2 | moved | 8m00s | 15m met |");
        md.Should().Contain("| 2 | web | web/web-0 | stretch-1 | moved | 2026-11-25T19:20:00Z |");
    }

    [TestMethod]
    public async Task Table_is_plain_when_redirected()
    {
        using var dir = new TempDir();
        var file = dir.File("dump.yaml", FlipScenarios.During().Yaml());

        var result = await CliRunner.RunAsync(dir.Path, "report", "-f", file);

        result.ExitCode.Should().Be(1);
        result.Out.Should().NotContain("\u001b");
        result.Out.Should().Contain("finance/db-1").And.Contain("not moved").And.Contain("waiting for tier 1");
        result.Out.Should().Contain("1/3 VMs at DR");
    }

    [TestMethod]
    public async Task Html_is_self_contained_escaped_and_renders_in_chromium()
    {
        using var dir = new TempDir();
        var (_, html) = await RenderAsync(dir, FlipScenarios.During().Foreign("x"), "html");

        html.Should().Contain("class=\"tl-bar ").And.Contain("Tier 1").And.Contain("finance/db-1");
        html.Should().NotMatchRegex("(src|href)=\"https?:", "no external assets");
        html.Should().NotContain("<script").And.NotContain("<link");
        html.Should().NotContain("\u001b");

        var chromium = RequiredTool.FileAt("/usr/bin/chromium");

        var png = Path.Combine(dir.Path, "report.png");
        var profile = Directory.CreateDirectory(Path.Combine(dir.Path, "profile")).FullName;
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,900",
            new Uri(Path.Combine(dir.Path, "report.html")).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        File.Exists(png).Should().BeTrue(await stderr);
        new FileInfo(png).Length.Should().BeGreaterThan(10_000, "a rendered report is not a blank page");
        var keep = Environment.GetEnvironmentVariable("ACMDR_KEEP_SCREENSHOT");
        if (keep is not null)
        {
            File.Copy(png, keep, overwrite: true);
        }
    }
}
