using AcmDr.Cli.Output;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Output;

/// <summary>generate writes all or nothing, into an empty folder (staged apart) and over an existing tree.</summary>
[TestClass]
public sealed class GeneratedTreeAtomicityTests
{
    private static IReadOnlyList<PendingFile> SampleFiles(string inventory)
    {
        var settings = DrSettings.Default;
        var plan = PlanBuilder.Build(InventoryReader.Read("apps.csv", System.Text.Encoding.UTF8.GetBytes(inventory), settings), settings);
        return ManifestBuilder.Pending(plan, SwitchState.Home(settings));
    }

    private static List<string> Entries(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static Action<string> FailAt(int n)
    {
        var count = 0;
        return _ =>
        {
            if (Interlocked.Increment(ref count) == n)
            {
                throw new IOException("disk full (injected)");
            }
        };
    }

    [TestMethod]
    public void A_failure_midway_into_an_empty_folder_writes_nothing()
    {
        using var dir = new TempDir();
        var files = SampleFiles(Inventories.Example);

        var act = () => new GeneratedTree(dir.Path) { BeforeStage = FailAt(files.Count / 2) }.Write(files);

        act.Should().Throw<AcmDrException>().WithMessage("*disk full (injected)*nothing was changed*");
        // The folder existed: only its lock file, kept for the next run (see OutputLock), is there.
        Entries(dir.Path).Should().Equal(Path.Combine(dir.Path, OutputLock.FileName));
    }

    [TestMethod]
    public void A_failure_midway_into_a_folder_not_there_yet_leaves_no_folder()
    {
        using var dir = new TempDir();
        var files = SampleFiles(Inventories.Example);
        var root = Path.Combine(dir.Path, "out");

        var act = () => new GeneratedTree(root) { BeforeStage = FailAt(files.Count / 2) }.Write(files);

        act.Should().Throw<AcmDrException>().WithMessage("*disk full (injected)*nothing was changed*");
        Entries(dir.Path).Should().BeEmpty();
    }

    [TestMethod]
    public void A_failure_midway_over_an_existing_tree_leaves_it_as_it_was()
    {
        using var dir = new TempDir();
        new GeneratedTree(dir.Path).Write(SampleFiles(Inventories.Example));
        var before = dir.Snapshot();
        var entries = Entries(dir.Path);
        // Changed files in existing folders (staged beside) and in a new tier folder (staged apart).
        var changed = SampleFiles(Inventories.Example.Replace("web,2,web,web-0,stretch-1,30,db", "web,4,web,web-0,stretch-1,45,db", StringComparison.Ordinal));

        var act = () => new GeneratedTree(dir.Path) { BeforeStage = FailAt(2) }.Write(changed);

        act.Should().Throw<AcmDrException>().WithMessage("*nothing was changed*");
        dir.Snapshot().Should().Equal(before);
        Entries(dir.Path).Should().Equal(entries);
    }

    [TestMethod]
    public void Writing_into_an_empty_folder_gives_the_same_files_as_updating_an_existing_tree()
    {
        using var fresh = new TempDir();
        using var updated = new TempDir();
        var files = SampleFiles(Inventories.Example);
        new GeneratedTree(updated.Path).Write(SampleFiles(Inventories.Example.Replace("web,2,web,web-0,stretch-1,30,db", "web,4,web,web-0,stretch-1,45,db", StringComparison.Ordinal)));

        new GeneratedTree(fresh.Path).Write(files).Should().OnlyContain(c => c.Kind == FileChangeKind.Create);
        new GeneratedTree(updated.Path).Write(files).Should().NotBeEmpty();

        fresh.Snapshot().Should().Equal(updated.Snapshot());
        Entries(fresh.Path).Should().NotContain(e => e.Contains(".acmdr-", StringComparison.Ordinal));
        Entries(updated.Path).Should().NotContain(e => e.Contains(".acmdr-", StringComparison.Ordinal));
    }
}
