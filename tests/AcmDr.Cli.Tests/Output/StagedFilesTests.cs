using System.Text;
using AcmDr.Cli.Output;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Output;

[TestClass]
public sealed class StagedFilesTests
{
    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [TestMethod]
    public void New_folders_are_staged_apart_and_moved_into_place_whole_on_commit()
    {
        using var dir = new TempDir();
        dir.File("policies/base/old.yaml", "old");
        var root = Path.Combine(dir.Path, "out-not-there-yet");
        using (var batch = new StagedFiles(dir.Path))
        {
            batch.Stage(dir.File("policies/base/old.yaml"), Bytes("updated"));
            batch.Stage(dir.File("policies/base/tier-1/a.yaml"), Bytes("a"));
            batch.Stage(dir.File("placements/b.yaml"), Bytes("b"));
            batch.Stage(dir.File("placements/deep/c.yaml"), Bytes("c"));

            // Nothing shows in the target tree before the commit.
            Directory.Exists(dir.File("placements")).Should().BeFalse();
            Directory.Exists(dir.File("policies/base/tier-1")).Should().BeFalse();
            File.ReadAllText(dir.File("policies/base/old.yaml")).Should().Be("old");
            batch.Commit([]);
        }

        dir.Snapshot().Should().Equal(new Dictionary<string, string>
        {
            [Path.Combine("placements", "b.yaml")] = "b",
            [Path.Combine("placements", "deep", "c.yaml")] = "c",
            [Path.Combine("policies", "base", "old.yaml")] = "updated",
            [Path.Combine("policies", "base", "tier-1", "a.yaml")] = "a",
        });
        Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["placements", "policies"]);
        Directory.Exists(root).Should().BeFalse();
    }

    [TestMethod]
    public void A_failure_midway_leaves_the_tree_as_it_was()
    {
        using var dir = new TempDir();
        dir.File("policies/base/old.yaml", "old");
        var before = dir.Snapshot();
        var entries = Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var staged = 0;

        var act = () =>
        {
            using var batch = new StagedFiles(dir.Path)
            {
                BeforeWrite = _ =>
                {
                    if (++staged == 4)
                    {
                        throw new IOException("disk full (injected)");
                    }
                },
            };
            batch.Stage(dir.File("policies/base/old.yaml"), Bytes("updated"));
            batch.Stage(dir.File("policies/base/tier-1/a.yaml"), Bytes("a"));
            batch.Stage(dir.File("placements/b.yaml"), Bytes("b"));
            batch.Stage(dir.File("placements/c.yaml"), Bytes("c"));
            batch.Commit([]);
        };

        act.Should().Throw<AcmDrException>().WithMessage("*disk full (injected)*nothing was changed*");
        dir.Snapshot().Should().Equal(before);
        Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Should().Equal(entries);
    }

    [TestMethod]
    public void A_failure_in_a_missing_output_folder_leaves_no_folder()
    {
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "out");

        var act = () =>
        {
            using var batch = new StagedFiles(root) { BeforeWrite = path => throw new UnauthorizedAccessException($"denied: {path}") };
            batch.Stage(Path.Combine(root, "policies", "a.yaml"), Bytes("a"));
            batch.Commit([]);
        };

        act.Should().Throw<AcmDrException>().WithMessage("*nothing was changed*");
        Directory.EnumerateFileSystemEntries(dir.Path).Should().BeEmpty();
    }

    [TestMethod]
    public void A_file_where_a_new_folder_must_go_fails_before_anything_is_written()
    {
        using var dir = new TempDir();
        dir.File("placements", "not a folder");
        var before = dir.Snapshot();

        var act = () =>
        {
            using var batch = new StagedFiles(dir.Path);
            batch.Stage(dir.File("policies/a.yaml"), Bytes("a"));
            batch.Stage(dir.File("placements/deep/b.yaml"), Bytes("b"));
            batch.Commit([]);
        };

        act.Should().Throw<AcmDrException>().WithMessage("*placements*nothing was changed*");
        dir.Snapshot().Should().Equal(before);
        Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Should().Equal("placements");
    }

    [TestMethod]
    public void A_folder_made_by_someone_else_while_staging_fails_the_commit_before_anything_moves()
    {
        using var dir = new TempDir();
        dir.File("policies/base/old.yaml", "old");

        var act = () =>
        {
            using var batch = new StagedFiles(dir.Path);
            batch.Stage(dir.File("policies/base/old.yaml"), Bytes("updated"));
            batch.Stage(dir.File("placements/b.yaml"), Bytes("b"));
            dir.File("placements/theirs.yaml", "theirs");
            batch.Commit([]);
        };

        act.Should().Throw<AcmDrException>().WithMessage("*placements*appeared*nothing was changed*");
        dir.Snapshot().Should().Equal(new Dictionary<string, string>
        {
            [Path.Combine("placements", "theirs.yaml")] = "theirs",
            [Path.Combine("policies", "base", "old.yaml")] = "old",
        });
        Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["placements", "policies"]);
    }
}
