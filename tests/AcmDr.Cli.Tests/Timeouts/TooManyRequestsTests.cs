using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Timeouts;

/// <summary>
/// A managed cluster that is overloaded answers 429 with Retry-After (API Priority and Fairness):
/// break glass and relocate wait as long as it asked, then go on and finish.
/// </summary>
[TestClass]
public sealed class TooManyRequestsTests
{
    /// <summary>Matches the lists of VMs, per namespace or cluster-wide, not the reads of one VM.</summary>
    private const string VmLists = "/virtualmachines$";

    private static async Task<ManagedCluster> ClusterAsync(string selectorSite)
    {
        var cluster = await ManagedCluster.StartAsync(Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", selectorSite, "p-1");
        cluster.AddRunningVm("finance", "db-1", selectorSite, "p-2");
        cluster.AddRunningVm("web", "web-0", selectorSite, "p-1");
        return cluster;
    }

    private static string? SelectorSite(ManagedCluster cluster, string ns, string name) =>
        cluster.Vm(ns, name)!["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>();

    [TestMethod]
    public async Task Breakglass_waits_the_retry_after_of_a_429_on_its_patch_then_sets_every_VM()
    {
        await using var cluster = await ClusterAsync("Primary");
        var overloaded = FaultRule.Status("PATCH", "/virtualmachines/db-1$", 429, retryAfter: TimeSpan.FromSeconds(3), times: 1);
        cluster.Server.Faults.Add(overloaded);

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        cluster.Server.Faults.FiredCount(overloaded).Should().Be(1);
        result.Err.Should().Contain("the cluster answered 429; retrying in 3s (1/5)");
        cluster.Clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3), "the pause the server asked for, not the own 250ms backoff");
        new[] { ("finance", "db-0"), ("finance", "db-1"), ("web", "web-0") }.Should().OnlyContain(vm => SelectorSite(cluster, vm.Item1, vm.Item2) == "DR");
    }

    [TestMethod]
    public async Task Relocate_dry_run_waits_the_retry_after_of_a_429_on_its_reads_then_answers()
    {
        await using var cluster = await ClusterAsync("DR");
        var overloaded = FaultRule.Status("GET", VmLists, 429, retryAfter: TimeSpan.FromSeconds(2), times: 1);
        cluster.Server.Faults.Add(overloaded);

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        cluster.Server.Faults.FiredCount(overloaded).Should().Be(1);
        result.Err.Should().Contain("the cluster answered 429; retrying in 2s");
        cluster.Clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        result.Out.Should().Contain("dry run: every VM can get there");
    }

    [TestMethod]
    public async Task Relocate_waits_the_retry_after_of_a_429_on_its_reads_then_moves_every_VM()
    {
        await using var cluster = await ClusterAsync("DR");
        cluster.Simulate(TimeSpan.FromMilliseconds(50));
        var overloaded = FaultRule.Status("GET", VmLists, 429, retryAfter: TimeSpan.FromSeconds(2), times: 1);
        cluster.Server.Faults.Add(overloaded);

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--poll-interval", "20ms");

        result.ExitCode.Should().Be(0, result.ToString());
        cluster.Server.Faults.FiredCount(overloaded).Should().Be(1);
        result.Err.Should().Contain("the cluster answered 429; retrying in 2s");
        result.Out.Should().Contain("summary: 3 moved, 0 failed, 0 skipped");
    }
}
