using AcmDr.Core.Settings;

namespace AcmDr.Core.Inventory;

/// <summary>
/// The rules across rows (and against the <c>dual:</c> settings) for dual-cluster apps, the apps whose rows name a
/// peer: one peer and one home cluster per app, a DRPolicy for each home/peer pair, no dependency between the
/// topologies, no stretched app on the hub's own cluster beside them, and PVC selector overrides only for them.
/// </summary>
internal static class DualInventoryRules
{
    public static void Check(string source, IReadOnlyList<InventoryRow> rows, Dictionary<string, AppFacts> apps, DrSettings settings, InventoryErrors errors, IReadOnlySet<string> rejected, CellColumns columns)
    {
        var dual = settings.Dual;
        var hasDual = false;
        foreach (var app in apps.Values)
        {
            if (app.IsDual)
            {
                hasDual = true;
                CheckDrPolicy(source, app.First, dual, errors, columns);
            }
        }

        if (hasDual)
        {
            CheckHubCluster(source, rows, dual, errors, columns);
        }

        CheckOverrides(source, apps, dual, errors, rejected);
    }

    /// <summary>The rows of one app that disagree somewhere: each row naming another peer, or (dual) another home, than most rows.</summary>
    public static void CheckAgreement(string source, List<InventoryRow> rows, InventoryErrors errors, CellColumns columns)
    {
        var peer = InventoryRules.Majority(rows, static r => r.Peer);
        var sameTopology = new List<InventoryRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Peer == peer.Peer)
            {
                sameTopology.Add(row);
                continue;
            }

            errors.Add(new InventoryError(source, row.Line, columns.Peer,
                $"app '{row.App}' has peer {Show(row.Peer)} here but {Show(peer.Peer)} on line {peer.Line}: all rows of an app must agree, and a dual-cluster app names its peer on every row"));
        }

        if (peer.Peer is null)
        {
            return;
        }

        var home = InventoryRules.Majority(sameTopology, static r => r.Cluster);
        foreach (var row in sameTopology)
        {
            if (row.Cluster != home.Cluster)
            {
                errors.Add(new InventoryError(source, row.Line, columns.Cluster,
                    $"app '{row.App}' has home cluster '{row.Cluster}' here but '{home.Cluster}' on line {home.Line}: a dual-cluster app has one home cluster, which Ramen moves to its peer and back"));
            }
        }
    }

    /// <summary>Why <paramref name="app"/> may not depend on <paramref name="target"/>, of the other topology.</summary>
    public static string CrossingDependency(AppFacts app, AppFacts target, DrSettings settings) =>
        $"app '{app.Name}' is a {Kind(app)} app and depends on '{target.Name}', a {Kind(target)} app: ACM checks dependencies on each cluster and the dual-cluster apps' policies sit on the hub cluster '{settings.Dual.HubCluster}', so '{app.Name}' would wait forever; depend only on apps of the same topology";

    /// <summary>A dual app's home and peer must be paired by a DRPolicy of the settings (Ramen's DRPlacementControl names one).</summary>
    private static void CheckDrPolicy(string source, InventoryRow row, DualSettings dual, InventoryErrors errors, CellColumns columns)
    {
        var home = row.Cluster;
        var peer = row.Peer!;
        if (dual.PolicyFor(home, peer) is not null)
        {
            return;
        }

        var add = $"add it under dual.drPolicies in {dual.SourceShown} as '- name: <the DRPolicy on the hub>' with 'clusters: [{home}, {peer}]'";
        if (dual.DrPolicies.Count == 0)
        {
            errors.Add(new InventoryError(source, row.Line, columns.Peer,
                $"app '{row.App}' is a dual-cluster app (peer '{peer}') but no DRPolicy pairs '{home}' and '{peer}': {add}"));
        }
        else if (!dual.KnowsCluster(peer))
        {
            errors.Add(new InventoryError(source, row.Line, columns.Peer,
                $"app '{row.App}' has peer '{peer}', a cluster no DRPolicy in {dual.SourceShown} names: known clusters are {string.Join(", ", dual.KnownClusters())}"));
        }
        else if (!dual.KnowsCluster(home))
        {
            errors.Add(new InventoryError(source, row.Line, columns.Cluster,
                $"app '{row.App}' has home cluster '{home}', a cluster no DRPolicy in {dual.SourceShown} names: known clusters are {string.Join(", ", dual.KnownClusters())}"));
        }
        else
        {
            errors.Add(new InventoryError(source, row.Line, columns.Peer,
                $"app '{row.App}' has home '{home}' and peer '{peer}', but no DRPolicy pairs them: {add}"));
        }
    }

    /// <summary>
    /// The dual apps' policies are placed on the hub cluster, in its tier chain: a stretched app there would join
    /// that chain (and wait for, or hold up, the dual apps of its tier's neighbours). Once per app, on its first such row.
    /// </summary>
    private static void CheckHubCluster(string source, IReadOnlyList<InventoryRow> rows, DualSettings dual, InventoryErrors errors, CellColumns columns)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!row.IsDual && row.Cluster == dual.HubCluster && reported.Add(row.App))
            {
                errors.Add(new InventoryError(source, row.Line, columns.Cluster,
                    $"app '{row.App}' is a stretched-cluster app on cluster '{row.Cluster}', the hub's own cluster (dual.hubCluster), where the dual-cluster apps' policies are placed: their tier order would mix; run it on another cluster, or set dual.hubCluster to the hub's managed-cluster name"));
            }
        }
    }

    /// <summary>A PVC selector override must name a dual app of the inventory: a typo there would leave the app on the default selector.</summary>
    private static void CheckOverrides(string source, Dictionary<string, AppFacts> apps, DualSettings dual, InventoryErrors errors, IReadOnlySet<string> rejected)
    {
        foreach (var entry in dual.Apps)
        {
            var found = apps.TryGetValue(entry.App, out var app);
            if ((found && app!.IsDual) || rejected.Contains(entry.App))
            {
                continue;
            }

            var why = found
                ? $"a stretched-cluster app in {source} (it has no peer): a PVC selector applies only to dual-cluster apps"
                : $"which {source} does not list";
            errors.Add(new InventoryError(dual.SourceShown, entry.Line, entry.Line > 0 ? entry.Column : null,
                $"dual.apps names app '{entry.App}', {why}"));
        }
    }

    private static string Kind(AppFacts app) => app.IsDual ? "dual-cluster" : "stretched-cluster";

    private static string Show(string? value) => value is null ? "(empty)" : $"'{value}'";
}
