using System.Collections.Concurrent;
using AcmDr.Cli.Cluster;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Managed;
using AcmDr.Core.Managed;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Break glass's patching over the scope a mixed plan gives, against a fake cluster that also holds the dual-cluster
/// apps' VMs under the same names: the request log shows none of them read one by one or written.
/// </summary>
[TestClass]
public sealed class DualBreakGlassLiveTests
{
    [TestMethod]
    public async Task Break_glass_over_a_mixed_plans_scope_never_touches_a_dual_apps_VM()
    {
        await using var cluster = await ManagedCluster.StartAsync(DualInventory.Csv);
        foreach (var (ns, name) in new[] { ("finance", "db-0"), ("finance", "db-1"), ("web", "web-0"), ("erp", "erp-0"), ("erp", "erp-1"), ("crm", "crm-0") })
        {
            cluster.AddRunningVm(ns, name, "Primary", "p-1");
        }

        var port = new KubeManagedCluster(ClusterConnection.Open(cluster.Kubeconfig, null, "managed cluster"),
            new TransientRetry(TimeSpan.FromMilliseconds(250), cluster.Clock, new ConcurrentQueue<string>().Enqueue));
        var reader = new ClusterReader(port, ClusterObjects.SiteLabel);
        var plan = DualInventory.Plan;
        var scope = ManagedScope.Select(plan, ManagedScope.Cluster(plan, null, port.Context), [], []);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, cluster.Dir.Path, cluster.Clock);
        var snapshot = await reader.SnapshotAsync(scope.Select(v => v.Vm.Namespace), SnapshotParts.Vms, CancellationToken.None);

        var outcome = await new BreakGlassLive(port, reader, io, ClusterObjects.SiteLabel, "DR", 4, new PatchProgress.Plain())
            .RunAsync(scope, snapshot, dryRun: false, CancellationToken.None);

        outcome.Set.Should().Be(3);
        cluster.Writes().Select(r => r.Path.Split('/')[^1]).Should().BeEquivalentTo("db-0", "db-1", "web-0");
        cluster.Server.Requests.Entries.Should().NotContain(r => r.Path.Contains("/namespaces/erp/", StringComparison.Ordinal) || r.Path.Contains("/namespaces/crm/", StringComparison.Ordinal));
        foreach (var (ns, name) in new[] { ("erp", "erp-0"), ("erp", "erp-1"), ("crm", "crm-0") })
        {
            cluster.Vm(ns, name)!["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>().Should().Be("Primary");
        }
    }
}
