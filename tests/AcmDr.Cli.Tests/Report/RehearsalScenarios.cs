using AcmDr.Cli.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// Rehearsals of the example inventory (db: finance/db-0, db-1 in tier 1, RTO 15; web: web/web-0 in tier 2,
/// RTO 30) flipped to DR at 19:00, each read at a fixed time: the inputs of the approved report files.
/// </summary>
public sealed record RehearsalScenario(string Name, HubDump Dump, DateTimeOffset Now)
{
    private static readonly Dictionary<string, object?>[] SiteDb = [HubDump.Entry("2026-11-25T19:00:20Z", "Compliant; notification - virtualmachines [db-0, db-1] was updated successfully in namespace finance")];

    public static DateTimeOffset At(string time) => DateTimeOffset.Parse("2026-11-25T" + time + "Z", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<RehearsalScenario> All { get; } =
    [
        new("all-moved", FlipScenarios.After(), At("19:30:00")),
        new("one-vm-not-moved", OneNotMoved(), At("19:26:00")),
        new("tier-waiting", TierWaiting(), At("19:10:00")),
        new("cluster-silent", FlipScenarios.ClusterMissing(), At("19:30:00")),
        new("rto-missed", RtoMissed(), At("19:40:00")),
    ];

    public static RehearsalScenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>Runs <c>acmdr report</c> on the scenario's dump and the example inventory with the clock at <see cref="Now"/>.</summary>
    public async Task<CliResult> ReportAsync(TempDir dir, string format, params string[] more)
    {
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("dump.yaml", Dump.Yaml());
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, dir.Path, new FakeTimeProvider(Now));
        var exit = await CliApp.RunAsync(["report", "-i", "inventory/apps.csv", "-f", "dump.yaml", "-o", format, .. more], io);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Tier 1 moved by 19:08; web-0's placement was set at 19:09 but it does not run at DR.</summary>
    private static HubDump OneNotMoved() => new HubDump()
        .Switch("DR", FlipScenarios.History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "NonCompliant"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant", SiteDb,
        [
            HubDump.Entry("2026-11-25T19:08:00Z", HubDump.Running("db-0, db-1", "finance")),
            HubDump.Entry("2026-11-25T19:05:00Z", HubDump.Running("db-0", "finance") + "; " + HubDump.NotRunning("db-1", "finance")),
        ])
        .Replicated("dr-web", "web", 2, "stretch-1", "NonCompliant",
            [HubDump.Entry("2026-11-25T19:09:00Z", "Compliant; notification - virtualmachines [web-0] was updated successfully in namespace web")],
            [HubDump.Entry("2026-11-25T19:15:00Z", HubDump.NotRunning("web-0", "web"))]);

    /// <summary>Tier 1 moved by 19:08; at 19:10 tier 2's policy still reports Pending on tier 1 (within its RTO).</summary>
    private static HubDump TierWaiting() => new HubDump()
        .Switch("DR", FlipScenarios.History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Pending"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant", SiteDb,
        [
            HubDump.Entry("2026-11-25T19:08:00Z", HubDump.Running("db-0, db-1", "finance")),
            HubDump.Entry("2026-11-25T19:05:00Z", HubDump.Running("db-0", "finance") + "; " + HubDump.NotRunning("db-1", "finance")),
        ])
        .Replicated("dr-web", "web", 2, "stretch-1", "Pending",
            [HubDump.Entry("2026-11-25T19:00:30Z", HubDump.PendingOn("dr-tier-1"))],
            [HubDump.Entry("2026-11-25T19:00:30Z", HubDump.PendingOn("dr-tier-1"))]);

    /// <summary>Tier 1 took 19 minutes (RTO 15 missed); tier 2 arrived at 19:24 (RTO 30 met, beyond the axis).</summary>
    private static HubDump RtoMissed() => new HubDump()
        .Switch("DR", FlipScenarios.History)
        .Root("dr-db", "db", 1, "finance/db-0,finance/db-1", 15, ("stretch-1", "Compliant"))
        .Root("dr-web", "web", 2, "web/web-0", 30, ("stretch-1", "Compliant"))
        .Replicated("dr-db", "db", 1, "stretch-1", "Compliant", SiteDb,
        [
            HubDump.Entry("2026-11-25T19:19:00Z", HubDump.Running("db-0, db-1", "finance")),
            HubDump.Entry("2026-11-25T19:05:00Z", HubDump.Running("db-0", "finance") + "; " + HubDump.NotRunning("db-1", "finance")),
        ])
        .Replicated("dr-web", "web", 2, "stretch-1", "Compliant",
            [HubDump.Entry("2026-11-25T19:20:00Z", "Compliant; notification - virtualmachines [web-0] was updated successfully in namespace web")],
            [HubDump.Entry("2026-11-25T19:24:00Z", HubDump.Running("web-0", "web"))]);
}
