using System.Globalization;
using System.Text;
using System.Xml;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The report as JUnit XML: one test case per VM, passed when it moved, grouped by tier/app.</summary>
internal static class JUnitReport
{
    public static string Render(ReportData data)
    {
        var s = data.Summary;
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"acmdr report: {Clean(s.TargetSite)}");
            Counts(xml, s.Vms);
            foreach (var tier in s.Tiers)
            {
                var vms = s.Vms.Where(v => v.Tier == tier.Tier).ToList();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", string.Create(CultureInfo.InvariantCulture, $"tier-{tier.Tier}"));
                Counts(xml, vms);
                xml.WriteAttributeString("timestamp", ReportWords.Time(s.Now));
                foreach (var vm in vms)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", string.Create(CultureInfo.InvariantCulture, $"tier-{vm.Tier}/{Clean(vm.App)}"));
                    xml.WriteAttributeString("name", Clean($"{vm.Namespace}/{vm.Vm}@{vm.Cluster}"));
                    if (vm.Verdict != MoveVerdict.Moved)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("type", ReportWords.Verdict(vm.Verdict));
                        xml.WriteAttributeString("message", $"{ReportWords.VerdictText(vm.Verdict)}: {Clean(vm.Reason)}");
                        xml.WriteString(Clean(vm.Reason));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return builder.Append('\n').ToString();
    }

    private static void Counts(XmlWriter xml, IReadOnlyCollection<VmCompliance> vms)
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
