using AcmDr.Cli.Output;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Output;

/// <summary>The commit journal: an interrupted commit is finished on its own, and a planted journal cannot reach outside the tree.</summary>
[TestClass]
public sealed class CommitJournalTests
{
    [TestMethod]
    public async Task A_commit_stopped_midway_is_finished_by_recovery_alone()
    {
        using var dir = new TempDir();
        dir.File("old.csv", LargeInventory.Csv(200, "east"));
        dir.File("new.csv", LargeInventory.Csv(200, "west"));
        (await CliRunner.RunAsync(dir.Path, "generate", "-i", "new.csv", "--out", "new")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(dir.Path, "generate", "-i", "old.csv", "--out", "out")).ExitCode.Should().Be(0);
        var wanted = InterruptedGenerateTests.Tree(dir.File("new"));
        var files = Core.Manifests.ManifestBuilder.Pending(Plan(dir.File("new.csv")), Core.Manifests.SwitchState.Home(Core.Settings.DrSettings.Default));
        var stop = () => new GeneratedTree(dir.File("out")) { AfterCommitStep = n => { if (n == 7) { throw new IOException("stopped (injected)"); } } }.Write(files);
        stop.Should().Throw<AcmDrException>().WithMessage("*stopped (injected)*the next 'acmdr generate' there finishes it");
        InterruptedGenerateTests.Tree(dir.File("out")).Should().NotEqual(wanted);

        CommitJournal.Recover(dir.File("out"), p => p).Should().BeGreaterThan(7);
        TreeScan.Of(dir.File("out"), ["policies", "placements"]).RemoveLeftovers();

        InterruptedGenerateTests.Tree(dir.File("out")).Should().Equal(wanted);
        InterruptedGenerateTests.Leftovers(dir.File("out")).Should().BeEmpty();
    }

    [TestMethod]
    [DataRow("Rename\tpolicies/base/.x.yaml.acmdr-1.tmp\t../escaped.yaml")]
    [DataRow("Rename\t../outside/.x.yaml.acmdr-1.tmp\tpolicies/x.yaml")]
    [DataRow("Rename\tpolicies/not-a-temp.yaml\tpolicies/x.yaml")]
    [DataRow("Delete\t-\t/etc/hostname")]
    [DataRow("MoveFolder\tsomewhere/tier-1\tpolicies/base/tier-1")]
    public async Task A_journal_reaching_outside_the_tree_or_naming_other_files_is_refused(string line)
    {
        using var dir = new TempDir();
        dir.File("apps.csv", Inventories.Example);
        dir.File("out/" + CommitJournal.FileName, $"acmdr-journal 1\n{line}\nend\n");
        dir.File("out/policies/not-a-temp.yaml", "x");
        dir.File("out/policies/base/.x.yaml.acmdr-1.tmp", "x");
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv", "--out", "out");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().StartWith($"acmdr: {Path.Combine("out", CommitJournal.FileName)} is left by an interrupted acmdr run but cannot be read (");
        dir.Snapshot().Where(f => !f.Key.EndsWith(OutputLock.FileName, StringComparison.Ordinal)).Should().Equal(before);
    }

    [TestMethod]
    public async Task A_journal_deletion_of_a_file_without_the_marker_is_skipped()
    {
        using var dir = new TempDir();
        dir.File("apps.csv", Inventories.Example);
        dir.File("out/policies/mine.yaml", "mine\n");
        dir.File("out/" + CommitJournal.FileName, "acmdr-journal 1\nDelete\t-\tpolicies/mine.yaml\nend\n");

        var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv", "--out", "out");

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(dir.File("out/policies/mine.yaml")).Should().Be("mine\n");
        File.Exists(dir.File("out/" + CommitJournal.FileName)).Should().BeFalse();
    }

    [TestMethod]
    public async Task Check_warns_about_an_interrupted_commit_and_leaves_it()
    {
        using var dir = new TempDir();
        dir.File("apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv", "--out", "out")).ExitCode.Should().Be(0);
        dir.File("out/" + CommitJournal.FileName, "acmdr-journal 1\nend\n");

        var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv", "--out", "out", "--check");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Be("acmdr: warning: an interrupted acmdr run left out/.acmdr-journal; the next 'acmdr generate' there finishes it\n");
        File.Exists(dir.File("out/" + CommitJournal.FileName)).Should().BeTrue();
    }

    [TestMethod]
    public async Task A_run_holding_the_lock_makes_another_refuse_with_exit_4()
    {
        using var dir = new TempDir();
        dir.File("apps.csv", Inventories.Example);
        using (OutputLock.Acquire(dir.File("out"), "out"))
        {
            var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv", "--out", "out");

            result.ExitCode.Should().Be(4, result.ToString());
            result.Err.Should().Be("acmdr: refused: another acmdr run is writing out (it holds out/.acmdr.lock); run again when it has finished\n");
            Directory.Exists(dir.File("out/policies")).Should().BeFalse();
        }

        (await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv", "--out", "out")).ExitCode.Should().Be(0, "the lock is released with its holder");
    }

    private static Core.Planning.DrPlan Plan(string inventory)
    {
        var settings = Core.Settings.DrSettings.Default;
        return Core.Planning.PlanBuilder.Build(Core.Inventory.InventoryReader.Read("apps.csv", File.ReadAllBytes(inventory), settings), settings);
    }
}
