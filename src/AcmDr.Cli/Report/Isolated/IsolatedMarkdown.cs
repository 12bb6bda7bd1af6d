using System.Text;
using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>The isolated report as Markdown, to paste into a change record: the marker and summary first, then the tables and leftovers.</summary>
internal static class IsolatedMarkdown
{
    public static string Render(IsolatedReport report)
    {
        var md = new StringBuilder();
        md.Append($"# Isolated test recovery: rehearsal {Escape(report.Id)}\n\n");
        md.Append($"> **{IsolatedReport.Marker}**: {Escape(IsolatedWords.Meaning(report))}.\n\n");
        if (report.Interrupted)
        {
            md.Append($"**Interrupted**: the run was stopped before it finished; {Code(IsolatedWords.Cleanup(report))} removes what was created.\n\n");
        }

        if (report.Kept)
        {
            md.Append($"**Copies kept running**: {Code(IsolatedWords.Cleanup(report))} removes them.\n\n");
        }

        md.Append("## Summary\n\n");
        md.Append($"- Result: **{Escape(IsolatedWords.Outcome(report))}**\n");
        md.Append($"- Rehearsal: {Escape(report.Id)}\n");
        md.Append($"- Cluster: {Escape(report.Cluster)}\n");
        md.Append($"- DR site: {Escape(report.DrSite)}\n");
        md.Append($"- Started: {IsolatedWords.Time(report.StartedAt)}, ended: {IsolatedWords.Time(report.EndedAt)} (took {IsolatedWords.Took(report.EndedAt - report.StartedAt)})\n");
        foreach (var tier in report.Tiers.OrderBy(t => t.Tier))
        {
            md.Append("- ").Append(Escape(Sentence(IsolatedWords.TierLine(tier)))).Append('\n');
        }

        md.Append("\n## Tiers\n\n| Tier | Verified | Took | RTO | Against RTO |\n| ---: | ---: | ---: | ---: | --- |\n");
        foreach (var tier in report.Tiers.OrderBy(t => t.Tier))
        {
            Row(md, IsolatedRows.Tier(tier));
        }

        md.Append("\n## VMs\n\n| ").Append(string.Join(" | ", IsolatedRows.VmHeaders)).Append(" |\n")
            .Append("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |\n");
        foreach (var vm in IsolatedRows.Ordered(report))
        {
            Row(md, IsolatedRows.Vm(vm));
        }

        md.Append("\n## Leftovers\n\n");
        if (report.Leftovers.Count == 0)
        {
            md.Append(Escape(Sentence(IsolatedWords.LeftoversNone(report)))).Append(".\n");
        }
        else
        {
            foreach (var leftover in report.Leftovers)
            {
                md.Append("- ").Append(Escape(leftover)).Append('\n');
            }
        }

        return md.ToString();
    }

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void Row(StringBuilder md, IEnumerable<string> cells) =>
        md.Append("| ").Append(string.Join(" | ", cells.Select(Escape))).Append(" |\n");

    /// <summary>A command as a code span: no escapes work inside one, so a backtick or bar is replaced.</summary>
    private static string Code(string command) =>
        "`" + StatusText.Clean(command).Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";

    /// <summary>Cleans the text and escapes what would break a table cell or render as markup (HTML included).</summary>
    internal static string Escape(string? text)
    {
        var clean = StatusText.Clean(text);
        var md = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '<':
                    md.Append("&lt;");
                    break;
                case '>':
                    md.Append("&gt;");
                    break;
                case '&':
                    md.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~':
                    md.Append('\\').Append(c);
                    break;
                default:
                    md.Append(c);
                    break;
            }
        }

        return md.ToString();
    }
}
