using System.Globalization;
using System.Text;
using System.Xml;
using AcmDr.Cli.Report.Formats;
using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>
/// The isolated report as JUnit XML: one test suite per tier, one test case per VM copy, passed when
/// recovered within RTO; late, failed and not started copies are failures whose message is the verdict
/// and reason. The rehearsal's facts (marker, id, cluster, DR site, kept, interrupted, leftovers) are
/// every suite's properties.
/// </summary>
internal static class IsolatedJUnit
{
    public static string Render(IsolatedReport report)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
        using (var xml = XmlWriter.Create(new Utf8Writer(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteComment($" {IsolatedReport.Marker}: rehearsal {Comment(report.Id)} on {Comment(report.Cluster)} at {Comment(report.DrSite)} ");
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"acmdr isolated test {Clean(report.Id)}: {IsolatedReport.Marker}");
            Counts(xml, report.Vms);
            xml.WriteAttributeString("time", Seconds(report.EndedAt - report.StartedAt));
            var vms = IsolatedRows.Ordered(report);
            var tiers = report.Tiers.Select(t => t.Tier).Concat(vms.Select(v => v.Vm.Tier)).Distinct().Order().ToList();
            if (tiers.Count == 0)
            {
                Suite(xml, report, "isolated", null, []);
            }

            foreach (var tier in tiers)
            {
                Suite(xml, report, string.Create(CultureInfo.InvariantCulture, $"tier-{tier}"), report.Tiers.FirstOrDefault(t => t.Tier == tier),
                    [.. vms.Where(v => v.Vm.Tier == tier)]);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return builder.Append('\n').ToString();
    }

    private static void Suite(XmlWriter xml, IsolatedReport report, string name, IsolatedTierResult? tier, List<IsolatedVmResult> vms)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        Counts(xml, vms);
        xml.WriteAttributeString("timestamp", IsolatedWords.Time(report.StartedAt));
        if (tier?.Took is { } took)
        {
            xml.WriteAttributeString("time", Seconds(took));
        }

        xml.WriteStartElement("properties");
        JUnitReport.Property(xml, "marker", IsolatedReport.Marker);
        JUnitReport.Property(xml, "rehearsal", report.Id);
        JUnitReport.Property(xml, "cluster", report.Cluster);
        JUnitReport.Property(xml, "drSite", report.DrSite);
        JUnitReport.Property(xml, "startedAt", IsolatedWords.Time(report.StartedAt));
        JUnitReport.Property(xml, "endedAt", IsolatedWords.Time(report.EndedAt));
        if (tier is not null)
        {
            JUnitReport.Property(xml, "rto", IsolatedWords.TierRto(tier));
        }

        if (report.Interrupted)
        {
            JUnitReport.Property(xml, "interrupted", IsolatedWords.InterruptedLine(report));
        }

        if (report.Kept)
        {
            JUnitReport.Property(xml, "kept", IsolatedWords.KeptLine(report));
        }

        foreach (var leftover in report.Leftovers)
        {
            JUnitReport.Property(xml, "leftover", leftover);
        }

        xml.WriteEndElement();
        foreach (var vm in vms)
        {
            Case(xml, vm);
        }

        xml.WriteEndElement();
    }

    private static void Case(XmlWriter xml, IsolatedVmResult vm)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", string.Create(CultureInfo.InvariantCulture, $"tier-{vm.Vm.Tier}/{Clean(vm.Vm.App)}"));
        xml.WriteAttributeString("name", IsolatedRows.Name(vm));
        if (vm.Took is { } took)
        {
            xml.WriteAttributeString("time", Seconds(took));
        }

        var times = $"snapshot {IsolatedWords.Took(vm.SnapshotTook)} ({IsolatedWords.Consistency(vm.Consistency)}), copy {IsolatedWords.Took(vm.CopyTook)}, " +
            $"boot {IsolatedWords.Took(vm.BootTook)}, took {IsolatedWords.Took(vm.Took)} against RTO {IsolatedWords.Rto(vm.RtoMinutes)}" +
            (vm.Node is null ? string.Empty : $", on node {Clean(vm.Node)}");
        if (IsolatedWords.IsFailure(vm.Verdict))
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", IsolatedWords.Verdict(vm.Verdict));
            var verdict = IsolatedWords.VerdictText(vm.Verdict);
            var reason = Clean(vm.Reason);
            xml.WriteAttributeString("message", reason.StartsWith(verdict + ":", StringComparison.Ordinal) ? reason : $"{verdict}: {reason}");
            xml.WriteString(times);
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("system-out", $"{IsolatedWords.VerdictText(vm.Verdict)}: {times}" + (vm.Reason.Length > 0 ? $"; {Clean(vm.Reason)}" : string.Empty));
        }

        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, IReadOnlyList<IsolatedVmResult> vms)
    {
        xml.WriteAttributeString("tests", vms.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", vms.Count(v => IsolatedWords.IsFailure(v.Verdict)).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
    }

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Clean(string? text) => StatusText.Clean(text);

    /// <summary>Text for an XML comment, which may not hold "--" nor end with "-".</summary>
    private static string Comment(string text)
    {
        var clean = Clean(text);
        while (clean.Contains("--", StringComparison.Ordinal))
        {
            clean = clean.Replace("--", "- -", StringComparison.Ordinal);
        }

        return clean;
    }

    private sealed class Utf8Writer(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
