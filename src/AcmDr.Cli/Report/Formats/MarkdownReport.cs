using System.Globalization;
using System.Text;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The report as Markdown, to paste into a change record.</summary>
internal static class MarkdownReport
{
    public static string Render(ReportData data)
    {
        var s = data.Summary;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# DR report: move to {Escape(s.TargetSite)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Verdict: **{ReportWords.VerdictText(s.Verdict)}** ({s.Moved}/{s.Total} VMs at {Escape(s.TargetSite)})\n");
        md.Append(CultureInfo.InvariantCulture, $"- Flip: {(s.FlipAt is null ? "unknown" : ReportWords.Time(s.FlipAt))}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Read at: {ReportWords.Time(s.Now)} from {Escape(string.Join(", ", data.Sources))}\n");
        foreach (var warning in data.Warnings)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Warning: {Escape(warning)}\n");
        }

        md.Append("\n## Tiers\n\n| Tier | Moved | Verdict | Took | RTO |\n| ---: | ---: | --- | ---: | --- |\n");
        foreach (var t in s.Tiers)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {t.Tier} | {t.Moved}/{t.Total} | {ReportWords.VerdictText(t.Verdict)} | {ReportWords.Duration(t.Duration)} | {Escape(ReportWords.Rto(t))} |\n");
        }

        md.Append("\n## VMs\n\n| Tier | App | VM | Cluster | Verdict | Since | Reason |\n| ---: | --- | --- | --- | --- | --- | --- |\n");
        foreach (var v in s.Vms)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {v.Tier} | {Escape(v.App)} | {Escape(v.Namespace)}/{Escape(v.Vm)} | {Escape(v.Cluster)} | {ReportWords.VerdictText(v.Verdict)} | {ReportWords.Time(v.Since)} | {Escape(v.Reason)} |\n");
        }

        return md.ToString();
    }

    /// <summary>Cleans status text and escapes what would break a table cell or render as markup.</summary>
    private static string Escape(string text)
    {
        var clean = StatusText.Clean(text);
        var md = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            if (c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>')
            {
                md.Append('\\');
            }

            md.Append(c);
        }

        return md.ToString();
    }
}
