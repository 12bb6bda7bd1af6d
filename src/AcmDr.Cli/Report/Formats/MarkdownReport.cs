using System.Globalization;
using System.Text;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The report as Markdown, to paste into a change record: the summary and what failed first, then the tables.</summary>
internal static class MarkdownReport
{
    public static string Render(ReportData data) => Render([data]);

    /// <summary>One document for a rehearsal's legs (a report has one).</summary>
    public static string Render(IReadOnlyList<ReportData> legs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(legs.Count);
        var summary = ReportLegs.Summary(legs);
        var several = legs.Count > 1;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# DR report: move to {Escape(string.Join(" and back to ", summary.Legs.Select(l => l.TargetSite).Distinct()))}\n\n");
        if (several)
        {
            md.Append(CultureInfo.InvariantCulture, $"**{ReportLegs.OutcomeText(summary.Outcome)}**\n\n");
        }

        for (var i = 0; i < legs.Count; i++)
        {
            var heading = several ? "###" : "##";
            if (several)
            {
                md.Append(CultureInfo.InvariantCulture, $"## Leg {i + 1}: {Escape(summary.Legs[i].Title)}\n\n");
            }

            Leg(md, summary.Legs[i], legs[i], heading);
        }

        return md.ToString();
    }

    private static void Leg(StringBuilder md, LegSummary leg, ReportData data, string heading)
    {
        var s = data.Summary;
        md.Append(CultureInfo.InvariantCulture, $"{heading} Summary\n\n**{ReportLegs.OutcomeText(leg.Outcome)}**: {Escape(leg.Sentence)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- Verdict: **{ReportWords.VerdictText(s.Verdict)}** ({s.Moved}/{s.Total} VMs at {Escape(s.TargetSite)})\n");
        md.Append(CultureInfo.InvariantCulture, $"- Who: {Escape(leg.User ?? "unknown (no flip record)")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Why: {Escape(leg.Reason ?? "none given")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Flip: {(s.FlipAt is null ? "unknown" : ReportWords.Time(s.FlipAt))}\n");
        md.Append(CultureInfo.InvariantCulture, $"- How long: {ReportLegs.Took(leg)}\n");
        foreach (var tier in leg.Tiers)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Tier {tier.Tier}: {TimelineChart.RtoWords(tier)}\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"- Read at: {ReportWords.Time(s.Now)} from {Escape(string.Join(", ", data.Sources))}\n");
        foreach (var warning in data.Warnings)
        {
            md.Append(CultureInfo.InvariantCulture, $"- Warning: {Escape(warning)}\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\n{heading} Needs attention\n\n");
        Findings(md, leg.Failures, "Nothing: no VM failed to move.");
        var moving = leg.Vms.Where(v => !v.IsFailure && v.Vm.Verdict != MoveVerdict.Moved).ToList();
        if (moving.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n{heading} Still moving\n\n");
            Findings(md, moving, string.Empty);
        }

        md.Append(CultureInfo.InvariantCulture, $"\n{heading} Timeline\n\n");
        md.Append("| Tier | Started moving | Last arrived | Took | RTO |\n| ---: | --- | --- | ---: | --- |\n");
        foreach (var t in leg.Tiers)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {t.Tier} | {ReportWords.Time(t.StartedAt)} | {ReportWords.Time(t.ArrivedAt)} | {ReportWords.Duration(t.Took)} | {TimelineChart.RtoWords(t)} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\n{heading} Tiers\n\n| Tier | Moved | Verdict | Took | RTO |\n| ---: | ---: | --- | ---: | --- |\n");
        foreach (var t in s.Tiers.OrderBy(t => t.Tier))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {t.Tier} | {t.Moved}/{t.Total} | {ReportWords.VerdictText(t.Verdict)} | {ReportWords.Duration(t.Duration)} | {Escape(ReportWords.Rto(t))} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\n{heading} VMs\n\n| Tier | App | VM | Cluster | Verdict | Since | Reason |\n| ---: | --- | --- | --- | --- | --- | --- |\n");
        foreach (var v in leg.Vms.Select(f => f.Vm))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {v.Tier} | {Escape(v.App)} | {Escape(v.Namespace)}/{Escape(v.Vm)} | {Escape(v.Cluster)} | {ReportWords.VerdictText(v.Verdict)} | {ReportWords.Time(v.Since)} | {Escape(v.Reason)} |\n");
        }

        DualApps(md, s, heading);
    }

    /// <summary>Each dual-cluster app's DRPC: phase, progression, times and data-loss window (nothing without dual apps).</summary>
    private static void DualApps(StringBuilder md, ComplianceSummary s, string heading)
    {
        if (s.DualApps.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n{heading} {DualRows.Title}\n\n| {string.Join(" | ", DualRows.Headers)} |\n| ---: | --- | --- | --- | --- | --- | --- | ---: | --- | --- |\n");
        foreach (var app in s.DualApps)
        {
            md.Append("| ").Append(string.Join(" | ", DualRows.Cells(app).Select(Escape))).Append(" |\n");
        }
    }

    private static void Findings(StringBuilder md, IReadOnlyList<VmFinding> findings, string none)
    {
        if (findings.Count == 0)
        {
            md.Append(none).Append('\n');
            return;
        }

        md.Append("| VM | Tier | Verdict | What happened | Next step |\n| --- | ---: | --- | --- | --- |\n");
        foreach (var f in findings)
        {
            var next = string.Join(" ", new[] { Escape(f.NextStep) }.Concat(f.Commands.Select(Code)).Where(p => p.Length > 0));
            md.Append(CultureInfo.InvariantCulture,
                $"| {Escape(f.Vm.Namespace)}/{Escape(f.Vm.Vm)} ({Escape(f.Vm.App)}, {Escape(f.Vm.Cluster)}) | {f.Vm.Tier} | {ReportWords.VerdictText(f.Vm.Verdict)} | {Escape(f.Plain)} | {next} |\n");
        }
    }

    /// <summary>A command as a code span: no escapes work inside one, so a backtick or bar is replaced.</summary>
    private static string Code(string command) =>
        "`" + StatusText.Clean(command).Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";

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
