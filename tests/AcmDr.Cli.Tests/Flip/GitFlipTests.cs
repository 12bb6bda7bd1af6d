using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

[TestClass]
public sealed class GitFlipTests
{
    private static async Task<TempDir> GeneratedAsync()
    {
        var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        return dir;
    }

    private static List<string> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        return b.Except(a).Select(l => "+" + l).Concat(a.Except(b).Select(l => "-" + l)).ToList();
    }

    [TestMethod]
    public async Task In_git_global_flip_is_a_one_line_change_that_generate_keeps()
    {
        using var dir = await GeneratedAsync();
        var file = dir.File("policies/base/acmdr-sites.yaml");
        var before = File.ReadAllText(file);

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR", "--reason", "drill");

        result.ExitCode.Should().Be(0, result.ToString());
        ChangedLines(before, File.ReadAllText(file)).Should().BeEquivalentTo(["+  site: DR", "-  site: Primary"]);
        result.Out.Should().Contain("git commit -m 'acmdr flip: site Primary -> DR (drill)'");
        (await CliRunner.RunAsync(dir.Path, "generate", "--check")).ExitCode.Should().Be(0, "regenerating keeps the flipped value");
    }

    [TestMethod]
    public async Task In_git_tier_flip_adds_one_line_and_clear_removes_it()
    {
        using var dir = await GeneratedAsync();
        var file = dir.File("policies/base/acmdr-sites.yaml");
        var before = File.ReadAllText(file);

        (await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR", "--tier", "2")).ExitCode.Should().Be(0);
        ChangedLines(before, File.ReadAllText(file)).Should().Equal("+  tier-2: DR");

        (await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--clear", "--tier", "2")).ExitCode.Should().Be(0);
        File.ReadAllText(file).Should().Be(before);
    }

    [TestMethod]
    public async Task In_git_dry_run_shows_the_line_and_writes_nothing()
    {
        using var dir = await GeneratedAsync();
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("-   site: Primary").And.Contain("+   site: DR").And.Contain("nothing was written");
        dir.Snapshot().Should().Equal(before);
    }

    [TestMethod]
    public async Task In_git_refuses_unknown_sites_apps_and_tiers()
    {
        using var dir = await GeneratedAsync();

        (await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "Mars")).ExitCode.Should().Be(4);
        var app = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR", "--app", "nope");
        app.ExitCode.Should().Be(2);
        app.Err.Should().Contain("--app 'nope' is not an app of the inventory");
        var tier = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR", "--tier", "5");
        tier.ExitCode.Should().Be(2);
        tier.Err.Should().Contain("--tier 5 is not a tier of the inventory (tiers: 1, 2)");
        (await CliRunner.RunAsync(dir.Path, "flip", "--in-git")).ExitCode.Should().Be(2);
    }
}
