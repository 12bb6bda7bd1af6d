using System.Text.Json;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>Ctrl-C during 'wait' ends it with the report of what the hub said so far, marked partial, exit 130.</summary>
[TestClass]
public sealed class WaitInterruptedTests
{
    [TestMethod]
    public async Task Stopping_a_wait_prints_the_partial_report_and_exits_130()
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);
        hub.Server.Requests.Clear();
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        using var stop = new CancellationTokenSource();
        var io = new CliIo(output, error, hub.Dir.Path, TimeProvider.System);

        var waiting = CliApp.RunAsync(["wait", "--to", "DR", "--timeout", "2m", "-o", "json", "--kubeconfig", hub.Kubeconfig], io, stop.Token);
        await EndToEndTests.UntilAsync(() => hub.Server.Requests.Entries.Any(r => r.Query.Contains("watch=true", StringComparison.Ordinal) && r.Path.Contains("/policies", StringComparison.Ordinal)));
        await stop.CancelAsync();
        var exit = await waiting;

        exit.Should().Be(130, error.ToString());
        error.ToString().Should().EndWith("acmdr: interrupted; the report above is partial\n");
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Should()
            .Contain("interrupted: the report is what the hub said until the wait was stopped");
        report.GetProperty("moved").GetInt32().Should().Be(2, "tier 1 had moved when the wait was stopped");
    }
}
