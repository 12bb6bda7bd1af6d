using System.Globalization;
using System.Text;
using System.Xml;
using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Formats;

/// <summary>
/// The report as JUnit XML: one test suite per tier (per leg), one test case per VM, passed when it
/// moved; a failure's message is what happened in plain words and the next step.
/// </summary>
internal static class JUnitReport
{
    public static string Render(ReportData data) => Render([data]);

    /// <summary>One document for a rehearsal's legs (a report has one).</summary>
    public static string Render(IReadOnlyList<ReportData> legs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(legs.Count);
        var summary = ReportLegs.Summary(legs);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"acmdr report: {Clean(string.Join(" and back to ", summary.Legs.Select(l => l.TargetSite).Distinct()))}");
            Counts(xml, summary.Legs.SelectMany(l => l.Vms).Select(f => f.Vm).ToList());
            for (var i = 0; i < legs.Count; i++)
            {
                Leg(xml, summary.Legs[i], legs[i].Summary.DualApps, legs.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"leg-{i + 1}/") : string.Empty);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return builder.Append('\n').ToString();
    }

    private static void Leg(XmlWriter xml, LegSummary leg, IReadOnlyList<Core.Dual.DualAppReading> dualApps, string prefix)
    {
        foreach (var tier in leg.Tiers)
        {
            // Tier order inside the suite as in the inventory; the summary's failures-first order is the leg's.
            var vms = leg.Vms.Where(f => f.Vm.Tier == tier.Tier).OrderBy(f => f.IsFailure ? 0 : 1).ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", string.Create(CultureInfo.InvariantCulture, $"{prefix}tier-{tier.Tier}"));
            Counts(xml, vms.Select(f => f.Vm).ToList());
            xml.WriteAttributeString("timestamp", ReportWords.Time(leg.Now));
            if (tier.Took is { } took)
            {
                xml.WriteAttributeString("time", ((long)took.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }

            xml.WriteStartElement("properties");
            Property(xml, "outcome", leg.Sentence);
            Property(xml, "flipAt", ReportWords.Time(leg.FlipAt));
            Property(xml, "user", leg.User ?? string.Empty);
            Property(xml, "reason", leg.Reason ?? string.Empty);
            Property(xml, "startedMoving", ReportWords.Time(tier.StartedAt));
            Property(xml, "lastArrived", ReportWords.Time(tier.ArrivedAt));
            Property(xml, "rto", TimelineChart.RtoWords(tier));
            foreach (var app in dualApps.Where(a => a.Tier == tier.Tier))
            {
                // A dual-cluster app's DRPC, as the table's section shows it.
                var cells = DualRows.Cells(app);
                var parts = new[] { ("target", 2), ("phase", 4), ("progression", 5), ("action started", 6), ("took", 7), ("last sync", 8), ("data loss", 9) }
                    .Where(p => cells[p.Item2].Length > 0).Select(p => $"{p.Item1} {cells[p.Item2]}");
                Property(xml, $"dual/{app.App}", string.Join(", ", parts));
            }

            xml.WriteEndElement();
            foreach (var finding in vms)
            {
                Case(xml, finding, prefix);
            }

            xml.WriteEndElement();
        }
    }

    private static void Case(XmlWriter xml, VmFinding finding, string prefix)
    {
        var vm = finding.Vm;
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", string.Create(CultureInfo.InvariantCulture, $"{prefix}tier-{vm.Tier}/{Clean(vm.App)}"));
        xml.WriteAttributeString("name", Clean($"{vm.Namespace}/{vm.Vm}@{vm.Cluster}"));
        if (vm.Verdict != MoveVerdict.Moved)
        {
            var run = finding.Commands.Count == 0 ? string.Empty : "Run: " + string.Join("; ", finding.Commands);
            var next = string.Join(" ", new[] { finding.NextStep, run }.Where(p => p.Length > 0));
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", ReportWords.Verdict(vm.Verdict));
            xml.WriteAttributeString("message", $"{ReportWords.VerdictText(vm.Verdict)}: {finding.Plain}" + (next.Length > 0 ? " Next: " + next : string.Empty));
            var body = new StringBuilder().Append("status: ").Append(Clean(vm.Reason));
            foreach (var command in finding.Commands)
            {
                body.Append('\n').Append(command);
            }

            xml.WriteString(body.ToString());
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>One JUnit property, its value cleaned of control characters (the isolated report's suites write theirs with it too).</summary>
    internal static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static void Counts(XmlWriter xml, List<VmCompliance> vms)
    {
        xml.WriteAttributeString("tests", vms.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", vms.Count(v => v.Verdict != MoveVerdict.Moved).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
    }

    private static string Clean(string text) => StatusText.Clean(text);

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
