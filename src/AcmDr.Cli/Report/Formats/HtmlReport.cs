using AcmDr.Core.Compliance;
using Scriban;
using Scriban.Runtime;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The report as one self-contained HTML page (inline CSS and SVG, no external assets).</summary>
internal static class HtmlReport
{
    private static readonly Lazy<Template> Page = new(Load);

    public static string Render(ReportData data)
    {
        var s = data.Summary;
        var model = new HtmlPage(
            StatusText.Clean(s.TargetSite),
            ReportWords.VerdictText(s.Verdict),
            ReportWords.Verdict(s.Verdict),
            s.Moved,
            s.Total,
            s.FlipAt is null ? "unknown" : ReportWords.Time(s.FlipAt),
            ReportWords.Time(s.Now),
            StatusText.Clean(string.Join(", ", data.Sources)),
            data.Warnings.Select(StatusText.Clean).ToList(),
            s.Tiers.Select(t => new HtmlTier(t.Tier, t.Moved, t.Total, ReportWords.VerdictText(t.Verdict), ReportWords.Verdict(t.Verdict),
                ReportWords.Duration(t.Duration), ReportWords.Rto(t))).ToList(),
            s.Vms.Select(v => new HtmlVm(v.Tier, StatusText.Clean(v.App), StatusText.Clean($"{v.Namespace}/{v.Vm}"), StatusText.Clean(v.Cluster),
                ReportWords.State(v.SpecState), ReportWords.State(v.RunningState), ReportWords.VerdictText(v.Verdict), ReportWords.Verdict(v.Verdict),
                ReportWords.Time(v.Since), StatusText.Clean(v.Reason))).ToList(),
            data.Flips.Select(f => new HtmlFlip(ReportWords.Time(f.At), StatusText.Clean(f.User), StatusText.Clean(f.From), StatusText.Clean(f.To),
                StatusText.Clean(f.Scope), StatusText.Clean(f.Reason))).ToList(),
            TimelineChart.Svg(s));
        // Scriban stops loops at 1000 iterations and cuts output at 1 MB by default: a plan has thousands of VMs.
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => member.Name);
        var context = new TemplateContext { LoopLimit = int.MaxValue, LimitToString = 0, MemberRenamer = member => member.Name };
        context.PushGlobal(globals);
        return Page.Value.Render(context);
    }

    private static Template Load()
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("AcmDr.Cli.Report.Formats.report.html.scriban")
            ?? throw new InvalidOperationException("the HTML report template is not embedded");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd());
        return template.HasErrors
            ? throw new InvalidOperationException("the HTML report template does not parse: " + string.Join("; ", template.Messages))
            : template;
    }

    internal sealed record HtmlPage(
        string TargetSite, string Verdict, string VerdictClass, int Moved, int Total, string FlipAt, string Now, string Sources,
        IReadOnlyList<string> Warnings, IReadOnlyList<HtmlTier> Tiers, IReadOnlyList<HtmlVm> Vms, IReadOnlyList<HtmlFlip> Flips, string Chart);

    internal sealed record HtmlTier(int Tier, int Moved, int Total, string Verdict, string VerdictClass, string Took, string Rto);

    internal sealed record HtmlVm(int Tier, string App, string Vm, string Cluster, string Spec, string Running, string Verdict, string VerdictClass, string Since, string Reason);

    internal sealed record HtmlFlip(string At, string User, string From, string To, string Scope, string Reason);
}
