using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Options;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Timeouts;

/// <summary>Every command that talks to a cluster takes --request-timeout in the one duration grammar, or 0 for no limit; a bad value is one line and exit 2.</summary>
[TestClass]
public sealed class RequestTimeoutOptionTests
{
    public static IEnumerable<object[]> ClusterCommands => OptionsTestDir.ClusterCommands;

    [TestMethod]
    [DynamicData(nameof(ClusterCommands))]
    public async Task A_request_timeout_that_is_not_a_duration_is_one_line_and_exit_2(string[] command)
    {
        using var dir = OptionsTestDir.Create();

        foreach (var (value, problem) in new[]
        {
            ("soon", "is not a duration such as 10s, 1m or 500ms (0: no limit)"),
            ("1.5s", "is not a duration such as 10s, 1m or 500ms (0: no limit)"),
            ("10", "is not a duration such as 10s, 1m or 500ms (0: no limit)"),
            ("48h", "is longer than 24h (0: no limit)"),
        })
        {
            var result = await CliRunner.RunAsync(dir.Path, [.. command, "--kubeconfig", "kubeconfig", "--request-timeout", value]);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Err.Should().Be($"acmdr: --request-timeout '{value}' {problem}\n");
        }
    }

    /// <summary>Accepted: the command gets as far as the missing kubeconfig (exit 3).</summary>
    [TestMethod]
    [DynamicData(nameof(ClusterCommands))]
    public async Task Zero_and_a_duration_are_taken(string[] command)
    {
        using var dir = OptionsTestDir.Create();

        foreach (var value in new[] { "0", "0s", "1m30s", "500ms" })
        {
            var result = await CliRunner.RunAsync(dir.Path, [.. command, "--kubeconfig", "missing.yaml", "--request-timeout", value]);

            result.ExitCode.Should().Be(3, result.ToString());
            result.Err.Should().EndWith("kubeconfig 'missing.yaml' not found\n");
        }
    }
}
