using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using Scriban;
using Scriban.Runtime;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// The report as one self-contained HTML page for management (inline CSS, no scripts, no external
/// assets): the executive summary and what failed first, the timeline, then the engineer's tables.
/// Every text is escaped by the template.
/// </summary>
internal static class HtmlReport
{
    private static readonly Lazy<Template> Page = new(Load);

    public static string Render(ReportData data) => Render([data]);

    /// <summary>One page for a rehearsal's legs (a report has one).</summary>
    public static string Render(IReadOnlyList<ReportData> legs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(legs.Count);
        var summary = ReportLegs.Summary(legs);
        var model = new HtmlPage(
            string.Join(" and back to ", summary.Legs.Select(l => l.TargetSite).Distinct()),
            ReportLegs.OutcomeClass(summary.Outcome),
            ReportLegs.OutcomeText(summary.Outcome),
            legs.Count > 1,
            summary.Legs.Select((leg, i) => Leg(leg, legs[i], i + 1)).ToList(),
            C(string.Join(", ", legs.SelectMany(d => d.Sources).Distinct())),
            ReportWords.Time(legs[^1].Summary.Now),
            legs[^1].Flips.Select(f => new HtmlFlip(ReportWords.Time(f.At), C(f.User), C(f.From), C(f.To), C(f.Scope), C(f.Reason))).ToList());
        // Scriban stops loops at 1000 iterations and cuts output at 1 MB by default: a plan has thousands of VMs.
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => member.Name);
        var context = new TemplateContext { LoopLimit = int.MaxValue, LimitToString = 0, MemberRenamer = member => member.Name };
        context.PushGlobal(globals);
        return Page.Value.Render(context);
    }

    private static HtmlLeg Leg(LegSummary leg, ReportData data, int number) => new(
        number,
        leg.Title,
        leg.Sentence,
        ReportLegs.OutcomeClass(leg.Outcome),
        ReportLegs.OutcomeText(leg.Outcome),
        leg.TargetSite,
        leg.Moved,
        leg.Total,
        leg.User ?? "unknown (no flip record)",
        leg.Reason ?? "none given",
        leg.FlipAt is null ? "unknown" : ReportWords.Time(leg.FlipAt),
        ReportLegs.Took(leg),
        leg.Tiers.Select(t => new HtmlRto(t.Tier, TimelineChart.RtoWords(t), ReportWords.Rto(t.Rto))).ToList(),
        data.Warnings.Select(C).ToList(),
        leg.Failures.Select(Finding).ToList(),
        leg.Vms.Where(v => !v.IsFailure && v.Vm.Verdict != MoveVerdict.Moved).Select(Finding).ToList(),
        TimelineChart.Of(leg),
        data.Summary.Tiers.OrderBy(t => t.Tier).Select(t => new HtmlTier(t.Tier, t.Moved, t.Total, ReportWords.VerdictText(t.Verdict), ReportWords.Verdict(t.Verdict),
            ReportWords.Duration(t.Duration), ReportWords.Rto(t), ReportWords.Rto(t.Rto))).ToList(),
        leg.Vms.Select(f => f.Vm).Select(v => new HtmlVm(v.Tier, C(v.App), C($"{v.Namespace}/{v.Vm}"), C(v.Cluster),
            ReportWords.State(v.SpecState), ReportWords.State(v.RunningState), ReportWords.VerdictText(v.Verdict), ReportWords.Verdict(v.Verdict),
            ReportWords.Time(v.Since), C(v.Reason))).ToList(),
        data.Summary.DualApps.Select(Dual).ToList());

    private static HtmlDual Dual(Core.Dual.DualAppReading app)
    {
        var cells = DualRows.Cells(app).Select(C).ToArray();
        return new HtmlDual(app.Tier, cells[1], cells[2], cells[3], ReportWords.Verdict(app.Verdict), cells[4], cells[5], cells[6], cells[7], cells[8], cells[9]);
    }

    private static HtmlFinding Finding(VmFinding f) => new(
        f.Vm.Tier, C(f.Vm.App), C($"{f.Vm.Namespace}/{f.Vm.Vm}"), C(f.Vm.Cluster), ReportWords.VerdictText(f.Vm.Verdict), ReportWords.Verdict(f.Vm.Verdict),
        f.Plain, f.NextStep, f.Commands);

    private static string C(string? text) => StatusText.Clean(text);

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
        string Target, string OutcomeClass, string Outcome, bool SeveralLegs, IReadOnlyList<HtmlLeg> Legs, string Sources, string Now,
        IReadOnlyList<HtmlFlip> Flips);

    internal sealed record HtmlLeg(
        int Number, string Title, string Sentence, string OutcomeClass, string Outcome, string TargetSite, int Moved, int Total,
        string User, string Reason, string FlipAt, string Took, IReadOnlyList<HtmlRto> Rtos, IReadOnlyList<string> Warnings,
        IReadOnlyList<HtmlFinding> Failures, IReadOnlyList<HtmlFinding> Moving, TimelineView Timeline, IReadOnlyList<HtmlTier> Tiers,
        IReadOnlyList<HtmlVm> Vms, IReadOnlyList<HtmlDual> DualApps);

    internal sealed record HtmlRto(int Tier, string Text, string Class);

    internal sealed record HtmlFinding(
        int Tier, string App, string Vm, string Cluster, string Verdict, string VerdictClass, string Plain, string NextStep, IReadOnlyList<string> Commands);

    internal sealed record HtmlTier(int Tier, int Moved, int Total, string Verdict, string VerdictClass, string Took, string Rto, string RtoClass);

    internal sealed record HtmlVm(int Tier, string App, string Vm, string Cluster, string Spec, string Running, string Verdict, string VerdictClass, string Since, string Reason);

    internal sealed record HtmlDual(
        int Tier, string App, string Target, string Verdict, string VerdictClass, string Phase, string Progression, string Started, string Took, string LastSync, string DataLoss);

    internal sealed record HtmlFlip(string At, string User, string From, string To, string Scope, string Reason);
}
