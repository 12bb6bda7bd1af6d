using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// Break glass and relocate on a mixed inventory, through the command line against a fake managed cluster that
/// also holds the dual-cluster apps' VMs: acmdr never writes one of them, and says so once per run.
/// </summary>
[TestClass]
public sealed class DualBreakGlassTests
{
    private static readonly string[] DualVms = ["erp-0", "erp-1", "crm-0"];

    private static async Task<ManagedCluster> MixedClusterAsync()
    {
        var cluster = await ManagedCluster.StartAsync(DualInventory.Csv);
        cluster.Dir.File("inventory/acmdr.yaml", DualInventory.SettingsYaml);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("finance", "db-1", "Primary", "p-2");
        cluster.AddRunningVm("web", "web-0", "Primary", "p-1");
        cluster.AddRunningVm("erp", "erp-0", "Primary", "p-1");
        cluster.AddRunningVm("erp", "erp-1", "Primary", "p-2");
        cluster.AddRunningVm("crm", "crm-0", "Primary", "p-1");
        return cluster;
    }

    private static IEnumerable<string> LeftOutLines(CliResult result) =>
        result.Err.Split('\n').Where(l => l.Contains("leaves out the dual-cluster app", StringComparison.Ordinal));

    [TestMethod]
    public async Task Breakglass_never_writes_a_dual_apps_VM_and_names_the_dual_apps_in_one_line()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        cluster.Writes().Select(r => r.Path.Split('/')[^1]).Should().BeEquivalentTo("db-0", "db-1", "web-0");
        cluster.Server.Requests.Entries.Should().NotContain(r => DualVms.Any(vm => r.Path.EndsWith("/" + vm, StringComparison.Ordinal)), "not even read one by one");
        LeftOutLines(result).Should().ContainSingle().Which.Should().Be(
            "acmdr: breakglass leaves out the dual-cluster apps erp, crm: Ramen moves them, and acmdr never starts, stops or deletes their VMs; "
            + "see the README's Dual-cluster topology (break glass); 'acmdr breakglass --render --to DR' renders their DRPlacementControl changes for the hub");
        result.Out.Should().NotContain("erp").And.NotContain("crm");
    }

    [TestMethod]
    public async Task A_rendered_folder_holds_no_dual_apps_VM_and_says_so_once()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--render", "out");

        result.ExitCode.Should().Be(0, result.ToString());
        Directory.EnumerateFiles(cluster.Dir.File("out"), "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains("erp", StringComparison.Ordinal) || f.Contains("crm", StringComparison.Ordinal));
        LeftOutLines(result).Should().ContainSingle();
    }

    [TestMethod]
    public async Task Render_without_a_folder_writes_the_DRPCs_to_the_file_and_touches_no_cluster()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--render", "--to", "DR", "--unplanned", "--output-file", "drpcs.yaml");

        result.ExitCode.Should().Be(0, result.ToString());
        cluster.Server.Requests.Entries.Should().BeEmpty("the DRPCs are rendered from the inventory alone");
        var yaml = File.ReadAllText(cluster.Dir.File("drpcs.yaml"));
        CrdValidator.Shared.Validate(yaml).Should().BeEmpty(yaml);
        YamlJson.ParseDocuments(yaml).Select(d => $"{d!["metadata"]!["name"]} {d["spec"]!["action"]} {d["spec"]!["failoverCluster"]}").Should().Equal("dr-erp Failover west", "dr-crm Failover west");
        result.Out.Should().StartWith("rendered DRPlacementControl changes of 2 dual-cluster apps to DR (unplanned: Failover) in drpcs.yaml\n")
            .And.Contain("  oc apply -f drpcs.yaml -l acmdr.io/tier=1; ");
        result.Err.Should().Contain("left out: db, web ('acmdr breakglass --render DIR' renders their VMs)")
            .And.Contain("make the switch agree first: acmdr flip --to DR --app erp --app crm --kubeconfig HUB_KUBECONFIG --unplanned");
    }

    [TestMethod]
    public async Task Render_without_a_folder_or_file_puts_only_the_YAML_on_stdout()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--render", "--to", "Primary", "--app", "erp");

        result.ExitCode.Should().Be(0, result.ToString());
        var documents = YamlJson.ParseDocuments(result.Out);
        documents.Should().ContainSingle();
        documents[0]!["spec"]!["action"]!.GetValue<string>().Should().Be("Relocate");
        documents[0]!["spec"]!["preferredCluster"]!.GetValue<string>().Should().Be("east", "failback relocates to the home cluster");
        result.Err.Should().NotContain("left out");
    }

    [TestMethod]
    public async Task Unplanned_without_render_is_refused()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--unplanned");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: --unplanned and --output-file go with --render without a folder (the dual-cluster apps' DRPlacementControls)\n");
        cluster.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    public async Task Breakglass_of_only_a_dual_app_is_refused_writing_nothing()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--app", "erp");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().StartWith("acmdr: no VM of the inventory on cluster 'stretch-1' matches the --app/--tier scope but dual-cluster apps (erp): Ramen moves them");
        cluster.Writes().Should().BeEmpty();
    }

    [TestMethod]
    public async Task Relocate_leaves_the_dual_apps_out_in_one_line()
    {
        await using var cluster = await MixedClusterAsync();

        var result = await cluster.RunAsync("relocate", "--to", "DR", "--dry-run");

        LeftOutLines(result).Should().ContainSingle().Which.Should().Be(
            "acmdr: relocate leaves out the dual-cluster apps erp, crm: Ramen moves them, and acmdr never starts, stops or deletes their VMs; acmdr flip moves them through Ramen");
        result.Out.Should().NotContain("erp").And.NotContain("crm");
        cluster.Writes().Should().BeEmpty();
    }
}
