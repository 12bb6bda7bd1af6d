using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Options;

/// <summary>
/// The hub namespace is one option on every hub command: <c>-n/--namespace</c>, also spelled <c>--hub-namespace</c>
/// as generate and validate spell it; it both names where the command reads and overrides the settings.
/// </summary>
[TestClass]
public sealed class HubNamespaceOptionTests
{
    [TestMethod]
    [DataRow("flip")]
    [DataRow("report")]
    [DataRow("wait")]
    public async Task Every_hub_command_lists_one_namespace_option_under_both_spellings(string command)
    {
        using var dir = new TempDir();

        var help = await CliRunner.RunAsync(dir.Path, command, "--help");

        help.ExitCode.Should().Be(0, help.ToString());
        var lines = help.Out.Split('\n').Where(l => l.Contains("namespace", StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle().Which.Should().MatchRegex(@"^\s+-n, --hub-namespace, --namespace <namespace>\s+Hub namespace of ");
    }

    [TestMethod]
    [DataRow("--hub-namespace")]
    [DataRow("-n")]
    [DataRow("--namespace")]
    public async Task Flip_writes_the_switch_of_the_namespace_named_by_any_spelling(string spelling)
    {
        await using var hub = await FakeHub.StartAsync();
        var moved = (JsonObject)hub.Switch.DeepClone();
        moved["metadata"]!["namespace"] = "dr-ops";
        moved["metadata"]!.AsObject().Remove("resourceVersion");
        moved["metadata"]!.AsObject().Remove("uid");
        hub.Server.Store.Put(moved);

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--yes", spelling, "dr-ops");

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Server.Store.Get(string.Empty, "v1", "configmaps", "dr-ops", "acmdr-sites")!["data"]!["site"]!.GetValue<string>().Should().Be("DR");
        hub.Data("site").Should().Be("Primary", "the switch of the namespace not named stays as it was");
    }

    [TestMethod]
    public async Task Giving_the_hub_namespace_under_two_spellings_is_refused_as_one_option_given_twice()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--to", "DR", "-n", "a", "--hub-namespace", "b");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().StartWith("acmdr: Option '-n' expects a single argument but 2 were provided.");
    }
}
