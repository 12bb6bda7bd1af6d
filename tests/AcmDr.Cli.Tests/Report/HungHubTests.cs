using System.Text.Json;
using AcmDr.FakeKube;
using FluentAssertions;
using static AcmDr.Cli.Tests.Report.FastRun;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// A hub that takes connections and never answers: wait and report end in bounded time with exit 3
/// and one line naming it, never with a report made of nothing. A hub lost mid-wait leaves the last
/// report, marked stale, and exit 3.
/// </summary>
[TestClass]
public sealed class HungHubTests
{
    [TestMethod]
    [DataRow(".")]
    [DataRow(PoliciesPath)]
    public async Task Wait_on_a_hub_that_never_answers_exits_3_naming_it(string hungPath)
    {
        await using var hub = await Flip.FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Hang(null, hungPath));

        var result = await AcmdrAsync(hub, "wait", "--to", "DR", "--timeout", "1m", "-o", "json");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty("a report of nothing would pass for an answer");
        var lines = Lines(result.Err);
        lines[..^1].Should().OnlyContain(l => l.Contains("no answer within 30s; retrying", StringComparison.Ordinal));
        lines[^1].Should().Be($"acmdr: hub {hub.Server.BaseUri.ToString().TrimEnd('/')} did not answer within 1m (--timeout): no report");
    }

    [TestMethod]
    public async Task Report_on_a_hub_that_never_answers_exits_3_naming_it()
    {
        await using var hub = await Flip.FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Hang(null, "."));

        var result = await AcmdrAsync(hub, "report", "--to", "DR");

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty();
        var lines = Lines(result.Err);
        lines[..^1].Should().ContainSingle().Which.Should().Contain("no answer within 30s; retrying");
        lines[^1].Should().Contain(hub.Server.BaseUri.Authority).And.Contain("did not answer in time for policies").And.Contain("gave up after 2 attempts");
    }

    [TestMethod]
    public async Task Wait_whose_hub_goes_away_shows_the_last_report_marked_stale_and_exits_3()
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);
        // The first list is answered; every later request for the policies (the watch, the lists again) fails.
        hub.Server.Faults.Add(new FaultRule { Kind = FaultKind.RespondWithStatus, Method = "GET", PathPattern = PoliciesPath, SkipMatches = 1, StatusCode = 503 });

        var result = await AcmdrAsync(hub, "wait", "--to", "DR", "--timeout", "2m", "-o", "json");

        result.ExitCode.Should().Be(3, result.ToString());
        var report = JsonDocument.Parse(result.Out).RootElement;
        report.GetProperty("warnings").EnumerateArray().Should().Contain(w => w.GetString()!.StartsWith("stale: hub ", StringComparison.Ordinal));
        var verdicts = report.GetProperty("vms").EnumerateArray().ToDictionary(v => v.GetProperty("vm").GetString()!, v => v.GetProperty("verdict").GetString());
        verdicts.Should().Equal(new Dictionary<string, string?> { ["db-0"] = "moved", ["db-1"] = "moved", ["web-0"] = "waiting" }, "what the hub said last");
        Lines(result.Err)[^1].Should().Contain("stopped answering").And.Contain("the report is what it said last");
        Reads(hub.Server, PoliciesPath).Should().BeGreaterThan(6, "the lists are tried again until the deadline");
    }

    /// <summary>
    /// The hub hangs while the watch stays open: no error arrives, so wait ends the watch after its
    /// period (5m30s), lists again, gets no answer, and at --timeout reports stale. 60 times faster.
    /// </summary>
    [TestMethod]
    public async Task Wait_whose_hub_hangs_behind_an_open_watch_finds_out_and_exits_3()
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);

        var waiting = AcmdrAsync(hub, 60, "wait", "--to", "DR", "--timeout", "10m", "-o", "json");
        await EndToEndTests.UntilAsync(() => hub.Server.Requests.Entries.Any(r => r.Path.EndsWith("/policies", StringComparison.Ordinal) && r.Query.Contains("watch=true", StringComparison.Ordinal)));
        hub.Server.Faults.Add(FaultRule.Hang(null, "."));
        var result = await waiting;

        result.ExitCode.Should().Be(3, result.ToString());
        JsonDocument.Parse(result.Out).RootElement.GetProperty("warnings").EnumerateArray().Should().Contain(w => w.GetString()!.Contains("stopped answering", StringComparison.Ordinal));
        Lines(result.Err)[^1].Should().Contain("no answer within 30s").And.Contain("the report is what it said last");
    }

    [TestMethod]
    [DataRow("500")]
    [DataRow("drop")]
    public async Task Wait_lists_and_watches_again_after_a_failed_watch(string fault)
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);
        var watchFault = fault == "drop"
            ? new FaultRule { Kind = FaultKind.DropBeforeHandling, Method = "GET", PathPattern = PoliciesPath, SkipMatches = 1, Times = 1 }
            : new FaultRule { Kind = FaultKind.RespondWithStatus, Method = "GET", PathPattern = PoliciesPath, SkipMatches = 1, Times = 1, StatusCode = 500 };
        hub.Server.Faults.Add(watchFault);

        var waiting = AcmdrAsync(hub, "wait", "--to", "DR", "--timeout", "10m");
        await EndToEndTests.UntilAsync(() => hub.Server.Faults.FiredCount(watchFault) == 1);
        EndToEndTests.TierTwoMoved(acm, flip, minutes: 20);
        var result = await waiting;

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("3/3 VMs at DR");
        result.Err.Should().Contain("watch of policies").And.Contain("listing again");
    }
}
