using System.Collections.Concurrent;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Core.Planning;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>The port pages its LISTs: a page size smaller than the objects still reads every one of them, once.</summary>
[TestClass]
public sealed class PagedReadTests
{
    private static ClusterReader Reader(ManagedCluster cluster, int pageSize)
    {
        var retry = new TransientRetry(TimeSpan.FromMilliseconds(250), cluster.Clock, new ConcurrentQueue<string>().Enqueue);
        var port = new KubeManagedCluster(ClusterConnection.Open(cluster.Kubeconfig, null, "managed cluster"), retry) { PageSize = pageSize };
        return new ClusterReader(port, ClusterObjects.SiteLabel);
    }

    private static IReadOnlyList<string> Namespaces(int count) => [.. Enumerable.Range(0, count).Select(i => $"ns-{i}")];

    /// <summary>One namespace is listed on its own; five are listed cluster-wide. 10 VMs in pages of 3: 4 pages.</summary>
    [TestMethod]
    [DataRow(1, "/apis/kubevirt.io/v1/namespaces/ns-0/virtualmachines")]
    [DataRow(5, "/apis/kubevirt.io/v1/virtualmachines")]
    public async Task A_page_size_smaller_than_the_objects_still_reads_every_VM_and_instance(int namespaces, string vmList)
    {
        await using var cluster = await ScaledCluster.StartAsync(10, namespaces);

        var snapshot = await Reader(cluster, 3).SnapshotAsync(Namespaces(namespaces), SnapshotParts.Relocation, CancellationToken.None);

        for (var i = 0; i < 10; i++)
        {
            var vm = new VmRef($"ns-{i % namespaces}", $"vm-{i:0000}");
            snapshot.Vm(vm).Should().NotBeNull(vm.ToString());
            snapshot.Instance(vm).Should().NotBeNull(vm.ToString());
        }

        snapshot.Nodes.Keys.Should().BeEquivalentTo("p-1", "p-2", "d-1", "d-2");
        var pages = cluster.Server.Requests.Entries.Where(r => r.Path == vmList).ToList();
        pages.Should().HaveCount(4).And.OnlyContain(r => r.Query.Contains("limit=3", StringComparison.Ordinal));
        pages.Skip(1).Should().OnlyContain(r => r.Query.Contains("continue=", StringComparison.Ordinal));
        cluster.Server.Requests.Entries.Count(r => r.Path == "/api/v1/nodes").Should().Be(2, "4 nodes in pages of 3");
    }

    [TestMethod]
    public async Task A_continue_token_answered_410_starts_the_list_again_from_the_first_page()
    {
        await using var cluster = await ScaledCluster.StartAsync(10, 1);
        var rule = new FaultRule { Kind = FaultKind.RespondWithStatus, Method = "GET", PathPattern = "/virtualmachines$", StatusCode = 410, SkipMatches = 1, Times = 1 };
        cluster.Server.Faults.Add(rule);

        var snapshot = await Reader(cluster, 3).SnapshotAsync(["ns-0"], SnapshotParts.Vms, CancellationToken.None);

        Enumerable.Range(0, 10).Should().OnlyContain(i => snapshot.Vm(new VmRef("ns-0", $"vm-{i:0000}")) != null);
        cluster.Server.Faults.FiredCount(rule).Should().Be(1);
        cluster.Server.Requests.Entries.Select(r => r.Query.Contains("continue=", StringComparison.Ordinal)).Should()
            .Equal([false, true, false, true, true, true], "the first page, its expired continuation, then the whole list again");
    }
}
