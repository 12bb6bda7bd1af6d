using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Options;

/// <summary>--kubeconfig, --context and --app/--tier are declared once and read alike by every command that takes them.</summary>
[TestClass]
public sealed class ClusterOptionsTests
{
    public static IEnumerable<object[]> ClusterCommands => OptionsTestDir.ClusterCommands;

    [TestMethod]
    [DynamicData(nameof(ClusterCommands))]
    public async Task Every_cluster_command_looks_up_the_context_it_is_given_in_the_kubeconfig_it_is_given(string[] command)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, [.. command, "--kubeconfig", dir.File("kubeconfig"), "--context", "nope"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("context 'nope' not found");
    }

    [TestMethod]
    [DynamicData(nameof(ClusterCommands))]
    public async Task Every_cluster_command_refuses_a_kubeconfig_that_is_not_there_with_exit_3(string[] command)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, [.. command, "--kubeconfig", "missing.yaml"]);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Err.Trim().Should().MatchRegex(@"^acmdr: [a-z ]+: kubeconfig '.*missing\.yaml' not found$");
    }

    [TestMethod]
    [DynamicData(nameof(ClusterCommands))]
    public async Task Every_command_with_a_scope_refuses_a_tier_that_is_not_a_number_while_parsing(string[] command)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, [.. command, "--kubeconfig", dir.File("kubeconfig"), "--tier", "one"]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: --tier 'one' is not a whole number\nRun 'acmdr --help' for usage.\n");
    }

    [TestMethod]
    [DataRow("report")]
    [DataRow("wait")]
    public async Task Report_and_wait_accept_the_same_report_formats_and_refuse_others_while_parsing(string command)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, command, "--to", "DR", "--kubeconfig", dir.File("kubeconfig"), "-o", "yaml");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Contain("'yaml'").And.Contain("table").And.Contain("json").And.Contain("markdown").And.Contain("junit").And.Contain("html");
    }
}
