using System.Text.Json.Nodes;
using FluentAssertions;
using static AcmDr.Cli.Tests.Isolated.IsolatedRuns;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>The preflight refuses before anything is created: exit 4 (or 2), one line per finding naming the object, no POST but the access reviews.</summary>
[TestClass]
public sealed class IsolatedRefusalTests
{
    [TestMethod]
    public async Task A_StorageClass_without_a_VolumeSnapshotClass_is_refused_with_exit_4_and_nothing_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.RemoveSnapshotClass();

        var result = await world.RunAsync("rehearse", "--isolated", "--tier", "2");

        AssertRefused(world, result, "ocs-rbd");
    }

    [TestMethod]
    public async Task A_denied_right_is_refused_with_exit_4_naming_it_and_nothing_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Deny("create", "datavolumes/source.cdi.kubevirt.io", "shop");

        var result = await world.RunAsync("rehearse", "--isolated", "--tier", "2");

        AssertRefused(world, result, "datavolumes/source");
        result.Err.Should().Contain("shop");
    }

    [TestMethod]
    public async Task Too_little_free_capacity_at_the_DR_site_is_refused_with_exit_4_and_nothing_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.ShrinkDr("1", "64Gi");

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "site DR");
        result.Err.Should().Contain("CPU");
    }

    [TestMethod]
    public async Task A_missing_KubeVirt_feature_is_refused_with_exit_4_and_nothing_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.DropSnapshotGate();

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "Snapshot");
    }

    [TestMethod]
    public async Task A_missing_network_binding_plugin_is_refused_with_exit_4_and_nothing_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.DropL2Bridge();

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "l2bridge");
    }

    [TestMethod]
    public async Task A_VM_on_a_network_that_cannot_be_mapped_is_refused_before_anything_is_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.AddSriovNetwork("payments", "db-1");

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "sriov-net");
        result.Err.Should().Contain("payments/db-1");
    }

    [TestMethod]
    public async Task A_VM_on_a_network_whose_attachment_is_missing_is_refused_before_anything_is_created()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.AddMissingNadNetwork("shop", "web-1");

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "vlan200");
    }

    [TestMethod]
    public async Task A_secret_volume_is_refused_since_only_disks_are_copied()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.AddVolume("payments", "db-2", new JsonObject { ["name"] = "cfg", ["secret"] = new JsonObject { ["secretName"] = "db-2-cfg" } });

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "payments/db-2");
    }

    [TestMethod]
    public async Task An_id_in_use_is_refused_naming_the_cleanup_command()
    {
        await using var world = await IsolationWorld.StartAsync();
        var first = await world.RunAsync("rehearse", "--isolated", "--id", "dup", "--keep", "--tier", "1");
        first.ExitCode.Should().Be(0, first.ToString());
        var writes = world.Writes().Count;

        var second = await world.RunAsync("rehearse", "--isolated", "--id", "dup", "--tier", "2");

        second.ExitCode.Should().Be(4, second.ToString());
        second.Err.Should().Contain("acmdr rehearse --cleanup --id dup");
        world.Writes().Should().HaveCount(writes, "the second run created nothing");
    }

    [TestMethod]
    public async Task A_VM_missing_from_the_cluster_is_refused_naming_it()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.Delete(AcmDr.Cli.Cluster.ApiResource.VirtualMachines, "shop", "web-1");

        var result = await world.RunAsync("rehearse", "--isolated");

        AssertRefused(world, result, "shop/web-1");
    }

    [TestMethod]
    public async Task An_unreachable_cluster_exits_3()
    {
        var world = await IsolationWorld.StartAsync();
        await world.Server.DisposeAsync();

        var result = await world.RunAsync("rehearse", "--isolated");

        result.ExitCode.Should().Be(3, result.ToString());
        ErrLines(result)[^1].Should().Contain("cannot reach");
        world.Dir.Dispose();
    }

    private static void AssertRefused(IsolationWorld world, Infrastructure.CliResult result, string named)
    {
        result.ExitCode.Should().Be(4, result.ToString());
        var lines = ErrLines(result);
        lines.Should().ContainSingle(result.ToString()).Which.Should().StartWith("acmdr: ").And.Contain(named);
        result.Out.Should().BeEmpty("no report: nothing ran");
        world.Requests.Entries.Where(r => r.Method == "POST").Should().OnlyContain(r => r.Path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            "the preflight creates nothing: its only POSTs are access reviews");
        world.Writes().Should().BeEmpty();
        world.Bubbles().Should().BeEmpty();
    }
}
