using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;
using Scriban;
using Scriban.Runtime;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>
/// The isolated report as one self-contained HTML page (inline CSS, no scripts, no external assets):
/// the marker and summary, the tiers against RTO, each copy's times, the leftovers. Every text is
/// escaped by the template.
/// </summary>
internal static class IsolatedHtml
{
    private static readonly Lazy<Template> Page = new(Load);

    public static string Render(IsolatedReport report)
    {
        var model = new Model(
            IsolatedReport.Marker,
            C(report.Id),
            C(report.Cluster),
            C(report.DrSite),
            IsolatedWords.Meaning(report),
            IsolatedWords.Time(report.StartedAt),
            IsolatedWords.Time(report.EndedAt),
            IsolatedWords.Took(report.EndedAt - report.StartedAt),
            IsolatedWords.Outcome(report),
            report.AllRecovered ? "recovered" : "failed",
            report.Interrupted,
            report.Kept,
            IsolatedWords.Cleanup(report),
            [.. report.Tiers.OrderBy(t => t.Tier).Select(Tier)],
            [.. IsolatedRows.Ordered(report).Select(Vm)],
            [.. report.Leftovers.Select(C)],
            IsolatedWords.LeftoversNone(report));

        // Scriban stops loops at 1000 iterations and cuts output at 1 MB by default: a rehearsal may copy thousands of VMs.
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => member.Name);
        var context = new TemplateContext { LoopLimit = int.MaxValue, LimitToString = 0, MemberRenamer = member => member.Name };
        context.PushGlobal(globals);
        return Page.Value.Render(context);
    }

    private static HtmlTier Tier(IsolatedTierResult tier)
    {
        var cells = IsolatedRows.Tier(tier);
        return new HtmlTier(tier.Tier, cells[1], cells[2], cells[3], cells[4], IsolatedWords.RtoState(tier), IsolatedWords.TierLine(tier));
    }

    private static HtmlVm Vm(IsolatedVmResult vm)
    {
        var cells = IsolatedRows.Vm(vm);
        return new HtmlVm(vm.Vm.Tier, cells[1], cells[2], cells[3], IsolatedWords.Verdict(vm.Verdict), cells[4], cells[5], cells[6], cells[7], cells[8], cells[9], cells[10], cells[11]);
    }

    private static string C(string? text) => StatusText.Clean(text);

    private static Template Load()
    {
        using var stream = typeof(IsolatedHtml).Assembly.GetManifestResourceStream("AcmDr.Cli.Report.Isolated.isolated.html.scriban")
            ?? throw new InvalidOperationException("the isolated HTML report template is not embedded");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd());
        return template.HasErrors
            ? throw new InvalidOperationException("the isolated HTML report template does not parse: " + string.Join("; ", template.Messages))
            : template;
    }

    internal sealed record Model(
        string Marker, string Id, string Cluster, string DrSite, string Meaning, string StartedAt, string EndedAt, string Took, string Outcome,
        string OutcomeClass, bool Interrupted, bool Kept, string Cleanup, IReadOnlyList<HtmlTier> Tiers, IReadOnlyList<HtmlVm> Vms,
        IReadOnlyList<string> Leftovers, string LeftoversNone);

    internal sealed record HtmlTier(int Tier, string Verified, string Took, string Rto, string Against, string AgainstClass, string Line);

    internal sealed record HtmlVm(
        int Tier, string App, string Vm, string Verdict, string VerdictClass, string Snapshot, string Copy, string Boot, string Took, string Rto,
        string Consistency, string Node, string Reason);
}
