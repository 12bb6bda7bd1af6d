using System.Text;
using System.Text.Json;
using AcmDr.Core.Compliance;
using AcmDr.Core.Isolated;

namespace AcmDr.Cli.Report.Isolated;

/// <summary>The isolated report as JSON (camelCase); the shape is documented in docs/isolated-report.schema.json and only grows.</summary>
internal static class IsolatedJson
{
    public const int SchemaVersion = 1;

    public const string Kind = "IsolatedRehearsal";

    public static string Render(IsolatedReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind);
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("marker", IsolatedReport.Marker);
            json.WriteString("id", StatusText.Clean(report.Id));
            json.WriteString("cluster", StatusText.Clean(report.Cluster));
            json.WriteString("drSite", StatusText.Clean(report.DrSite));
            json.WriteString("startedAt", IsolatedWords.Time(report.StartedAt));
            json.WriteString("endedAt", IsolatedWords.Time(report.EndedAt));
            json.WriteNumber("seconds", (long)(report.EndedAt - report.StartedAt).TotalSeconds);
            json.WriteBoolean("interrupted", report.Interrupted);
            json.WriteBoolean("kept", report.Kept);
            json.WriteBoolean("allRecovered", report.AllRecovered);
            json.WriteNumber("recovered", report.Vms.Count(v => v.Verdict == CopyVerdict.Recovered));
            json.WriteNumber("total", report.Vms.Count);
            json.WriteString("cleanup", IsolatedWords.Cleanup(report));
            json.WriteStartArray("notes");
            if (report.Interrupted)
            {
                json.WriteStringValue(IsolatedWords.InterruptedLine(report));
            }

            if (report.Kept)
            {
                json.WriteStringValue(IsolatedWords.KeptLine(report));
            }

            json.WriteEndArray();

            json.WriteStartArray("tiers");
            foreach (var tier in report.Tiers.OrderBy(t => t.Tier))
            {
                json.WriteStartObject();
                json.WriteNumber("tier", tier.Tier);
                json.WriteNumber("recovered", tier.Recovered);
                json.WriteNumber("total", tier.Total);
                Number(json, "seconds", IsolatedWords.Seconds(tier.Took));
                Number(json, "rtoMinutes", tier.RtoMinutes);
                if (tier.RtoMet is { } met)
                {
                    json.WriteBoolean("rtoMet", met);
                }
                else
                {
                    json.WriteNull("rtoMet");
                }

                json.WriteString("rto", IsolatedWords.RtoState(tier));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("vms");
            foreach (var vm in IsolatedRows.Ordered(report))
            {
                json.WriteStartObject();
                json.WriteString("namespace", StatusText.Clean(vm.Vm.Vm.Namespace));
                json.WriteString("name", StatusText.Clean(vm.Vm.Vm.Name));
                json.WriteString("app", StatusText.Clean(vm.Vm.App));
                json.WriteNumber("tier", vm.Vm.Tier);
                json.WriteString("verdict", IsolatedWords.Verdict(vm.Verdict));
                json.WriteString("reason", StatusText.Clean(vm.Reason));
                Number(json, "snapshotSeconds", IsolatedWords.Seconds(vm.SnapshotTook));
                Number(json, "copySeconds", IsolatedWords.Seconds(vm.CopyTook));
                Number(json, "bootSeconds", IsolatedWords.Seconds(vm.BootTook));
                Number(json, "seconds", IsolatedWords.Seconds(vm.Took));
                json.WriteString("consistency", IsolatedWords.Consistency(vm.Consistency));
                Number(json, "rtoMinutes", vm.RtoMinutes);
                if (vm.Node is null)
                {
                    json.WriteNull("node");
                }
                else
                {
                    json.WriteString("node", StatusText.Clean(vm.Node));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("leftovers");
            foreach (var leftover in report.Leftovers)
            {
                json.WriteStringValue(StatusText.Clean(leftover));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
