using AcmDr.Core.Compliance;
using AcmDr.Core.Manifests;

namespace AcmDr.Core.Flip;

/// <summary>
/// What a flip asks of Ramen for the dual-cluster apps: each app's hub-local policy turns the switch's site and
/// <c>mode</c> into a Relocate (planned) or a Failover (unplanned) of its DRPlacementControl. acmdr itself never
/// starts or stops a VM of a dual app: Ramen, the storage and the app's deployer do.
/// </summary>
public static class DualMoves
{
    public const string NoVmStarted = "acmdr never starts or stops a VM of a dual app: Ramen, the storage and the app's deployer do";

    /// <summary>
    /// Why <paramref name="request"/> cannot be flipped as asked, or null: <c>--unplanned</c> only means something for
    /// dual apps, so it is refused when none of <paramref name="apps"/> in scope is dual. Unknown apps (null) are not refused:
    /// a failover must not wait for an inventory.
    /// </summary>
    public static string? UnplannedProblem(FlipRequest request, IReadOnlyList<SwitchedApp>? apps)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Unplanned || apps is null || apps.Any(a => a.Dual is not null && request.Covers(a)))
        {
            return null;
        }

        return $"--unplanned makes Ramen fail over dual-cluster apps, and no dual app (one with a peer) is in {(request.IsScoped ? "the --app/--tier scope" : "the inventory")}; flip without it";
    }

    /// <summary>
    /// The lines for the dual apps the flip moves or covers (<paramref name="inScope"/>; null: only those it moves),
    /// from the switch <paramref name="before"/> and <paramref name="after"/>; empty when none is dual.
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after,
        IReadOnlyList<SwitchedApp>? apps, Func<SwitchedApp, bool>? inScope)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var mode = after.GetValueOrDefault(SwitchManifest.ModeKey);
        var modeChanges = !string.Equals(before.GetValueOrDefault(SwitchManifest.ModeKey), mode, StringComparison.Ordinal);
        if (apps is null)
        {
            // Without the apps only a failover is worth the lines: a planned flip of stretched apps says nothing of Ramen.
            return mode == SwitchManifest.UnplannedMode
                ? [$"  dual-cluster apps (which: unknown): each one this flip sends elsewhere is asked to {Ask(mode, "the other cluster")}", $"  {NoVmStarted}"]
                : [];
        }

        var home = Home(after);
        var lines = new List<string>();
        foreach (var app in apps.Where(a => a.Dual is not null).OrderBy(a => a.Tier).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            var from = SwitchEdit.EffectiveSite(before, app.Name, app.Tier);
            var to = SwitchEdit.EffectiveSite(after, app.Name, app.Tier);
            var moves = !string.Equals(from, to, StringComparison.Ordinal);
            if (to is null || (!moves && inScope?.Invoke(app) != true))
            {
                continue;
            }

            var cluster = StatusText.Clean(app.Dual!.ClusterAt(to, home));
            var name = $"    tier {app.Tier} {StatusText.Clean(app.Name)}";
            lines.Add(moves ? $"{name}: Ramen is asked to {Ask(mode, cluster)}"
                : modeChanges ? $"{name}: stays sent to {cluster}; if its DRPC has not finished there, Ramen is asked to {Ask(mode, cluster)}"
                : $"{name}: stays sent to {cluster}; nothing new is asked of Ramen");
        }

        return lines.Count == 0 ? lines : [$"  dual-cluster apps ({NoVmStarted}):", .. lines];
    }

    /// <summary>What Ramen is asked to do to move an app to <paramref name="cluster"/> under <paramref name="mode"/>.</summary>
    public static string Ask(string? mode, string cluster) => mode switch
    {
        SwitchManifest.PlannedMode => $"Relocate to {cluster} (planned, final sync)",
        SwitchManifest.UnplannedMode => $"Failover to {cluster} (unplanned: data written since the last sync may be lost)",
        null => $"nothing: the switch has no {SwitchManifest.ModeKey}, so no DRPC is changed",
        _ => $"nothing: {SwitchManifest.ModeKey} '{StatusText.Clean(mode)}' is not {SwitchManifest.PlannedMode} or {SwitchManifest.UnplannedMode}, so no DRPC is changed",
    };

    /// <summary>The switch's home site: its <c>home</c>, else the first of its <c>sites</c>.</summary>
    private static string? Home(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault(SwitchManifest.HomeKey) is { Length: > 0 } home ? home
        : data.GetValueOrDefault(SwitchManifest.SitesKey)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
