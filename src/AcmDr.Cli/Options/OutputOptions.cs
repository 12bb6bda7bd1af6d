using System.CommandLine;
using AcmDr.Cli.Report.Formats;

namespace AcmDr.Cli.Options;

/// <summary>The report's format and where it goes (null: stdout).</summary>
public sealed record OutputTarget(ReportFormat Format, string? File);

/// <summary><c>-o/--output</c> (the report format) and <c>--output-file</c>, declared once for the commands that write a report.</summary>
/// <param name="fileDescription">What is written to the file in this command.</param>
public sealed class OutputOptions(string fileDescription)
{
    public Option<string> Format { get; } = FormatOption();

    public Option<string?> File { get; } = new("--output-file") { Description = fileDescription };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Format);
        command.Options.Add(File);
    }

    public OutputTarget Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(Enum.Parse<ReportFormat>(parse.GetValue(Format)!, ignoreCase: true), parse.GetValue(File));
    }

    private static Option<string> FormatOption()
    {
        var option = new Option<string>("--output", "-o") { Description = "Report format (table: fitted to a terminal's width; wide: every column, whole reasons)", DefaultValueFactory = _ => "table" };
        option.AcceptOnlyFromAmong("table", "json", "markdown", "junit", "html", "wide");
        return option;
    }
}
