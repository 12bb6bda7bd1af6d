using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// generate, load into a fake hub, a real <c>acmdr flip</c>, then status propagating as ACM would
/// write it: <c>report</c> and <c>wait</c> against the live (fake) hub.
/// </summary>
[TestClass]
public sealed class EndToEndTests
{
    private const string PoliciesPath = "^/apis/policy.open-cluster-management.io/v1/policies$";

    internal static async Task<(FakeHub Hub, Propagation Acm, DateTimeOffset Flip)> FlippedAsync()
    {
        var hub = await FakeHub.StartAsync();
        var acm = new Propagation(hub.Server);
        acm.LoadRoots(hub.Dir.Path);
        var flip = await hub.AcmdrAsync("flip", "--to", "DR", "--reason", "rehearsal");
        flip.ExitCode.Should().Be(0, flip.ToString());
        return (hub, acm, acm.FlipAt());
    }

    /// <summary>Tier 1 runs at DR 8 minutes after the flip; tier 2 waits on it (ACM's dependency Pending).</summary>
    internal static void TierOneMoved(Propagation acm, DateTimeOffset flip)
    {
        acm.Report("dr-db", "stretch-1", "Compliant",
            [(flip.AddMinutes(1), Propagation.AtSite("db-0, db-1", "finance"))],
            [(flip.AddMinutes(8), Propagation.Running("db-0, db-1", "finance")),
             (flip.AddMinutes(3), Propagation.Running("db-0", "finance") + "; " + Propagation.NotRunning("db-1", "finance"))]);
        acm.Report("dr-web", "stretch-1", "Pending",
            [(flip.AddSeconds(30), Propagation.PendingOn("dr-tier-1"))],
            [(flip.AddSeconds(30), Propagation.PendingOn("dr-tier-1"))]);
    }

    internal static void TierTwoMoved(Propagation acm, DateTimeOffset flip, int minutes) =>
        acm.Report("dr-web", "stretch-1", "Compliant",
            [(flip.AddMinutes(minutes - 2), Propagation.AtSite("web-0", "web")), (flip.AddSeconds(30), Propagation.PendingOn("dr-tier-1"))],
            [(flip.AddMinutes(minutes), Propagation.Running("web-0", "web")), (flip.AddSeconds(30), Propagation.PendingOn("dr-tier-1"))]);

    private static JsonElement Tier(JsonElement report, int tier) =>
        report.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("tier").GetInt32() == tier);

    private static JsonElement Vm(JsonElement report, string vm) =>
        report.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("vm").GetString() == vm);

    [TestMethod]
    public async Task Report_follows_the_flip_from_waiting_to_moved_against_the_rtos()
    {
        var (hub, acm, flip) = await FlippedAsync();
        await using var _ = hub;

        TierOneMoved(acm, flip);
        var during = await hub.AcmdrAsync("report", "-o", "json");
        during.ExitCode.Should().Be(1, during.ToString());
        var report = JsonDocument.Parse(during.Out).RootElement;
        report.GetProperty("flipAt").GetString().Should().Be(Propagation.Time(flip)[..19] + "Z");
        report.GetProperty("flips")[0].GetProperty("user").GetString().Should().Be("alice");
        Vm(report, "db-1").GetProperty("verdict").GetString().Should().Be("moved");
        Vm(report, "db-1").GetProperty("since").GetString().Should().Be(Propagation.Time(flip.AddMinutes(8))[..19] + "Z");
        Vm(report, "web-0").GetProperty("verdict").GetString().Should().Be("waiting");
        Vm(report, "web-0").GetProperty("reason").GetString().Should().StartWith("waiting for tier 1");
        Tier(report, 1).GetProperty("durationSeconds").GetInt64().Should().Be(480);
        Tier(report, 1).GetProperty("rto").GetString().Should().Be("met");
        Tier(report, 2).GetProperty("verdict").GetString().Should().Be("waiting");
        Tier(report, 2).GetProperty("rto").GetString().Should().Be("pending");

        TierTwoMoved(acm, flip, minutes: 20);
        var after = await hub.AcmdrAsync("report", "-o", "json");
        after.ExitCode.Should().Be(0, after.ToString());
        report = JsonDocument.Parse(after.Out).RootElement;
        report.GetProperty("verdict").GetString().Should().Be("moved");
        Tier(report, 2).GetProperty("durationSeconds").GetInt64().Should().Be(1200);
        Tier(report, 2).GetProperty("rto").GetString().Should().Be("met");

        var table = await hub.AcmdrAsync("report");
        table.ExitCode.Should().Be(0);
        table.Out.Should().Contain("8m00s").And.Contain("20m00s").And.Contain("15m met").And.Contain("30m met").And.Contain("3/3 VMs at DR");
        var markdown = await hub.AcmdrAsync("report", "-o", "markdown");
        markdown.Out.Should().Contain("| 1 |").And.Contain("8m00s").And.Contain("finance/db-0");
        var junit = XDocument.Parse((await hub.AcmdrAsync("report", "-o", "junit")).Out);
        junit.Descendants("testcase").Should().HaveCount(3);
        junit.Descendants("failure").Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_tier_that_took_longer_than_its_rto_is_missed()
    {
        var (hub, acm, flip) = await FlippedAsync();
        await using var _ = hub;
        TierOneMoved(acm, flip);
        TierTwoMoved(acm, flip, minutes: 42);

        var result = await hub.AcmdrAsync("report", "-o", "json");

        result.ExitCode.Should().Be(0, "everything moved, late");
        var report = JsonDocument.Parse(result.Out).RootElement;
        Tier(report, 2).GetProperty("durationSeconds").GetInt64().Should().Be(42 * 60);
        Tier(report, 2).GetProperty("rto").GetString().Should().Be("missed");
        Tier(report, 1).GetProperty("rto").GetString().Should().Be("met");
    }

    [TestMethod]
    public async Task Wait_watches_until_the_last_tier_moves()
    {
        var (hub, acm, flip) = await FlippedAsync();
        await using var _ = hub;
        TierOneMoved(acm, flip);
        hub.Server.Requests.Clear();

        var waiting = hub.AcmdrAsync("wait", "--to", "DR", "--timeout", "20s");
        await UntilAsync(() => hub.Server.Requests.Entries.Any(r => r.Path.Contains("/policies", StringComparison.Ordinal) && r.Query.Contains("watch=true", StringComparison.Ordinal)));
        TierTwoMoved(acm, flip, minutes: 20);
        var result = await waiting;

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Contain("tier 2: 0/1 waiting").And.Contain("tier 2: 1/1 moved");
        result.Out.Should().Contain("3/3 VMs at DR");
        var lists = hub.Server.Requests.Entries.Where(r => r.Method == "GET" && r.Path.EndsWith("/policies", StringComparison.Ordinal)
            && !r.Query.Contains("watch=true", StringComparison.Ordinal)).ToList();
        lists.Should().HaveCount(1, "wait lists once and then follows the watch, it does not poll");
    }

    [TestMethod]
    public async Task Wait_started_before_the_flip_measures_from_the_flip()
    {
        await using var hub = await FakeHub.StartAsync();
        var acm = new Propagation(hub.Server);
        acm.LoadRoots(hub.Dir.Path);
        var waiting = hub.AcmdrAsync("wait", "--to", "DR", "--timeout", "2m", "-o", "json");
        await UntilAsync(() => hub.Server.Requests.Entries.Count(r => r.Query.Contains("watch=true", StringComparison.Ordinal)) >= 2);

        var flipped = await hub.AcmdrAsync("flip", "--to", "DR");
        flipped.ExitCode.Should().Be(0, flipped.ToString());
        var flip = acm.FlipAt();
        TierOneMoved(acm, flip);
        TierTwoMoved(acm, flip, minutes: 20);
        var result = await waiting;

        result.ExitCode.Should().Be(0, result.ToString());
        var report = JsonDocument.Parse(result.Out).RootElement;
        report.GetProperty("flipAt").GetString().Should().Be(Propagation.Time(flip)[..19] + "Z", "the switch is watched too");
        Tier(report, 2).GetProperty("durationSeconds").GetInt64().Should().Be(1200);
        Tier(report, 2).GetProperty("rto").GetString().Should().Be("met");
    }

    [TestMethod]
    public async Task Wait_gives_up_at_the_timeout_when_a_tier_never_moves()
    {
        var (hub, acm, flip) = await FlippedAsync();
        await using var _ = hub;
        TierOneMoved(acm, flip);

        var result = await hub.AcmdrAsync("wait", "--to", "DR", "--timeout", "3s", "-o", "json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Err.Should().Contain("timed out");
        Vm(JsonDocument.Parse(result.Out).RootElement, "web-0").GetProperty("verdict").GetString().Should().Be("waiting");
    }

    /// <summary>A managed cluster where db-0 and web-0 run at DR and db-1 still at Primary, and its kubeconfig.</summary>
    internal static async Task<(FakeApiServer Managed, string Kubeconfig)> ManagedAsync(FakeHub hub)
    {
        var managed = await FakeApiServer.StartAsync();
        var kubeconfig = hub.Dir.File("managed-kubeconfig");
        managed.WriteKubeconfig(kubeconfig, context: "stretch-1", user: "viewer");
        ManagedObjects.Node(managed, "node-a", "DR");
        ManagedObjects.Node(managed, "node-b", "Primary");
        ManagedObjects.Instance(managed, "finance", "db-0", "Running", "node-a");
        ManagedObjects.Instance(managed, "finance", "db-1", "Running", "node-b");
        ManagedObjects.Instance(managed, "web", "web-0", "Running", "node-a");
        ManagedObjects.Vm(managed, "finance", "db-1", "DR");
        return (managed, kubeconfig);
    }

    private static void DbOneStillAtPrimary(CliResult result)
    {
        result.ExitCode.Should().Be(1, result.ToString());
        var report = JsonDocument.Parse(result.Out).RootElement;
        Vm(report, "db-0").GetProperty("verdict").GetString().Should().Be("moved");
        Vm(report, "web-0").GetProperty("verdict").GetString().Should().Be("moved");
        Vm(report, "db-1").GetProperty("verdict").GetString().Should().Be("notMoved", "the policy says Running, the node says Primary");
        Vm(report, "db-1").GetProperty("reason").GetString().Should().Be(
            "runs on node node-b at Primary; not live-migratable, so the flip cannot migrate it; next: acmdr relocate (restarts it at DR)");
        report.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).Should().Contain("managed cluster stretch-1");
    }

    /// <summary>report reads the managed cluster at once; wait when the hub says everything moved.</summary>
    [TestMethod]
    [DataRow("report", new string[0])]
    [DataRow("wait", new[] { "--to", "DR", "--timeout", "30s" })]
    public async Task Ground_truth_from_the_managed_cluster_overrides_the_policy(string command, string[] extra)
    {
        var (hub, acm, flip) = await FlippedAsync();
        await using var _ = hub;
        TierOneMoved(acm, flip);
        TierTwoMoved(acm, flip, minutes: 20);
        var (managed, kubeconfig) = await ManagedAsync(hub);
        await using var __ = managed;

        DbOneStillAtPrimary(await hub.AcmdrAsync([command, .. extra, "-o", "json", "--managed-kubeconfig", kubeconfig]));
    }

    [TestMethod]
    public async Task Wait_refuses_dump_files_and_a_wrong_managed_context_before_waiting()
    {
        await using var hub = await FakeHub.StartAsync();
        var (managed, kubeconfig) = await ManagedAsync(hub);
        await using var _ = managed;

        var files = await hub.AcmdrAsync("wait", "--to", "DR", "-f", hub.Dir.File("dump.yaml", "kind: List\nitems: []\n"));
        var context = await hub.AcmdrAsync("wait", "--to", "DR", "--timeout", "10m", "--managed-kubeconfig", kubeconfig, "--managed-context", "nowhere");

        files.ExitCode.Should().Be(2, files.ToString());
        files.Err.Should().Contain("acmdr report -f");
        context.ExitCode.Should().Be(3, context.ToString());
        context.Err.Should().Contain("context 'nowhere' not found");
    }

    [TestMethod]
    public async Task Forbidden_list_of_policies_exits_3_with_one_line()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("GET", PoliciesPath, 403));

        var result = await hub.AcmdrAsync("report", "--to", "DR");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Trim().Split('\n').Should().ContainSingle();
        result.Err.Should().Contain("policies").And.NotContain("   at ");
    }

    internal static async Task UntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(50, limit.Token);
        }
    }
}
