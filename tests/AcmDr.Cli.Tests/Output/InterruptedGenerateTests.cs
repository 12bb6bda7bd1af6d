using AcmDr.Cli.Output;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Output;

/// <summary>
/// A real acmdr generate of 3,000 VMs (about 300 files) killed at several moments, as a child process:
/// the next run leaves exactly the tree a clean generate gives, with no temporary file. The moments
/// are made exact with the test-only ACMDR_TEST_PAUSE hook (Output/TestPause.cs).
/// </summary>
[TestClass]
public sealed class InterruptedGenerateTests
{
    private const int Vms = 3000;
    private static readonly string Old = LargeInventory.Csv(Vms, "east");
    private static readonly string New = LargeInventory.Csv(Vms, "west");

    [TestMethod]
    [DataRow(1)]
    [DataRow(120)]
    [DataRow(290)]
    public async Task Kill_9_during_the_commit_then_a_rerun_finishes_it(int step)
    {
        using var dir = await OldTree();
        var old = Tree(dir.File("out"));
        var wanted = await CleanTree(New);

        KillAt(dir, $"commit:{step}");

        var mixed = Tree(dir.File("out"));
        mixed.Should().NotEqual(wanted, "the kill came in the middle of the renames");
        File.Exists(dir.File("out/" + CommitJournal.FileName)).Should().BeTrue();
        if (step > 1)
        {
            mixed.Should().NotEqual(old);
        }

        var rerun = CliProcess.Run(dir.Path, null, "generate", "-i", "new.csv", "--out", "out");

        rerun.ExitCode.Should().Be(0, rerun.ToString());
        rerun.Err.Should().Contain("finished the").And.Contain("an interrupted acmdr run left");
        rerun.Out.Should().Contain(": no file changed", "the interrupted commit was finished: nothing was left to change");
        Tree(dir.File("out")).Should().Equal(wanted);
        Leftovers(dir.File("out")).Should().BeEmpty();
    }

    [TestMethod]
    public async Task Kill_9_during_the_commit_then_a_generate_of_the_old_inventory_gives_the_old_tree()
    {
        using var dir = await OldTree();
        var old = Tree(dir.File("out"));
        KillAt(dir, "commit:150");

        var rerun = await CliRunner.RunAsync(dir.Path, "generate", "-i", "old.csv", "--out", "out");

        rerun.ExitCode.Should().Be(0, rerun.ToString());
        Tree(dir.File("out")).Should().Equal(old);
        Leftovers(dir.File("out")).Should().BeEmpty();
    }

    [TestMethod]
    public async Task Kill_9_while_staging_leaves_the_old_tree_and_the_next_run_removes_its_temporary_files()
    {
        using var dir = await OldTree();
        var old = Tree(dir.File("out"));

        KillAt(dir, "stage:200");

        Leftovers(dir.File("out")).Should().NotBeEmpty("a killed run cannot clean up after itself");
        Tree(dir.File("out")).Where(f => !f.Key.Contains(".acmdr-", StringComparison.Ordinal)).Should().Equal(old);
        var check = await CliRunner.RunAsync(dir.Path, "generate", "-i", "old.csv", "--out", "out", "--check");
        check.ExitCode.Should().Be(0, check.ToString());

        var rerun = CliProcess.Run(dir.Path, null, "generate", "-i", "new.csv", "--out", "out");

        rerun.ExitCode.Should().Be(0, rerun.ToString());
        Tree(dir.File("out")).Should().Equal(await CleanTree(New));
        Leftovers(dir.File("out")).Should().BeEmpty();
    }

    [TestMethod]
    public async Task Sigterm_while_staging_removes_the_temporary_files_and_exits_130()
    {
        using var dir = await OldTree();
        var old = Tree(dir.File("out"));
        using var child = CliProcess.Start(dir.Path, Pause("stage:200"), "generate", "-i", "new.csv", "--out", "out");
        child.WaitForErr("acmdr-test: paused");
        Leftovers(dir.File("out")).Should().NotBeEmpty("the run was stopped while staging");

        child.Terminate();
        var result = child.WaitForExit();

        result.ExitCode.Should().Be(130, result.ToString());
        result.Err.Should().EndWith("acmdr: cancelled\n");
        Leftovers(dir.File("out")).Should().BeEmpty();
        Tree(dir.File("out")).Should().Equal(old);
    }

    [TestMethod]
    public async Task A_second_generate_while_one_runs_refuses_with_one_line_and_the_tree_stays_whole()
    {
        using var dir = await OldTree();
        using var first = CliProcess.Start(dir.Path, Pause("commit:100"), "generate", "-i", "new.csv", "--out", "out");
        first.WaitForErr("acmdr-test: paused");

        var second = CliProcess.Run(dir.Path, null, "generate", "-i", "old.csv", "--out", "out");

        second.ExitCode.Should().Be(4, second.ToString());
        second.Err.Should().Be("acmdr: refused: another acmdr run is writing out (it holds out/.acmdr.lock); run again when it has finished\n");
        first.KillHard();
        var after = CliProcess.Run(dir.Path, null, "generate", "-i", "old.csv", "--out", "out");
        after.ExitCode.Should().Be(0, after.ToString());
        Tree(dir.File("out")).Should().Equal(await CleanTree(Old));
    }

    [TestMethod]
    public async Task Two_generates_started_at_once_leave_a_tree_equal_to_a_clean_generate()
    {
        using var dir = await OldTree();
        using var a = CliProcess.Start(dir.Path, null, "generate", "-i", "new.csv", "--out", "out");
        using var b = CliProcess.Start(dir.Path, null, "generate", "-i", "new.csv", "--out", "out");

        var results = new[] { a.WaitForExit(), b.WaitForExit() };

        results.Should().OnlyContain(r => r.ExitCode == 0 || (r.ExitCode == 4 && r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1));
        results.Should().Contain(r => r.ExitCode == 0);
        Tree(dir.File("out")).Should().Equal(await CleanTree(New));
        Leftovers(dir.File("out")).Should().BeEmpty();
    }

    private static async Task<TempDir> OldTree()
    {
        var dir = new TempDir();
        dir.File("old.csv", Old);
        dir.File("new.csv", New);
        var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "old.csv", "--out", "out");
        result.ExitCode.Should().Be(0, result.ToString());
        return dir;
    }

    /// <summary>Runs a generate of new.csv that stops at <paramref name="moment"/>, and kills it there with SIGKILL.</summary>
    private static void KillAt(TempDir dir, string moment)
    {
        using var child = CliProcess.Start(dir.Path, Pause(moment), "generate", "-i", "new.csv", "--out", "out");
        child.WaitForErr("acmdr-test: paused");
        child.KillHard();
    }

    private static Dictionary<string, string> Pause(string moment) => new() { [TestPause.Variable] = moment };

    /// <summary>A fresh generate of <paramref name="inventory"/> into an empty folder.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> CleanTree(string inventory)
    {
        using var clean = new TempDir();
        clean.File("apps.csv", inventory);
        var result = await CliRunner.RunAsync(clean.Path, "generate", "-i", "apps.csv", "--out", "out");
        result.ExitCode.Should().Be(0, result.ToString());
        return Tree(clean.File("out"));
    }

    /// <summary>Every file of the tree with its content, but the (empty) lock file.</summary>
    internal static IReadOnlyDictionary<string, string> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != OutputLock.FileName)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText);

    internal static List<string> Leftovers(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains(".acmdr-", StringComparison.Ordinal) || Path.GetFileName(f) == CommitJournal.FileName)
            .ToList();
}
