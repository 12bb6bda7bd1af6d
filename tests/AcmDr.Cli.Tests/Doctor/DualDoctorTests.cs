using System.Collections.Concurrent;
using AcmDr.Cli.Doctor;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Tests.Managed;
using AcmDr.Core.Doctor;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Doctor;

/// <summary>Doctor's checks of Ramen on the hub for the dual-cluster apps, read from a fake hub by the real client.</summary>
[TestClass]
public sealed class DualDoctorTests
{
    private static async Task<IReadOnlyList<string>> CheckAsync(DualHub hub)
    {
        var retry = new TransientRetry(TimeSpan.FromMilliseconds(250), TimeProvider.System, new ConcurrentQueue<string>().Enqueue);
        var reading = await DualDoctorReads.ReadAsync(ClusterConnection.Open(hub.Kubeconfig, null), retry, DualInventory.Plan, CancellationToken.None);
        return [.. DualChecks.Check(DualInventory.Plan, reading).Select(f => f.Line)];
    }

    [TestMethod]
    public async Task A_ready_hub_is_all_ok_read_with_a_get_each_and_one_list_of_DRPCs()
    {
        await using var hub = await DualHub.StartAsync();

        var lines = await CheckAsync(hub);

        lines.Should().OnlyContain(l => l.StartsWith("ok", StringComparison.Ordinal), string.Join('\n', lines));
        lines.Should().HaveCount(4);
        hub.Server.Requests.Entries.Should().OnlyContain(r => r.Method == "GET");
        hub.Server.Requests.Entries.Select(r => r.Path).Should().BeEquivalentTo(
            "/api/v1/namespaces/openshift-gitops",
            "/apis/cluster.open-cluster-management.io/v1/managedclusters/local-cluster",
            "/apis/ramendr.openshift.io/v1alpha1/drpolicies/east-west-5m",
            "/apis/ramendr.openshift.io/v1alpha1/namespaces/openshift-gitops/drplacementcontrols");
    }

    [TestMethod]
    public async Task A_DRPC_with_another_DRPolicy_and_PVC_selector_gives_a_failure_for_each_field()
    {
        await using var hub = await DualHub.StartAsync();
        hub.Server.Store.Put(DualHub.Drpc("dr-erp", "east-west-1m", "erp"));

        var failures = (await CheckAsync(hub)).Where(l => l.StartsWith("fail", StringComparison.Ordinal)).ToList();

        failures.Should().HaveCount(2);
        failures[0].Should().StartWith("fail DRPlacementControl openshift-gitops/dr-erp has drPolicyRef east-west-1m, acmdr generates east-west-5m: drPolicyRef is immutable in Ramen, so policy dr-erp can never be compliant; fix: ");
        failures[1].Should().StartWith("fail DRPlacementControl openshift-gitops/dr-erp has pvcSelector matchLabels {appname: erp}, acmdr generates matchLabels {appname: erp-db}");
    }

    [TestMethod]
    public async Task A_DRPolicy_pairing_other_clusters_and_a_missing_hub_cluster_each_fail()
    {
        await using var hub = await DualHub.StartAsync();
        hub.Server.Store.Put(DualHub.DrPolicy("east-west-5m", "east", "north"));
        hub.Server.Store.Delete("cluster.open-cluster-management.io", "v1", "managedclusters", null, "local-cluster");

        var failures = (await CheckAsync(hub)).Where(l => l.StartsWith("fail", StringComparison.Ordinal)).ToList();

        failures.Should().HaveCount(2);
        failures[0].Should().StartWith("fail ManagedCluster local-cluster not found on the hub");
        failures[1].Should().StartWith("fail DRPolicy east-west-5m pairs east, north on the hub, acmdr.yaml says east and west");
    }

    [TestMethod]
    public async Task A_hub_without_Ramen_or_the_dual_namespace_says_so_without_reading_DRPCs()
    {
        await using var hub = await DualHub.StartAsync();
        hub.Server.Store.Delete("ramendr.openshift.io", "v1alpha1", "drpolicies", null, "east-west-5m");
        hub.Server.Store.Delete(string.Empty, "v1", "namespaces", null, DualHub.Namespace);

        var lines = await CheckAsync(hub);

        lines.Where(l => l.StartsWith("fail", StringComparison.Ordinal)).Should().HaveCount(2);
        lines.Should().Contain(l => l.StartsWith("fail dual namespace openshift-gitops not found on the hub", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("fail DRPolicy east-west-5m not found on the hub", StringComparison.Ordinal));
        hub.Server.Requests.Entries.Should().NotContain(r => r.Path.Contains("drplacementcontrols", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Doctor_on_the_command_line_adds_the_dual_checks_after_the_hubs_and_only_reads()
    {
        await using var hub = await DualHub.StartAsync();
        hub.Server.Store.Put(DualHub.Drpc("dr-erp", "east-west-5m", "erp"));

        var result = await hub.AcmdrAsync("doctor");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Out.Should().Contain("ok   dual namespace openshift-gitops found on the hub\n")
            .And.Contain("fail DRPlacementControl openshift-gitops/dr-erp has pvcSelector matchLabels {appname: erp}, acmdr generates matchLabels {appname: erp-db}");
        hub.Server.Requests.Entries.Should().OnlyContain(r => r.Method == "GET");
    }
}
