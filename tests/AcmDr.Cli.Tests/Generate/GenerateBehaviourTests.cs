using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

[TestClass]
public sealed class GenerateBehaviourTests
{
    [TestMethod]
    public async Task Committed_sample_output_is_what_the_sample_inventory_gives()
    {
        var result = await CliRunner.RunAsync(RepoPaths.Root, "generate", "--check");

        result.ExitCode.Should().Be(0, $"policies/ and placements/ must be regenerated with 'make run' after a change:\n{result}");
        result.Out.Should().Contain("up to date");
    }

    [TestMethod]
    public async Task Same_inventory_gives_byte_identical_files()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        File.Copy(RepoPaths.SampleInventory, first.File("inventory/apps.csv", string.Empty), overwrite: true);
        File.Copy(RepoPaths.SampleInventory, second.File("inventory/apps.csv", string.Empty), overwrite: true);

        (await CliRunner.RunAsync(first.Path, "generate")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(second.Path, "generate")).ExitCode.Should().Be(0);

        first.Snapshot().Should().Equal(second.Snapshot());
        first.Snapshot().Keys.Should().Contain(Path.Combine("policies", "base", "tier-3", "dr-erp-app.yaml"));
    }

    [TestMethod]
    public async Task Check_exits_1_and_names_the_files_that_drifted()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        dir.File("inventory/apps.csv", Inventories.Example + "web,2,web,web-1,stretch-1,30,db\n");
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "generate", "--check");

        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("~ policies/base/tier-2/dr-web.yaml").And.Contain("out of date");
        dir.Snapshot().Should().Equal(before);
    }

    [TestMethod]
    public async Task Check_names_new_and_stale_files_and_writes_nothing()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        // web leaves; a new app arrives in a tier (and folder) of its own.
        dir.File("inventory/apps.csv", Inventories.Header + "\ndb,1,finance,db-0,stretch-1,15,\ndb,1,finance,db-1,stretch-1,15,\nerp,3,erp,erp-0,stretch-1,60,db\n");
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "generate", "--check");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("+ policies/base/tier-3/dr-erp.yaml (new)")
            .And.Contain("- policies/base/tier-2/dr-web.yaml (no longer generated: removed)")
            .And.Contain("out of date");
        dir.Snapshot().Should().Equal(before, "a check writes nothing, not even a staging folder");
    }

    [TestMethod]
    public async Task Dry_run_shows_the_changed_lines_and_writes_nothing()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        dir.File("inventory/apps.csv", Inventories.Example.Replace("web,2,web,web-0,stretch-1,30,db", "web,2,web,web-0,stretch-1,45,db", StringComparison.Ordinal));
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "generate", "--dry-run");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("~ policies/base/tier-2/dr-web.yaml (+1 -1 lines)")
            .And.Contain("-     acmdr.io/rto-minutes: '30'")
            .And.Contain("+     acmdr.io/rto-minutes: '45'")
            .And.Contain("nothing was written");
        dir.Snapshot().Should().Equal(before);
    }

    [TestMethod]
    public async Task Stale_generated_files_are_removed_and_foreign_files_kept()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var mine = dir.File("policies/base/extra-notes.yaml", "# my own file\nkind: Nothing\n");
        var readme = dir.File("placements/README.md", "hand written\n");
        dir.File("inventory/apps.csv", Inventories.Header + "\ndb,1,finance,db-0,stretch-1,15,\n");

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("- policies/base/tier-2/dr-web.yaml (no longer generated: removed)");
        File.Exists(dir.File("policies/base/tier-2/dr-web.yaml")).Should().BeFalse();
        Directory.Exists(dir.File("policies/base/tier-2")).Should().BeFalse("an emptied generated folder goes too");
        File.Exists(dir.File("policies/base/policyset-tier-2.yaml")).Should().BeFalse();
        File.ReadAllText(mine).Should().Be("# my own file\nkind: Nothing\n");
        File.ReadAllText(readme).Should().Be("hand written\n");
    }

    [TestMethod]
    public async Task Regenerating_keeps_the_site_values_of_the_committed_switch()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var switchFile = dir.File("policies/base/acmdr-sites.yaml");
        File.WriteAllText(switchFile, File.ReadAllText(switchFile)
            .Replace("  site: Primary\n", "  site: DR\n  tier-2: Primary\n  app-gone: DR\n", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Contain("dropping override 'app-gone: DR'");
        var text = File.ReadAllText(switchFile);
        text.Should().Contain("  site: DR\n").And.Contain("  tier-2: Primary\n").And.NotContain("app-gone");
    }

    [TestMethod]
    public async Task A_switch_holding_an_unknown_site_is_refused()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var switchFile = dir.File("policies/base/acmdr-sites.yaml");
        File.WriteAllText(switchFile, File.ReadAllText(switchFile).Replace("  site: Primary\n", "  site: Mars\n", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("switch value 'site: Mars' is not one of the sites Primary, DR");
    }

    [TestMethod]
    public async Task Settings_file_changes_namespace_label_and_sites()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("inventory/acmdr.yaml", "hubNamespace: dr-ops\nsiteLabel: example.com/dc\nsites: [East, West, North]\nclusterSet: prod\n");

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(0, result.ToString());
        var policy = File.ReadAllText(dir.File("policies/base/tier-2/dr-web.yaml"));
        policy.Should().Contain("namespace: dr-ops").And.Contain("example.com/dc: '{{hub").And.Contain("(list \"East\" \"West\" \"North\")");
        File.Exists(dir.File("policies/overlays/west/kustomization.yaml")).Should().BeTrue();
        File.Exists(dir.File("policies/overlays/north/kustomization.yaml")).Should().BeTrue();
        File.ReadAllText(dir.File("placements/placement-stretch-1.yaml")).Should().Contain("- prod");
        File.ReadAllText(dir.File("policies/base/acmdr-sites.yaml")).Should().Contain("site: East").And.Contain("sites: East,West,North");
    }

    [TestMethod]
    public async Task The_move_running_setting_comes_from_the_settings_file_else_the_option_else_migrate_and_is_written_into_the_switch()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        string Switch() => File.ReadAllText(dir.File("policies/base/acmdr-sites.yaml"));

        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        Switch().Should().Contain("  moveRunning: migrate\n");
        File.ReadAllText(dir.File("policies/base/tier-2/dr-web.yaml")).Should().Contain("name: dr-web-move");

        dir.File("inventory/acmdr.yaml", "moveRunning: none\n");
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        Switch().Should().Contain("  moveRunning: none\n");
        File.ReadAllText(dir.File("policies/base/tier-2/dr-web.yaml")).Should().Contain("name: dr-web-move",
            "the template stays, so setting the switch's moveRunning on the hub turns moves on or off without regenerating");

        (await CliRunner.RunAsync(dir.Path, "generate", "--move-running", "migrate")).ExitCode.Should().Be(0);
        Switch().Should().Contain("  moveRunning: migrate\n");

        var bad = await CliRunner.RunAsync(dir.Path, "generate", "--move-running", "always");
        bad.ExitCode.Should().Be(2);
        bad.Err.Should().Contain("always").And.Contain("--move-running");
        Switch().Should().Contain("  moveRunning: migrate\n", "a refused run writes nothing");
    }

    [TestMethod]
    public async Task Options_override_the_settings_file()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        dir.File("inventory/acmdr.yaml", "hubNamespace: dr-ops\n");

        var result = await CliRunner.RunAsync(dir.Path, "generate", "--hub-namespace", "other", "--out", "gitops");

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(dir.File("gitops/policies/base/acmdr-sites.yaml")).Should().Contain("namespace: other");
    }

    [TestMethod]
    public async Task Usage_errors_exit_2_with_one_line()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "generate", "--no-such-option");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Contain("--no-such-option");
    }

    [TestMethod]
    public async Task A_large_first_generate_lists_fifty_files_and_counts_the_rest()
    {
        using var dir = new TempDir();
        var rows = string.Concat(Enumerable.Range(0, 60).Select(i => $"app-{i:D2},1,apps,vm-{i:D2},c1,,\n"));
        dir.File("inventory/apps.csv", Inventories.Header + "\n" + rows);

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Out.TrimEnd().Split('\n');
        lines.Count(l => l.StartsWith("+ ", StringComparison.Ordinal)).Should().Be(50);
        lines.Should().Contain("... and 20 more (70 new, 0 changed, 0 removed in all)");
        Directory.GetFiles(dir.File("policies/base/tier-1")).Should().HaveCount(60);
    }
}
