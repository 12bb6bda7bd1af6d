using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>Counts read as a person writes them: "1 VM", "13 new files", and "no file changed" when nothing did.</summary>
[TestClass]
public sealed class PlainWordsTests
{
    private const string OneVm = Inventories.Header + "\ndb,1,shop,db-0,c1,15,\n";

    [TestMethod]
    public async Task Validate_counts_one_of_each_in_the_singular()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", OneVm);

        var result = await CliRunner.RunAsync(dir.Path, "validate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be("inventory/apps.csv: valid: 1 VM, 1 app, 1 tier, 1 cluster\n");
    }

    [TestMethod]
    public async Task A_first_generate_says_its_files_are_new_and_a_rerun_that_nothing_changed()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", OneVm);

        var first = await CliRunner.RunAsync(dir.Path, "generate");
        var again = await CliRunner.RunAsync(dir.Path, "generate");

        first.ExitCode.Should().Be(0, first.ToString());
        var written = Directory.GetFiles(dir.Path, "*.yaml", SearchOption.AllDirectories).Length;
        first.Out.Should().EndWith($"generated 1 policy for 1 VM of 1 app in 1 tier on 1 cluster: {written} new files in .\n");
        again.Out.Should().EndWith("generated 1 policy for 1 VM of 1 app in 1 tier on 1 cluster: no file changed in .\n");
    }

    [TestMethod]
    public async Task A_changed_inventory_counts_new_updated_and_removed_files_apart()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", OneVm + "web,1,shop,web-0,c1,15,\n");
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        dir.File("inventory/apps.csv", OneVm + "api,1,shop,api-0,c1,15,\n");

        var result = await CliRunner.RunAsync(dir.Path, "generate");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().MatchRegex(@"of 2 apps in 1 tier on 1 cluster: 1 new file, [1-9][0-9]* updated, 1 removed in \.\n$");
    }
}
