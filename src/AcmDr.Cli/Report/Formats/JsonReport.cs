using System.Text;
using System.Text.Json;
using AcmDr.Core.Compliance;

namespace AcmDr.Cli.Report.Formats;

/// <summary>The report as JSON; the shape is documented in docs/report.schema.json and only grows.</summary>
internal static class JsonReport
{
    public const int SchemaVersion = 1;

    public static string Render(ReportData data)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var summary = data.Summary;
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("generatedAt", ReportWords.Time(summary.Now));
            json.WriteString("hubNamespace", data.HubNamespace);
            json.WriteString("targetSite", summary.TargetSite);
            WriteTime(json, "flipAt", summary.FlipAt);
            json.WriteString("verdict", ReportWords.Verdict(summary.Verdict));
            json.WriteNumber("moved", summary.Moved);
            json.WriteNumber("total", summary.Total);
            WriteStrings(json, "sources", data.Sources);
            WriteStrings(json, "warnings", data.Warnings);

            json.WriteStartArray("flips");
            foreach (var flip in data.Flips)
            {
                json.WriteStartObject();
                json.WriteString("at", ReportWords.Time(flip.At));
                json.WriteString("user", flip.User);
                json.WriteString("from", flip.From);
                json.WriteString("to", flip.To);
                json.WriteString("scope", flip.Scope);
                json.WriteString("reason", flip.Reason is null ? null : StatusText.Clean(flip.Reason));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("tiers");
            foreach (var tier in summary.Tiers)
            {
                json.WriteStartObject();
                json.WriteNumber("tier", tier.Tier);
                json.WriteNumber("moved", tier.Moved);
                json.WriteNumber("total", tier.Total);
                json.WriteString("verdict", ReportWords.Verdict(tier.Verdict));
                WriteNumber(json, "durationSeconds", tier.Duration is { } duration ? (long)duration.TotalSeconds : null);
                WriteNumber(json, "rtoMinutes", tier.RtoMinutes);
                json.WriteString("rto", ReportWords.Rto(tier.Rto));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("vms");
            foreach (var vm in summary.Vms)
            {
                json.WriteStartObject();
                json.WriteString("app", vm.App);
                json.WriteNumber("tier", vm.Tier);
                json.WriteString("namespace", vm.Namespace);
                json.WriteString("vm", vm.Vm);
                json.WriteString("cluster", vm.Cluster);
                json.WriteString("targetSite", vm.TargetSite);
                json.WriteString("specState", ReportWords.State(vm.SpecState));
                json.WriteString("runningState", ReportWords.State(vm.RunningState));
                json.WriteString("verdict", ReportWords.Verdict(vm.Verdict));
                WriteTime(json, "since", vm.Since);
                json.WriteString("reason", StatusText.Clean(vm.Reason));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (summary.DualApps.Count > 0)
            {
                WriteDualApps(json, summary);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Each dual-cluster app's DRPC (only when there are dual apps, so reports of stretched apps keep their shape).</summary>
    private static void WriteDualApps(Utf8JsonWriter json, ComplianceSummary summary)
    {
        json.WriteStartArray("dualApps");
        foreach (var app in summary.DualApps)
        {
            json.WriteStartObject();
            json.WriteString("app", app.App);
            json.WriteNumber("tier", app.Tier);
            json.WriteString("drpc", StatusText.Clean(app.Drpc));
            json.WriteString("targetSite", app.TargetSite);
            WriteText(json, "targetCluster", app.TargetCluster);
            json.WriteString("verdict", ReportWords.Verdict(app.Verdict));
            json.WriteBoolean("found", app.Found);
            WriteText(json, "action", app.Action);
            WriteText(json, "phase", app.Phase);
            WriteText(json, "progression", app.Progression);
            WriteText(json, "runsAt", app.RunsAt);
            WriteTime(json, "actionStartTime", app.ActionStartTime);
            WriteNumber(json, "actionDurationSeconds", app.ActionDuration is { } took ? (long)took.TotalSeconds : null);
            WriteTime(json, "lastGroupSyncTime", app.LastGroupSyncTime);
            WriteNumber(json, "dataLossWindowSeconds", app.DataLossWindow is { } window ? (long)window.TotalSeconds : null);
            json.WriteString("dataLossMeasuredAt", app.DataLossWindow is null ? null : app.DataLossAtAction ? "failoverStart" : "reading");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, StatusText.Clean(value));
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
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

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, ReportWords.Time(at));
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(StatusText.Clean(value));
        }

        json.WriteEndArray();
    }
}
