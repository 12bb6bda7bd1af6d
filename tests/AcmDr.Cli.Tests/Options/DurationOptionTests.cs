using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Options;

/// <summary>Every duration option reads the one grammar and refuses alike: exit 2 and one line naming the option.</summary>
[TestClass]
public sealed class DurationOptionTests
{
    private static Task<CliResult> RunAsync(TempDir dir, string command, string option, string value) =>
        CliRunner.RunAsync(dir.Path, command, "--to", "DR", "--kubeconfig", "missing.yaml", option, value);

    [TestMethod]
    [DataRow("wait", "--timeout", "soon", "is not a duration such as 30m, 90s, 1h30m or 500ms")]
    [DataRow("relocate", "--timeout", "soon", "is not a duration such as 30m, 90s, 1h30m or 500ms")]
    [DataRow("relocate", "--poll-interval", "soon", "is not a duration such as 30m, 90s, 1h30m or 500ms")]
    [DataRow("wait", "--timeout", "1.5h", "is not a duration such as 30m, 90s, 1h30m or 500ms")]
    [DataRow("relocate", "--timeout", "1.5h", "is not a duration such as 30m, 90s, 1h30m or 500ms")]
    [DataRow("wait", "--timeout", "2000h", "is longer than 720h, the longest acmdr waits")]
    [DataRow("relocate", "--timeout", "2000h", "is longer than 720h, the longest acmdr waits")]
    public async Task Wait_and_relocate_refuse_a_bad_duration_with_the_same_line(string command, string option, string value, string problem)
    {
        using var dir = OptionsTestDir.Create();

        var result = await RunAsync(dir, command, option, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be($"acmdr: {option} '{value}' {problem}\n");
    }

    [TestMethod]
    [DataRow("wait", "--timeout", "0s")]
    [DataRow("relocate", "--timeout", "0m")]
    [DataRow("relocate", "--poll-interval", "0ms")]
    public async Task A_duration_of_nothing_is_refused_as_zero(string command, string option, string value)
    {
        using var dir = OptionsTestDir.Create();

        var result = await RunAsync(dir, command, option, value);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be($"acmdr: {option} must be longer than zero\n");
    }

    /// <summary>Accepted: the command gets as far as opening the kubeconfig, which is not there (exit 3).</summary>
    [TestMethod]
    [DataRow("wait", "--timeout", "1h30m")]
    [DataRow("wait", "--timeout", "90000ms")]
    [DataRow("relocate", "--timeout", "1h30m")]
    [DataRow("relocate", "--timeout", "90000ms")]
    [DataRow("relocate", "--poll-interval", "1s500ms")]
    public async Task Wait_and_relocate_take_the_same_durations_down_to_milliseconds(string command, string option, string value)
    {
        using var dir = OptionsTestDir.Create();

        var result = await RunAsync(dir, command, option, value);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Should().EndWith("kubeconfig 'missing.yaml' not found\n");
    }
}
