using AcmDr.Cli.Commands;
using AcmDr.Cli.Flip;
using AcmDr.Cli.Hub;
using AcmDr.Cli.Options;
using AcmDr.Cli.Tests.Flip;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Managed;
using AcmDr.Cli.Tests.Report;
using AcmDr.FakeKube;
using FluentAssertions;
using static AcmDr.Cli.Tests.Report.FastRun;

namespace AcmDr.Cli.Tests.Timeouts;

/// <summary>
/// A hub or managed cluster that takes connections and never answers: flip, break glass, relocate and
/// report each stop with exit 3 and one last line naming the server; before it, only retry notes.
/// Their pauses run on a <see cref="FastClock"/>; the HTTP client's own per-request limit runs in real
/// time, so the commands that rely on it get a small --request-timeout (1s), and the tests assert the
/// exit code and the line, never how long it took.
/// </summary>
[TestClass]
public sealed class HungClusterTests
{
    private static string Address(FakeApiServer server) => server.BaseUri.ToString().TrimEnd('/');

    [TestMethod]
    public async Task Flip_on_a_hub_that_never_answers_exits_3_and_its_last_line_names_breakglass_and_flip_in_git()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Hang(null, "."));

        var result = await AcmdrInAsync(hub.Dir.Path, Factor, "flip", "--to", "DR", "--app", "web", "-i", "inventory/apps.csv", "--request-timeout", "1s", "--kubeconfig", hub.Kubeconfig);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty("the hub never said what the switch holds");
        var lines = Lines(result.Err);
        lines[..^1].Should().OnlyContain(l => l.StartsWith("acmdr: configmap acmdr/acmdr-sites: no answer within 1s; retrying in ", StringComparison.Ordinal));
        lines[^1].Should().StartWith($"acmdr: not flipped: {Address(hub.Server)} did not answer in time for configmap acmdr/acmdr-sites: no answer within 1s")
            .And.EndWith("; nothing was written; if the hub is down, move the VMs without it on each managed cluster: "
                + "acmdr breakglass --kubeconfig MANAGED_KUBECONFIG --to DR -i inventory/apps.csv --app web, "
                + "or flip in Git: acmdr flip --in-git --to DR -i inventory/apps.csv --app web");
        hub.Data("site").Should().Be("Primary");
    }

    [TestMethod]
    public async Task Flip_that_the_hub_refuses_with_403_names_no_way_around_it()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("GET", FastRun.SwitchPath, 403));

        var result = await AcmdrInAsync(hub.Dir.Path, Factor, "flip", "--to", "DR", "--kubeconfig", hub.Kubeconfig);

        result.ExitCode.Should().Be(3, result.ToString());
        Lines(result.Err).Should().ContainSingle().Which.Should().Contain("(403)").And.EndWith("nothing was written", "a hub that answers is not down");
    }

    /// <summary>
    /// The default bound on the flip's own clock: its retry with flip's default --request-timeout, each
    /// attempt ending as the HTTP client ends a request that gets no answer, gives up in under a minute.
    /// </summary>
    [TestMethod]
    public async Task Flip_with_the_default_request_timeout_gives_up_on_a_silent_hub_within_a_minute()
    {
        var clock = new WaitDrivenClock();
        using var error = new StringWriter();
        var io = new CliIo(TextWriter.Null, error, ".", clock);
        var flip = FlipCommand.Create(io);
        var option = flip.Options.OfType<System.CommandLine.Option<string>>().Single(o => o.Name == "--request-timeout");
        var limit = RequestTimeoutOption.Parse(flip.Parse("--to DR").GetValue(option)!).Limit!;
        var retry = HubFlip.Retry(io, limit);

        async Task<int> Unanswered(CancellationToken token)
        {
            await Task.Delay(limit.PerRequest!.Value, clock, token);
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", new TimeoutException());
        }

        var failure = await FluentActions.Awaiting(() => retry.RunAsync("configmap acmdr/acmdr-sites", Unanswered, CancellationToken.None))
            .Should().ThrowAsync<TimeoutException>();

        failure.Which.Message.Should().Be("no answer within 10s");
        failure.Which.Data[TransientRetry.AttemptsKey].Should().Be(4);
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(41.75), "four unanswered requests of 10s and the pauses between them");
        clock.Elapsed.Should().BeLessThanOrEqualTo(limit.Worst!.Value).And.BeLessThan(TimeSpan.FromSeconds(60));
    }

    [TestMethod]
    [DataRow("breakglass")]
    [DataRow("breakglass", "--dry-run")]
    [DataRow("relocate")]
    [DataRow("relocate", "--dry-run")]
    public async Task A_managed_cluster_that_never_answers_stops_the_command_with_exit_3_and_one_line(params string[] command)
    {
        await using var cluster = await ManagedCluster.StartAsync(Inventories.Example);
        cluster.AddRunningVm("finance", "db-0", "Primary", "p-1");
        cluster.AddRunningVm("finance", "db-1", "Primary", "p-2");
        cluster.AddRunningVm("web", "web-0", "Primary", "p-1");
        cluster.Server.Faults.Add(FaultRule.Hang(null, "."));

        var result = await AcmdrInAsync(cluster.Dir.Path, Factor, [.. command, "--to", "DR", "--request-timeout", "1s", "--kubeconfig", cluster.Kubeconfig]);

        result.ExitCode.Should().Be(3, result.ToString());
        var lines = Lines(result.Err);
        lines[..^1].Should().OnlyContain(l => l.Contains("no answer within 1s; retrying in ", StringComparison.Ordinal));
        lines[^1].Should().StartWith($"acmdr: {Address(cluster.Server)} did not answer in time for ").And.Contain("no answer within 1s");
        cluster.Writes().Should().BeEmpty();
    }

    [TestMethod]
    public async Task Report_whose_managed_cluster_never_answers_exits_3_naming_it_after_its_request_timeout()
    {
        await using var hub = await FakeHub.StartAsync();
        await using var managed = await FakeApiServer.StartAsync();
        managed.WriteKubeconfig(hub.Dir.File("managed.kubeconfig"), context: "stretch-1");
        managed.Faults.Add(FaultRule.Hang(null, "."));

        // The per-attempt limit of report runs on its clock: here 5s of it, a quarter second of real time.
        var result = await AcmdrAsync(hub, "report", "--to", "DR", "-i", "inventory/apps.csv", "--managed-kubeconfig", hub.Dir.File("managed.kubeconfig"), "--request-timeout", "5s");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty();
        var lines = Lines(result.Err);
        lines[..^1].Should().NotBeEmpty().And.OnlyContain(l => l.Contains("no answer within 5s; retrying in ", StringComparison.Ordinal));
        lines[^1].Should().StartWith($"acmdr: {Address(managed)} did not answer in time for ").And.Contain("no answer within 5s").And.Contain("gave up after");
    }
}
