namespace AcmDr.Cli.Report.Formats;

/// <summary>Renders the report in the chosen format to stdout or, atomically, to a file.</summary>
internal static class ReportWriter
{
    public static void Write(ReportData data, ReportFormat format, string? outputFile, CliIo io)
    {
        if (outputFile is null && format == ReportFormat.Table)
        {
            TableReport.Write(data, io.Out, colour: io.IsTerminal, io.Width);
            return;
        }

        Deliver(Render(data, format), outputFile, io, $"{data.Summary.Moved}/{data.Summary.Total} moved");
    }

    /// <summary>A rendered report to stdout, or atomically to <paramref name="outputFile"/>, then one line saying so and <paramref name="moved"/>.</summary>
    public static void Deliver(string text, string? outputFile, CliIo io, string moved)
    {
        if (outputFile is null)
        {
            io.Out.Write(text);
            return;
        }

        var path = io.Resolve(outputFile);
        ReportFile.Write(path, io.Show(path), text);
        io.Err.WriteLine($"acmdr: report written to {io.Show(path)}: {moved}");
    }

    public static string Render(ReportData data, ReportFormat format)
    {
        switch (format)
        {
            case ReportFormat.Json:
                return JsonReport.Render(data);
            case ReportFormat.Markdown:
                return MarkdownReport.Render(data);
            case ReportFormat.Junit:
                return JUnitReport.Render(data);
            case ReportFormat.Html:
                return HtmlReport.Render(data);
            default:
                using (var writer = new StringWriter { NewLine = "\n" })
                {
                    TableReport.Write(data, writer, colour: false);
                    return writer.ToString();
                }
        }
    }

    /// <summary>One document for a rehearsal's legs (there, and with --back, back): HTML, Markdown and JUnit show every leg; the other formats are per report.</summary>
    public static string Render(IReadOnlyList<ReportData> legs, ReportFormat format) => format switch
    {
        ReportFormat.Html => HtmlReport.Render(legs),
        ReportFormat.Markdown => MarkdownReport.Render(legs),
        ReportFormat.Junit => JUnitReport.Render(legs),
        _ => legs.Count == 1 ? Render(legs[0], format) : throw new ArgumentException($"format {format} shows one report, not {legs.Count} legs", nameof(format)),
    };
}
