using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Compliance;
using AcmDr.Core.Planning;
using AcmDr.FakeKube;
using FluentAssertions;
using k8s.Autorest;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// The managed-cluster port over KubernetesClient and the one reader of where VMs run: report's ground
/// truth reads what relocation decides on, reads are retried under the one policy, moves are sent once.
/// </summary>
[TestClass]
public sealed class ManagedClusterPortTests
{
    private static readonly Workload[] Workloads =
    [
        new("db", 1, "finance", "db-0", ManagedCluster.Cluster, 15),
        new("web", 2, "web", "web-0", ManagedCluster.Cluster, 30),
        new("web", 2, "web", "web-1", ManagedCluster.Cluster, 30),
        new("erp", 1, "erp", "erp-0", "other", null),
    ];

    private static (KubeManagedCluster Port, ConcurrentQueue<string> Notes) Open(ManagedCluster cluster)
    {
        var notes = new ConcurrentQueue<string>();
        var retry = new TransientRetry(TimeSpan.FromMilliseconds(250), cluster.Clock, notes.Enqueue);
        return (new KubeManagedCluster(ClusterConnection.Open(cluster.Kubeconfig, null, "managed cluster"), retry, ManagedCluster.Cluster), notes);
    }

    [TestMethod]
    public async Task Ground_truth_gives_each_VM_of_the_cluster_its_instance_node_and_that_nodes_site()
    {
        await using var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "DR", "d-2");
        var web = ClusterObjects.Instance("web", "web-0", "p-1");
        ((JsonObject)web["status"]!).Remove("nodeName");
        cluster.Server.Store.Put(web);
        var (port, _) = Open(cluster);

        var truth = await new ClusterReader(port, ClusterObjects.SiteLabel).GroundTruthAsync(ManagedCluster.Cluster, Workloads, CancellationToken.None);

        truth.Should().Equal(
            new VmGroundTruth("finance", "db-0", ManagedCluster.Cluster, "Running", "d-2", "DR"),
            new VmGroundTruth("web", "web-0", ManagedCluster.Cluster, "Running", "p-1", "Primary"),
            new VmGroundTruth("web", "web-1", ManagedCluster.Cluster, null, null, null));
    }

    [TestMethod]
    public async Task A_read_answered_503_is_read_again_after_the_policys_pause_and_noted_with_the_cluster()
    {
        await using var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "DR", "d-1");
        cluster.Server.Faults.Add(FaultRule.Status("GET", "/api/v1/nodes", 503, times: 1));
        var (port, notes) = Open(cluster);

        var truth = await new ClusterReader(port, ClusterObjects.SiteLabel).GroundTruthAsync(ManagedCluster.Cluster, Workloads, CancellationToken.None);

        truth[0].NodeSite.Should().Be("DR");
        notes.Should().Equal("listing nodes on stretch-1: the cluster answered 503; retrying in 250ms (1/5)");
        cluster.Clock.Elapsed.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [TestMethod]
    public async Task A_cluster_lost_during_ground_truth_is_one_user_error_with_exit_3_after_every_attempt()
    {
        var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        var (port, notes) = Open(cluster);
        await cluster.Server.DisposeAsync();

        var read = () => new ClusterReader(port, ClusterObjects.SiteLabel).GroundTruthAsync(ManagedCluster.Cluster, Workloads, CancellationToken.None);

        var error = (await read.Should().ThrowAsync<AcmDrException>()).Which;
        error.ExitCode.Should().Be(ExitCodes.ClusterUnavailable);
        error.Message.Should().Contain("nodes and virtualmachineinstances").And.Contain(port.Server).And.EndWith("(gave up after 6 attempts)");
        notes.Should().HaveCount(5);
        cluster.Dir.Dispose();
    }

    [TestMethod]
    public async Task Creating_a_migration_and_restarting_are_sent_once_even_when_the_cluster_answers_503()
    {
        await using var cluster = await ManagedCluster.StartAsync(Infrastructure.Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.Server.Faults.Add(FaultRule.Status("POST", "virtualmachineinstancemigrations", 503));
        cluster.Server.Faults.Add(FaultRule.Status("PUT", "/restart$", 503));
        var (port, notes) = Open(cluster);
        var vm = new VmRef("finance", "db-0");

        var create = () => port.CreateMigrationAsync("finance", MigrationStatus.New("finance", "db-0"), CancellationToken.None);
        var restart = () => port.RestartAsync(vm, CancellationToken.None);

        (await create.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        (await restart.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        cluster.Writes().Select(r => r.Method).Should().Equal("POST", "PUT");
        notes.Should().BeEmpty();
        cluster.Clock.Elapsed.Should().Be(TimeSpan.Zero);
    }
}
