using System.Text.Json;
using System.Text.Json.Nodes;
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
                TableReport.Write(leg.Data, io.Out, colour: io.IsTerminal, io.Width);
            }

            return;
        }

        ReportWriter.Deliver(Render(heading, legs, format), outputFile, io,
            string.Join("; ", legs.Select(l => $"{StatusText.Clean(l.Title)}: {l.Data.Summary.Moved}/{l.Data.Summary.Total} moved")));
    }

    public static string Render(string heading, IReadOnlyList<ReportLeg> legs, ReportFormat format) => format switch
    {
        ReportFormat.Json => Json(heading, legs),
        // HTML, Markdown and JUnit show every leg in one summary (ReportWriter's legs).
        ReportFormat.Html or ReportFormat.Markdown or ReportFormat.Junit => ReportWriter.Render([.. legs.Select(l => l.Data)], format),
        _ => string.Concat(legs.Select(l => $"== {StatusText.Clean(l.Title)} ==\n{ReportWriter.Render(l.Data, format)}")),
    };

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
}
