using System.Globalization;
using AcmDr.Core.Compliance;
using AcmDr.Core.Dual;
using AcmDr.Core.Flip;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>Picks acmdr's policies, DRPlacementControls and switch out of dumped or listed Kubernetes objects.</summary>
internal static class HubObjects
{
    public static HubSnapshot From(IEnumerable<DumpNode> documents, string hubNamespace, string source)
    {
        var policies = new List<HubPolicy>();
        var drpcs = new List<DrpcObservation>();
        SwitchReading? switchReading = null;
        foreach (var item in documents.SelectMany(Flatten))
        {
            var kind = item.Text("kind");
            var labels = item.Strings("metadata", "labels");
            if (kind == "Policy" && labels.TryGetValue(PolicyNames.ManagedByLabel, out var owner) && owner == PolicyNames.ManagedByValue)
            {
                policies.Add(PolicyOf(item, labels));
            }
            else if (kind == DrpcObjects.Kind && labels.TryGetValue(PolicyNames.ManagedByLabel, out var drpcOwner) && drpcOwner == PolicyNames.ManagedByValue)
            {
                drpcs.Add(DrpcObjects.Of(item));
            }
            else if (kind == "ConfigMap" && item.Text("metadata", "name") == PolicyNames.SwitchConfigMap
                && item.Text("metadata", "namespace") is { } ns && (ns == hubNamespace || ns.Length == 0))
            {
                item.Strings("metadata", "annotations").TryGetValue(FlipHistory.Annotation, out var history);
                switchReading = new SwitchReading(item.Strings("data"), history, source);
            }
        }

        return new HubSnapshot(policies, switchReading, drpcs);
    }

    /// <summary>A List's items (recursively), or the object itself.</summary>
    private static IEnumerable<DumpNode> Flatten(DumpNode node)
    {
        if (node.Items is { } array)
        {
            return array.SelectMany(Flatten);
        }

        var kind = node.Text("kind");
        return node.Get("items")?.Items is { } items && (kind is null || kind.EndsWith("List", StringComparison.Ordinal))
            ? items.SelectMany(Flatten)
            : [node];
    }

    private static HubPolicy PolicyOf(DumpNode item, IReadOnlyDictionary<string, string> labels)
    {
        var clusters = item.Each("status", "status")
            .Where(s => s.Text("clustername") is { Length: > 0 })
            .Select(s => (s.Text("clustername")!, ComplianceMessage.StateOf(s.Text("compliant"))))
            .ToList();
        var templates = item.Each("status", "details")
            .Where(d => d.Text("templateMeta", "name") is { Length: > 0 })
            .Select(d => (d.Text("templateMeta", "name")!, new TemplateObservation(
                ComplianceMessage.StateOf(d.Text("compliant")),
                d.Each("history").Select(HistoryOf).ToList())))
            .ToList();
        return new HubPolicy(
            item.Text("metadata", "name") ?? string.Empty,
            item.Text("metadata", "namespace") ?? string.Empty,
            labels,
            item.Strings("metadata", "annotations"),
            ComplianceMessage.StateOf(item.Text("status", "compliant")),
            clusters,
            templates,
            item.Text(JsonDumpReader.ResolvedSiteKey));
    }

    private static HistoryEntry HistoryOf(DumpNode entry)
    {
        DateTimeOffset? at = DateTimeOffset.TryParse(entry.Text("lastTimestamp"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
        return new HistoryEntry(at, entry.Text("message") ?? string.Empty, entry.Text("eventName"));
    }
}
