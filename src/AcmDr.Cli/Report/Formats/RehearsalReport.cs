using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report.Formats;

/// <summary>One leg of a rehearsal: the way out (or back) and the report read at its end.</summary>
internal sealed record ReportLeg(string Title, ReportData Data);

/// <summary>
/// A rehearsal's report: each leg's report, in every format, one after the other in one document. With
/// one leg it is that leg's report as <c>acmdr report</c> writes it.
/// </summary>
internal static class RehearsalReport
{
    public static void Write(string heading, IReadOnlyList<ReportLeg> legs, ReportFormat format, string? outputFile, CliIo io)
    {
        if (outputFile is null && format == ReportFormat.Table)
        {
            foreach (var leg in legs)
            {
                io.Out.WriteLine($"== {StatusText.Clean(leg.Title)} ==");
                TableReport.Write(leg.Data, io.Out, colour: io.IsTerminal);
            }

            return;
        }

        var text = Render(heading, legs, format);
        if (outputFile is null)
        {
            io.Out.Write(text);
            return;
        }

        var path = io.Resolve(outputFile);
        ReportFile.Write(path, io.Show(path), text);
        io.Err.WriteLine($"acmdr: report written to {io.Show(path)}: "
            + string.Join("; ", legs.Select(l => $"{StatusText.Clean(l.Title)}: {l.Data.Summary.Moved}/{l.Data.Summary.Total} moved")));
    }

    public static string Render(string heading, IReadOnlyList<ReportLeg> legs, ReportFormat format)
    {
        if (legs.Count == 1 && format != ReportFormat.Json)
        {
            return ReportWriter.Render(legs[0].Data, format);
        }

        return format switch
        {
            ReportFormat.Json => Json(heading, legs),
            ReportFormat.Html => Html(legs),
            ReportFormat.Junit => JUnit(legs),
            _ => string.Concat(legs.Select(l => Section(l, format))),
        };
    }

    private static string Section(ReportLeg leg, ReportFormat format) =>
        format == ReportFormat.Markdown
            ? $"<!-- {Comment(leg.Title)} -->\n\n{ReportWriter.Render(leg.Data, format)}\n"
            : $"== {StatusText.Clean(leg.Title)} ==\n{ReportWriter.Render(leg.Data, format)}";

    private static string Comment(string text) => StatusText.Clean(text).Replace("--", "- -", StringComparison.Ordinal);

    /// <summary>The rehearsal and its legs; each leg's report is the object <c>acmdr report -o json</c> writes.</summary>
    private static string Json(string heading, IReadOnlyList<ReportLeg> legs)
    {
        var array = new JsonArray();
        foreach (var leg in legs)
        {
            array.Add(new JsonObject { ["title"] = leg.Title, ["report"] = JsonNode.Parse(JsonReport.Render(leg.Data)) });
        }

        var root = new JsonObject { ["rehearsal"] = heading, ["legs"] = array };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The first leg's page, each further leg's body after it under its title: one page, one head.</summary>
    private static string Html(IReadOnlyList<ReportLeg> legs)
    {
        var first = HtmlReport.Render(legs[0].Data);
        var page = new StringBuilder(first[..first.LastIndexOf("</body>", StringComparison.Ordinal)]);
        foreach (var leg in legs.Skip(1))
        {
            var html = HtmlReport.Render(leg.Data);
            var start = html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
            var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
            page.Append("<hr>\n<p class=\"meta\">").Append(System.Net.WebUtility.HtmlEncode(StatusText.Clean(leg.Title))).Append("</p>\n");
            page.Append(html, start, end - start);
        }

        return page.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Every leg's test suites in one document, each suite named after its leg.</summary>
    private static string JUnit(IReadOnlyList<ReportLeg> legs)
    {
        var root = new XElement("testsuites", new XAttribute("name", "acmdr rehearsal"));
        var (tests, failures) = (0, 0);
        foreach (var (leg, index) in legs.Select((l, i) => (l, i + 1)))
        {
            var doc = XDocument.Parse(JUnitReport.Render(leg.Data));
            foreach (var suite in doc.Root!.Elements("testsuite"))
            {
                suite.SetAttributeValue("name", string.Create(CultureInfo.InvariantCulture, $"leg-{index}/{suite.Attribute("name")?.Value}"));
                root.Add(suite);
            }

            tests += int.Parse(doc.Root.Attribute("tests")?.Value ?? "0", CultureInfo.InvariantCulture);
            failures += int.Parse(doc.Root.Attribute("failures")?.Value ?? "0", CultureInfo.InvariantCulture);
        }

        root.SetAttributeValue("tests", tests);
        root.SetAttributeValue("failures", failures);
        return new XDeclaration("1.0", "utf-8", null) + "\n" + root + "\n";
    }
}
