namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// The example inventory (db: finance/db-0, db-1 in tier 1, RTO 15; web: web/web-0 in tier 2, RTO 30)
/// as the hub reports it before, during and after a flip to DR at 19:00.
/// </summary>
public static class FlipScenarios
{
    public const string History =
        """[{"at":"2026-11-25T19:00:00Z","user":"alice","from":"Primary","to":"DR","scope":"global","reason":"rehearsal \u001b[31mQ4\u001b[0m"}]""";

    private static readonly Dictionary<string, object?>[] SiteDb = [HubDump.Entry("2026-11-25T19:00:20Z", "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance")];
    private static readonly Dictionary<string, object?>[] SiteWeb = [HubDump.Entry("2026-11-25T19:09:00Z", "Compliant; notification - virtualmachines [web-0] found as specified in namespace web")];

    /// <summary>Every report is from before the flip: nothing can be said about DR yet.</summary>
    public static HubDump Before() => new HubDump()
        .Switch("DR", History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Compliant"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant",
            [HubDump.Entry("2026-11-25T18:00:00Z", "Compliant; notification - virtualmachines [db-0, db-1] found as specified in namespace finance")],
            [HubDump.Entry("2026-11-25T18:00:00Z", HubDump.Running("db-0, db-1", "finance"))])
        .Replicated("dr-web", "web", 2, "stretch-1", "Compliant",
            [HubDump.Entry("2026-11-25T18:00:00Z", "Compliant; notification - virtualmachines [web-0] found as specified in namespace web")],
            [HubDump.Entry("2026-11-25T18:00:00Z", HubDump.Running("web-0", "web"))]);

    /// <summary>db-0 moved, db-1 failed to migrate, web waits for tier 1.</summary>
    public static HubDump During() => new HubDump()
        .Switch("DR", History)
        .Foreign("not-ours")
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "NonCompliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Pending"))
        .Replicated("dr-db", "db", 1, "stretch-1", "NonCompliant", SiteDb,
            [HubDump.Entry("2026-11-25T19:05:00Z", HubDump.Running("db-0", "finance") + "; " + HubDump.NotRunning("db-1", "finance") + " \u001b[2J")])
        .Replicated("dr-web", "web", 2, "stretch-1", "Pending",
            [HubDump.Entry("2026-11-25T19:00:30Z", HubDump.PendingOn("dr-tier-1"))],
            [HubDump.Entry("2026-11-25T19:00:30Z", HubDump.PendingOn("dr-tier-1"))]);

    /// <summary>Everything at DR: tier 1 by 19:08 (8 min, RTO 15 met), tier 2 by 19:20 (20 min, RTO 30 met).</summary>
    public static HubDump After() => new HubDump()
        .Switch("DR", History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Compliant"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant", SiteDb,
        [
            HubDump.Entry("2026-11-25T19:30:00Z", HubDump.Running("db-0, db-1", "finance")),
            HubDump.Entry("2026-11-25T19:08:00Z", HubDump.Running("db-0, db-1", "finance")),
            HubDump.Entry("2026-11-25T19:05:00Z", HubDump.Running("db-0", "finance") + "; " + HubDump.NotRunning("db-1", "finance")),
        ])
        .Replicated("dr-web", "web", 2, "stretch-1", "Compliant", SiteWeb,
        [
            HubDump.Entry("2026-11-25T19:20:00Z", HubDump.Running("web-0", "web")),
            HubDump.Entry("2026-11-25T19:00:30Z", HubDump.PendingOn("dr-tier-1")),
        ]);

    /// <summary>web's policy has no status for its cluster at all: unknown, never moved.</summary>
    public static HubDump ClusterMissing() => new HubDump()
        .Switch("DR", History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30)
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant", SiteDb,
            [HubDump.Entry("2026-11-25T19:08:00Z", HubDump.Running("db-0, db-1", "finance"))]);
}
