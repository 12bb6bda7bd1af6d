using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

[TestClass]
public sealed class BreakGlassTests
{
    private static async Task<ManagedCluster> ExampleClusterAsync(bool withWeb = true)
    {
        var cluster = await ManagedCluster.StartAsync(Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("finance", "db-1", "Primary", "p-2");
        if (withWeb)
        {
            cluster.AddRunningVm("web", "web-0", "Primary", "p-1");
        }

        return cluster;
    }

    [TestMethod]
    public async Task Sets_only_the_site_key_of_each_VM_tier_by_tier()
    {
        await using var cluster = await ExampleClusterAsync();
        var before = new[] { ("finance", "db-0"), ("finance", "db-1"), ("web", "web-0") }.ToDictionary(v => v, v => cluster.Vm(v.Item1, v.Item2)!);

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (var ((ns, name), old) in before)
        {
            var now = cluster.Vm(ns, name)!;
            now["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>().Should().Be("DR");
            JsonNode.DeepEquals(WithoutSiteAndVersion(now), WithoutSiteAndVersion(old)).Should().BeTrue($"{ns}/{name} must change only in its site key:\n{now}");
        }

        var patches = cluster.Writes();
        patches.Should().OnlyContain(r => r.Method == "PATCH" && r.ContentType!.StartsWith("application/merge-patch+json", StringComparison.Ordinal));
        var patched = patches.Select(r => r.Path.Split('/')[^1]).ToList();
        patched.Take(2).Should().BeEquivalentTo(["db-0", "db-1"], "tier 1 is patched in parallel, and wholly before tier 2");
        patched.Skip(2).Should().Equal("web-0");
        result.Out.Should().Contain("tier 1:\n  finance/db-0: topology.kubernetes.io/site Primary -> DR\n  finance/db-1: topology.kubernetes.io/site Primary -> DR\ntier 2:\n  web/web-0: ");
        result.Err.Should().Contain("acmdr flip --to DR --kubeconfig HUB_KUBECONFIG");
    }

    [TestMethod]
    public async Task A_missing_VM_is_reported_the_rest_set_and_exit_is_1()
    {
        await using var cluster = await ExampleClusterAsync(withWeb: false);

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Err.Should().Contain("web/web-0: not found");
        result.Out.Should().Contain("not set: web/web-0");
        cluster.Vm("finance", "db-0")!["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>().Should().Be("DR");
        cluster.Vm("finance", "db-1")!["spec"]!["template"]!["spec"]!["nodeSelector"]![ClusterObjects.SiteLabel]!.GetValue<string>().Should().Be("DR");
    }

    [TestMethod]
    public async Task Dry_run_prints_the_patches_and_writes_nothing()
    {
        await using var cluster = await ExampleClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--tier", "1", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("finance/db-0: would set").And.Contain("""{"spec":{"template":{"spec":{"nodeSelector":{"topology.kubernetes.io/site":"DR"}}}}}""");
        result.Out.Should().NotContain("web-0");
        cluster.Writes().Should().BeEmpty();
        result.Err.Should().Contain("acmdr flip --to DR --tier 1");
    }

    [TestMethod]
    public async Task Unknown_site_is_refused_with_exit_4_before_touching_the_cluster()
    {
        await using var cluster = await ExampleClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "Mars");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Contain("'Mars' is not one of the sites");
        cluster.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    public async Task Unreachable_cluster_exits_3()
    {
        var cluster = await ExampleClusterAsync();
        await cluster.Server.DisposeAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().Contain("cannot reach");
        cluster.Dir.Dispose();
    }

    [TestMethod]
    public async Task Several_clusters_need_the_cluster_named_unless_the_context_names_one()
    {
        await using var cluster = await ManagedCluster.StartAsync(Inventories.Header + "\nerp,1,erp,erp-0,other,,\ndb,1,finance,db-0,stretch-1,,\n");
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");

        var byContext = await cluster.RunAsync("breakglass", "--to", "DR");
        var wrong = await cluster.RunAsync("breakglass", "--to", "DR", "--cluster", "nowhere");

        byContext.ExitCode.Should().Be(0, byContext.ToString());
        byContext.Out.Should().Contain("cluster stretch-1").And.NotContain("erp-0");
        byContext.Err.Should().Contain("acmdr flip --to DR --app db --kubeconfig");
        wrong.ExitCode.Should().Be(2);
    }

    private static JsonObject WithoutSiteAndVersion(JsonObject vm)
    {
        var copy = (JsonObject)vm.DeepClone();
        ((JsonObject)copy["spec"]!["template"]!["spec"]!["nodeSelector"]!).Remove(ClusterObjects.SiteLabel);
        var metadata = (JsonObject)copy["metadata"]!;
        metadata.Remove("resourceVersion");
        metadata.Remove("generation");
        return copy;
    }
}
