using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Input;

/// <summary>validate on inventories with dual-cluster apps: the mixed sample passes; errors across the CSV and acmdr.yaml each name their file, line and column.</summary>
[TestClass]
public sealed class DualValidateTests
{
    private const string Settings = """
        dual:
          drPolicies:
            - name: east-west-5m
              clusters: [east, west]
          apps:
            web:
              pvcSelector: {matchLabels: {appname: web}}
            erp:
              pvcSelector: {matchLabels: {appname: erp-db}}

        """;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [TestMethod]
    public async Task The_mixed_sample_inventory_is_valid()
    {
        var result = await CliRunner.RunAsync(RepoPaths.Root, "validate", "-i", "inventory/mixed/apps.csv");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be("inventory/mixed/apps.csv: valid: 11 VMs, 7 apps, 3 tiers, 2 clusters\n");
    }

    [TestMethod]
    public async Task Errors_in_the_inventory_and_the_settings_are_listed_each_at_its_file_line_and_column()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n"
            + "web,1,shop,web-0,stretch-1,,,\n"
            + "erp,1,fin,erp-0,east,,,central\n"
            + "crm,2,sales,crm-0,west,,web,east\n");
        var settings = dir.File("inventory/acmdr.yaml", Settings);

        var result = await CliRunner.RunAsync(dir.Path, "validate");

        result.ExitCode.Should().Be(2);
        Lines(result.Err).Should().Equal(
            "inventory/apps.csv:3:8: app 'erp' has peer 'central', a cluster no DRPolicy in " + settings + " names: known clusters are east, west",
            "inventory/apps.csv:4:7: app 'crm' is a dual-cluster app and depends on 'web', a stretched-cluster app: ACM checks dependencies on each cluster and the dual-cluster apps' policies sit on the hub cluster 'local-cluster', so 'crm' would wait forever; depend only on apps of the same topology",
            settings + ":6:5: dual.apps names app 'web', a stretched-cluster app in inventory/apps.csv (it has no peer): a PVC selector applies only to dual-cluster apps",
            "inventory/apps.csv: 3 errors");
    }

    [TestMethod]
    public async Task Several_problems_in_the_dual_section_are_all_listed_by_validate_and_counted_by_generate()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var settings = dir.File("inventory/acmdr.yaml", "dual:\n  namespace: Ramen\n  drPolicies:\n    - name: a\n      clusters: [east]\n");

        var validate = await CliRunner.RunAsync(dir.Path, "validate");
        var generate = await CliRunner.RunAsync(dir.Path, "generate");

        validate.ExitCode.Should().Be(2);
        Lines(validate.Err).Should().Equal(
            settings + ":2:14: dual.namespace 'Ramen' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63)",
            settings + ":5:17: dual.drPolicies: clusters must list exactly two clusters, as a DRPolicy pairs two (found 1)",
            settings + ": 2 errors");
        generate.ExitCode.Should().Be(2);
        Lines(generate.Err).Should().ContainSingle().Which.Should().Be(
            $"acmdr: {settings}:2:14: dual.namespace 'Ramen' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63) (and 1 more; 'acmdr validate' lists them)");
        Directory.Exists(Path.Combine(dir.Path, "policies")).Should().BeFalse();
    }

    [TestMethod]
    public async Task One_problem_in_the_dual_section_is_one_line_with_exit_2()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        var settings = dir.File("inventory/acmdr.yaml", "dual:\n  hubCluster: Local_Cluster\n");

        var result = await CliRunner.RunAsync(dir.Path, "validate");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be($"acmdr: {settings}:2:15: dual.hubCluster 'Local_Cluster' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63): it is the hub's own managed-cluster name\n");
    }
}
