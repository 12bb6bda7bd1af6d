using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>Break glass and relocate ride out brief cluster failures instead of giving up.</summary>
[TestClass]
public sealed class TransientFaultTests
{
    private const string VmPath = "/apis/kubevirt.io/v1/namespaces/finance/virtualmachines/db-0";

    [TestMethod]
    public async Task Break_glass_retries_a_503_and_a_dropped_connection()
    {
        await using var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("finance", "db-1", "Primary", "p-2");
        cluster.AddRunningVm("web", "web-0", "Primary", "p-1");
        cluster.Server.Faults.Add(FaultRule.Status("PATCH", VmPath, 503, times: 2));
        cluster.Server.Faults.Add(FaultRule.DropBefore("GET", "/apis/kubevirt.io/v1/namespaces/web/virtualmachines/web-0"));

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Contain("retrying");
        cluster.Vm("finance", "db-0")!["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>().Should().Be("DR");
        cluster.Vm("web", "web-0")!["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>().Should().Be("DR");
    }

    [TestMethod]
    public async Task Relocate_survives_a_lost_migration_answer_without_a_second_migration()
    {
        await using var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "DR", "p-1");
        cluster.AddRunningVm("finance", "db-1", "DR", "p-2");
        cluster.AddRunningVm("web", "web-0", "DR", "p-1");
        _ = cluster.Simulate(TimeSpan.FromMilliseconds(50));
        cluster.Server.Faults.Add(FaultRule.DropAfter("POST", "/apis/kubevirt.io/v1/namespaces/finance/virtualmachineinstancemigrations"));
        cluster.Server.Faults.Add(FaultRule.Status("GET", "/api/v1/nodes", 500, times: 2));

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--poll-interval", "20ms");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("summary: 3 moved, 0 failed, 0 skipped");
        cluster.Migrations().Should().HaveCount(3, "a migration whose answer was lost is waited on, not created again");
    }

    /// <summary>
    /// A restart is done but its answer never arrives; the round is tried again after the retry pause
    /// (250 ms on the injected clock). Slow (1 s): that read finds the instance shutting down. Middling
    /// (300 ms): it finds the instance gone and the VM Starting. Quick (1 ms): it finds the VM at the site
    /// already. Either way one restart is sent and the VM counts as moved.
    /// </summary>
    [TestMethod]
    [DataRow(1000, "finance/db-0: waiting: instance is shutting down")]
    [DataRow(300, "finance/db-0: waiting: VM is Starting")]
    [DataRow(1, "finance/db-0: moved: restarted on d-1 (the restart's answer was lost)")]
    public async Task Relocate_survives_a_lost_restart_answer_without_a_second_restart(int restartMilliseconds, string seen)
    {
        await using var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "DR", "p-1", liveMigratable: false);
        cluster.AddRunningVm("finance", "db-1", "DR", "d-1");
        cluster.AddRunningVm("web", "web-0", "DR", "d-1");
        var kubevirt = cluster.Simulate(TimeSpan.FromMilliseconds(restartMilliseconds));
        cluster.Server.Faults.Add(FaultRule.DropAfter("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/finance/virtualmachines/db-0/restart"));

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--poll-interval", "20ms");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain(seen).And.Contain("summary: 1 moved, 0 failed, 2 skipped", "the restart was ours, its answer lost");
        result.Err.Should().Contain("acmdr: relocation round: ").And.Contain("; retrying in 250ms (1/5)");
        kubevirt.Events.Should().ContainSingle(e => e == "restart db-0");
        cluster.Vm("finance", "db-0")!["status"]!["printableStatus"]!.GetValue<string>().Should().Be("Running");
    }
}
