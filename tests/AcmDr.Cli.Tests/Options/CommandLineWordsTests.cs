using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Options;

/// <summary>What the command-line parser refuses is said in acmdr's words: no .NET type names, a near miss gets a suggestion.</summary>
[TestClass]
public sealed class CommandLineWordsTests
{
    [TestMethod]
    public async Task A_tier_that_is_not_a_number_is_named_without_dotnet_types()
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--to", "DR", "--tier", "one", "--dry-run");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: --tier 'one' is not a whole number\nRun 'acmdr --help' for usage.\n");
    }

    [TestMethod]
    [DataRow("genrate", "generate")]
    [DataRow("fl1p", "flip")]
    [DataRow("breakglas", "breakglass")]
    [DataRow("rep", "report")]
    [DataRow("docter", "doctor")]
    public async Task A_mistyped_command_gets_one_line_with_the_command_meant(string typed, string meant)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, typed);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be($"acmdr: unknown command '{typed}'; did you mean '{meant}'? (commands: validate, generate, doctor, flip, breakglass, relocate, report, wait, rehearse)\nRun 'acmdr --help' for usage.\n");
    }

    [TestMethod]
    public async Task A_word_far_from_every_command_gets_the_list_without_a_guess()
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, "failover");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: unknown command 'failover' (commands: validate, generate, doctor, flip, breakglass, relocate, report, wait, rehearse)\nRun 'acmdr --help' for usage.\n");
    }

    [TestMethod]
    [DataRow("2026-12-02 12:00", "acmdr: --flip-at '2026-12-02 12:00' has no time zone: write it as 2026-12-02T12:00:00Z for UTC, or with its offset such as 2026-12-02T12:00:00+01:00")]
    [DataRow("2026-12-02", "acmdr: --flip-at '2026-12-02' has no time zone: write it as 2026-12-02T00:00:00Z for UTC, or with its offset such as 2026-12-02T00:00:00+01:00")]
    [DataRow("yesterday", "acmdr: --flip-at 'yesterday' is not a time such as 2026-12-02T12:00:00Z")]
    public async Task A_flip_time_without_its_zone_or_not_a_time_is_refused(string flipAt, string line)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, "report", "--to", "DR", "--flip-at", flipAt, "-f", "dump.yaml");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be($"{line}\nRun 'acmdr --help' for usage.\n");
    }

    [TestMethod]
    [DataRow("2026-12-02T12:00:00Z", "2026-12-02T12:00:00Z")]
    [DataRow("2026-12-02T13:00:00+01:00", "2026-12-02T12:00:00Z")]
    [DataRow("2026-12-02 07:00-05:00", "2026-12-02T12:00:00Z")]
    public async Task A_flip_time_with_its_zone_starts_the_clock_at_that_instant(string flipAt, string utc)
    {
        using var dir = OptionsTestDir.Create();
        dir.File("dump.yaml", "apiVersion: v1\nkind: List\nitems: []\n");

        var result = await CliRunner.RunAsync(dir.Path, "report", "--to", "DR", "--flip-at", flipAt, "-f", "dump.yaml", "-o", "json");

        result.Err.Should().NotContain("--flip-at", result.ToString());
        result.Out.Should().Contain($"\"flipAt\": \"{utc}\"");
    }

    [TestMethod]
    public async Task Wait_help_does_not_offer_dump_files_and_wait_with_one_points_to_report()
    {
        using var dir = OptionsTestDir.Create();

        var help = await CliRunner.RunAsync(dir.Path, "wait", "--help");
        var withDump = await CliRunner.RunAsync(dir.Path, "wait", "--to", "DR", "-f", "dump.yaml", "--kubeconfig", dir.File("kubeconfig"));

        help.Out.Should().Contain("--timeout").And.NotContain("--file").And.NotContain("-f,");
        withDump.ExitCode.Should().Be(2, withDump.ToString());
        withDump.Err.Should().Be("acmdr: wait watches the hub; to read dump files use 'acmdr report -f'\n");
    }
}
