using System.Globalization;
using AcmDr.Core.Dual;

namespace AcmDr.Cli.Report.Dumps;

/// <summary>
/// Reads a Ramen DRPlacementControl, dumped or listed, into what the report needs of it: <c>status.preferredDecision</c>
/// and <c>status.observedGeneration</c> are left out (<see cref="DrpcObservation.IsFinishedAt"/> must not read them).
/// </summary>
internal static class DrpcObjects
{
    public const string Kind = AcmDr.Core.Manifests.DualTemplates.DrpcKind;

    public static DrpcObservation Of(DumpNode item) => new(
        item.Text("metadata", "namespace") ?? string.Empty,
        item.Text("metadata", "name") ?? string.Empty,
        item.Strings("metadata", "labels"),
        item.Strings("metadata", "annotations"),
        item.Text("spec", "action"),
        item.Text("spec", "preferredCluster"),
        item.Text("spec", "failoverCluster"),
        item.Text("status", "phase"),
        item.Text("status", "progression"),
        Condition(item, "Available"),
        Condition(item, "PeerReady"),
        Number(item.Text("metadata", "generation")),
        Time(item.Text("status", "actionStartTime")),
        GoDurationText.Parse(item.Text("status", "actionDuration")),
        Time(item.Text("status", "lastGroupSyncTime")));

    private static DrpcCondition? Condition(DumpNode item, string type) =>
        item.Each("status", "conditions").FirstOrDefault(c => c.Text("type") == type) is { } condition
            ? new DrpcCondition(condition.Text("status") ?? string.Empty, Time(condition.Text("lastTransitionTime")), condition.Text("reason"), condition.Text("message"),
                Number(condition.Text("observedGeneration")))
            : null;

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
}
