using System.Text;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>
/// An inventory with a bad value on every one of 200,000 rows: validate prints the first errors in
/// file order and one line with how many more there are, instead of every one of them (a million
/// rows made 741 MB of messages and held 2 GB of them in memory).
/// </summary>
[TestClass]
public sealed class ErrorCapTests
{
    private const int Rows = 200_000;

    private static string BadInventory(TempDir dir)
    {
        var csv = new StringBuilder(Inventories.Header).Append('\n');
        for (var i = 0; i < Rows; i++)
        {
            csv.Append("web,x,web,web-").Append(i).Append(",c1,,\n");
        }

        return dir.File("apps.csv", csv.ToString());
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    [TestMethod]
    public async Task Validate_shows_the_first_100_errors_and_counts_the_rest()
    {
        using var dir = new TempDir();
        BadInventory(dir);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        var lines = Lines(result.Err);
        lines.Should().HaveCount(101);
        lines[0].Should().StartWith("apps.csv:2:2: column 'tier': 'x' is not a whole number");
        lines[99].Should().StartWith("apps.csv:101:2: ");
        lines[100].Should().Be($"apps.csv: {Rows} errors in {Rows} rows; {Rows - 100} more not shown (--max-errors N shows more)");
    }

    [TestMethod]
    public async Task Max_errors_sets_how_many_are_shown()
    {
        using var dir = new TempDir();
        BadInventory(dir);

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv", "--max-errors", "5");

        Lines(result.Err).Should().HaveCount(6);
        Lines(result.Err)[5].Should().Contain($"{Rows - 5} more not shown");
        (await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv", "--max-errors", "0")).ExitCode.Should().Be(2);
    }

    [TestMethod]
    public async Task Generate_names_the_first_error_and_how_many_more()
    {
        using var dir = new TempDir();
        BadInventory(dir);

        var result = await CliRunner.RunAsync(dir.Path, "generate", "-i", "apps.csv");

        result.ExitCode.Should().Be(2);
        Lines(result.Err).Should().ContainSingle().Which.Should().EndWith($"(and {Rows - 1} more; 'acmdr validate' lists them)");
    }

    [TestMethod]
    public async Task The_errors_shown_are_the_first_in_the_file_whichever_check_found_them()
    {
        using var dir = new TempDir();
        // Line 3 repeats line 2's VM: found by the rules across rows, after every row was read.
        dir.File("apps.csv", Inventories.Header + "\nweb,1,web,web-0,c1,,\nweb,1,web,web-0,c1,,\n"
            + string.Concat(Enumerable.Range(1, 8).Select(i => $"web,x,web,web-{i},c1,,\n")));

        var result = await CliRunner.RunAsync(dir.Path, "validate", "-i", "apps.csv", "--max-errors", "2");

        Lines(result.Err).Should().Equal(
            "apps.csv:3: VM web/web-0 is listed twice (first on line 2)",
            "apps.csv:4:2: column 'tier': 'x' is not a whole number from 1 to 99",
            "apps.csv: 9 errors in 10 rows; 7 more not shown (--max-errors N shows more)");
    }
}
