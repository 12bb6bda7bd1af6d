using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>A global flip on a terminal asks first; --yes, a scoped flip, a dry run and a non-terminal never ask.</summary>
[TestClass]
public sealed class FlipConfirmationTests
{
    private const string SwitchPath = "/api/v1/namespaces/acmdr/configmaps/acmdr-sites";

    [TestMethod]
    [DataRow("y\n")]
    [DataRow("YES\n")]
    public async Task A_global_flip_on_a_terminal_is_written_once_the_user_says_yes(string typed)
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrOnTerminalAsync(typed, "flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain($"flip site Primary -> DR on {hub.Server.BaseUri.ToString().TrimEnd('/')}? [y/N] ").And.Contain("flipped: site Primary -> DR");
        hub.Data("site").Should().Be("DR");
    }

    [TestMethod]
    [DataRow("n\n")]
    [DataRow("\n")]
    [DataRow("")]
    public async Task A_global_flip_on_a_terminal_not_confirmed_writes_nothing(string typed)
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrOnTerminalAsync(typed, "flip", "--to", "DR");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Err.Should().Be("acmdr: not flipped: not confirmed; nothing was written (--yes flips without asking)\n");
        hub.Data("site").Should().Be("Primary");
        hub.Server.Requests.Entries.Should().NotContain(r => r.Path == SwitchPath && r.Method != "GET");
    }

    [TestMethod]
    [DataRow("--yes")]
    [DataRow("-y")]
    public async Task Yes_flips_on_a_terminal_without_asking(string yes)
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrOnTerminalAsync("n\n", "flip", "--to", "DR", yes);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().NotContain("[y/N]");
        hub.Data("site").Should().Be("DR");
    }

    [TestMethod]
    public async Task A_scoped_flip_and_a_dry_run_never_ask()
    {
        await using var hub = await FakeHub.StartAsync();

        var scoped = await hub.AcmdrOnTerminalAsync("n\n", "flip", "--to", "DR", "--tier", "1");
        var dryRun = await hub.AcmdrOnTerminalAsync("n\n", "flip", "--to", "DR", "--dry-run");

        scoped.ExitCode.Should().Be(0, scoped.ToString());
        dryRun.ExitCode.Should().Be(0, dryRun.ToString());
        (scoped.Out + dryRun.Out).Should().NotContain("[y/N]");
    }

    [TestMethod]
    public async Task A_global_flip_that_is_not_on_a_terminal_never_asks()
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().NotContain("[y/N]");
        hub.Data("site").Should().Be("DR");
    }
}
