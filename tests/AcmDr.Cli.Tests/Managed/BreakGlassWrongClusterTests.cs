using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Break glass and relocate pointed at the wrong cluster: the kubeconfig's context is stretch-1, and
/// most of the scope's VMs are not there. Also the hub flip hint's scope, and render's apply commands.
/// </summary>
[TestClass]
public sealed class BreakGlassWrongClusterTests
{
    // db spans both clusters, web and mon share tier 2 across them, erp (tier 3) is on stretch-1 only.
    private const string Shared = Inventories.Header + "\n"
        + "db,1,finance,db-0,stretch-1,,\n"
        + "db,1,finance,db-9,stretch-2,,\n"
        + "web,2,web,web-0,stretch-1,,\n"
        + "mon,2,ops,mon-0,stretch-2,,\n"
        + "mon,2,ops,mon-1,stretch-2,,\n"
        + "erp,3,erp,erp-0,stretch-1,,\n";

    private static async Task<ManagedCluster> SharedClusterAsync()
    {
        var cluster = await ManagedCluster.StartAsync(Shared);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("web", "web-0", "Primary", "p-1");
        cluster.AddRunningVm("erp", "erp-0", "Primary", "p-2");
        return cluster;
    }

    private static string Refusal(ManagedCluster cluster) =>
        $"acmdr: context 'stretch-1' ({Server(cluster)}) does not hold 3 of the 3 VMs of --cluster stretch-2 in scope: "
        + "wrong cluster? pass --cluster stretch-1 to act on this context's cluster, or the --context of cluster stretch-2; nothing was written\n";

    private static string Server(ManagedCluster cluster) => cluster.Server.BaseUri.ToString().TrimEnd('/');

    [TestMethod]
    [DataRow("breakglass")]
    [DataRow("breakglass", "--dry-run")]
    [DataRow("relocate")]
    [DataRow("relocate", "--dry-run")]
    public async Task The_wrong_cluster_is_refused_with_exit_2_before_any_write(params string[] command)
    {
        await using var cluster = await SharedClusterAsync();

        var result = await cluster.RunAsync([.. command, "--to", "DR", "--cluster", "stretch-2"]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be(Refusal(cluster));
        result.Out.Should().BeEmpty();
        cluster.Writes().Should().BeEmpty();
        var reads = cluster.Server.Requests.Entries.Select(r => r.Path).ToList();
        reads.Where(p => p.EndsWith("/virtualmachines", StringComparison.Ordinal)).Should().BeEquivalentTo(
            ["/apis/kubevirt.io/v1/namespaces/finance/virtualmachines", "/apis/kubevirt.io/v1/namespaces/ops/virtualmachines"],
            "the check lists each namespace once instead of reading each VM");
        reads.Should().OnlyContain(p => p == "/api/v1/nodes" || p.StartsWith("/apis/kubevirt.io/v1/namespaces/finance/", StringComparison.Ordinal) || p.StartsWith("/apis/kubevirt.io/v1/namespaces/ops/", StringComparison.Ordinal))
            .And.OnlyContain(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries).Length <= 6, "only LISTs: a dry run of relocate reads what it decides on in the same reading");
    }

    [TestMethod]
    public async Task A_brief_failure_of_the_list_is_retried_and_the_wrong_cluster_still_refused()
    {
        await using var cluster = await SharedClusterAsync();
        cluster.Server.Faults.Add(FaultRule.Status("GET", "/namespaces/ops/virtualmachines$", 503, times: 1));

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--cluster", "stretch-2");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().EndWith(Refusal(cluster));
        cluster.Writes().Should().BeEmpty();
    }

    [TestMethod]
    public async Task A_namespace_whose_list_is_forbidden_is_not_counted_and_its_VMs_are_read_one_by_one()
    {
        await using var cluster = await SharedClusterAsync();
        cluster.Server.Faults.Add(FaultRule.Status("GET", "/namespaces/finance/virtualmachines$", 403));

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--tier", "1");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("  finance/db-0: topology.kubernetes.io/site Primary -> DR\n");
    }

    [TestMethod]
    public async Task Half_of_the_scope_missing_goes_on_and_reports_the_missing_VMs()
    {
        await using var cluster = await ManagedCluster.StartAsync(Inventories.Example + "web,2,web,web-1,stretch-1,30,db\n");
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("web", "web-0", "Primary", "p-1");

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("set 2, already DR 0, not set 2 of 4 VMs\n  not set: finance/db-1: not found on ").And.Contain("  not set: web/web-1: not found on ");
    }

    [TestMethod]
    public async Task The_hub_flip_hint_names_whole_tiers_and_apps_and_warns_about_an_app_also_on_another_cluster()
    {
        await using var cluster = await SharedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Be(
            "acmdr: warning: once the hub is back, its enforce policies set the hub's site on these VMs again; make the hub agree before it reconnects: "
            + "acmdr flip --to DR --app web --tier 3 --kubeconfig HUB_KUBECONFIG\n"
            + "acmdr: warning: app db also has VMs on stretch-2, and the hub's switch is per app and tier: "
            + "'acmdr flip --to DR --app db --kubeconfig HUB_KUBECONFIG' would move those too; run it only once they should move as well\n");
    }

    [TestMethod]
    public async Task Only_an_app_shared_with_another_cluster_gets_no_flip_but_the_warning()
    {
        await using var cluster = await SharedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--app", "db");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().StartWith(
            "acmdr: warning: once the hub is back, its enforce policies set the hub's site on these VMs again, and no hub flip covers only what was done here:\n"
            + "acmdr: warning: app db also has VMs on stretch-2");
        result.Err.Should().NotContain("make the hub agree before it reconnects");
    }

    [TestMethod]
    public async Task Render_into_a_path_ending_in_a_slash_prints_the_tier_commands_in_order_without_a_double_slash()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);

        var result = await CliRunner.RunAsync(dir.Path, "breakglass", "--to", "DR", "--render", "out/");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be(
            "rendered 3 VMs of cluster stretch-1 to DR in out (6 files)\n"
            + "apply tier by tier, lowest first (2 tiers):\n"
            + "  oc apply -k out/tier-1\n"
            + "  oc apply -k out/tier-2\n"
            + "or all tiers at once, in kustomize's order and not tier by tier: oc apply -k out\n");
        File.Exists(Path.Combine(dir.Path, "out", "tier-2", "web.web-0.yaml")).Should().BeTrue();
    }
}
