using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Options;

/// <summary>--to is declared once: required where a command cannot run without it, checked against the settings' sites in one place.</summary>
[TestClass]
public sealed class SiteOptionTests
{
    [TestMethod]
    [DataRow("wait")]
    [DataRow("breakglass")]
    [DataRow("relocate")]
    public async Task Commands_that_need_a_site_are_refused_without_one_while_parsing(string command)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, command, "--kubeconfig", dir.File("kubeconfig"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: Option '--to' is required.\nRun 'acmdr --help' for usage.\n");
    }

    [TestMethod]
    [DataRow("breakglass")]
    [DataRow("relocate")]
    public async Task Both_managed_commands_refuse_a_site_the_settings_do_not_name_with_exit_4_before_any_cluster(string command)
    {
        using var dir = OptionsTestDir.Create();

        // The kubeconfig names a closed port: reaching for the cluster would exit 3, not 4.
        var result = await CliRunner.RunAsync(dir.Path, command, "--to", "Mars", "--kubeconfig", dir.File("kubeconfig"));

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Be("acmdr: refused: site 'Mars' is not one of the sites: Primary, DR\n");
    }

    [TestMethod]
    [DataRow("breakglass")]
    [DataRow("relocate")]
    public async Task The_sites_a_managed_command_knows_are_the_settings_sites(string command)
    {
        using var dir = OptionsTestDir.Create();

        var result = await CliRunner.RunAsync(dir.Path, command, "--to", "DR", "--sites", "East,West", "--kubeconfig", dir.File("kubeconfig"));

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Be("acmdr: refused: site 'DR' is not one of the sites: East, West\n");
    }

    [TestMethod]
    public async Task Report_may_go_without_a_site_and_says_so_in_its_help()
    {
        using var dir = OptionsTestDir.Create();

        var report = await CliRunner.RunAsync(dir.Path, "report", "--help");
        var wait = await CliRunner.RunAsync(dir.Path, "wait", "--help");

        report.Out.Should().MatchRegex(@"--to <to>\s+Target site \(default: the switch's site, else the newest flip\)");
        wait.Out.Should().MatchRegex(@"--to <to> \(REQUIRED\)\s+Site every VM in scope is to run at");
    }
}
