using AcmDr.FakeKube;
using FluentAssertions;
using static AcmDr.Cli.Tests.Report.FastRun;

namespace AcmDr.Cli.Tests.Report;

/// <summary>
/// report and wait ride out a brief fault on every read (the policy list, the switch, the managed
/// cluster's nodes and instances) and give the same report; a lasting fault ends in exit 3 with one
/// line after the bounded retries; a refusal ends at once.
/// </summary>
[TestClass]
public sealed class HubFaultTests
{
    private static string[] Command(string command) => command == "wait"
        ? ["wait", "--to", "DR", "--timeout", "10m"]
        : ["report", "--to", "DR"];

    private static FaultRule Once(string fault, string path) => fault switch
    {
        "429" => FaultRule.Status("GET", path, 429, retryAfter: TimeSpan.FromSeconds(2), times: 1),
        "drop" => FaultRule.DropBefore("GET", path),
        _ => FaultRule.Status("GET", path, int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture), times: 1),
    };

    [TestMethod]
    [DataRow("report", "500")]
    [DataRow("report", "503")]
    [DataRow("report", "429")]
    [DataRow("report", "drop")]
    [DataRow("wait", "500")]
    [DataRow("wait", "503")]
    [DataRow("wait", "429")]
    [DataRow("wait", "drop")]
    public async Task One_fault_on_every_read_gives_the_same_report(string command, string fault)
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);
        EndToEndTests.TierTwoMoved(acm, flip, minutes: 20);
        var (managed, kubeconfig) = await EndToEndTests.ManagedAsync(hub);
        await using var __ = managed;
        string[] args = [.. Command(command), "-o", "json", "--managed-kubeconfig", kubeconfig];
        var clean = await AcmdrAsync(hub, args);
        clean.ExitCode.Should().Be(1, "db-1 still runs at Primary: " + clean);
        var rules = new[]
        {
            (hub.Server, Once(fault, PoliciesPath)), (hub.Server, Once(fault, SwitchPath)),
            (managed, Once(fault, NodesPath)), (managed, Once(fault, InstancesPath)),
        };
        foreach (var (server, rule) in rules)
        {
            server.Faults.Add(rule);
        }

        var faulted = await AcmdrAsync(hub, args);

        faulted.ExitCode.Should().Be(clean.ExitCode, faulted.ToString());
        Timeless(faulted.Out).Should().Be(Timeless(clean.Out));
        foreach (var (server, rule) in rules)
        {
            server.Faults.FiredCount(rule).Should().Be(1, rule.PathPattern);
        }

        if (fault == "429")
        {
            faulted.Err.Should().Contain("retrying in 2s", "the server's Retry-After is honoured");
        }
    }

    [TestMethod]
    public async Task A_retry_after_longer_than_30s_is_cut_to_30s()
    {
        await using var hub = await Flip.FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("GET", PoliciesPath, 429, retryAfter: TimeSpan.FromHours(1), times: 1));

        var result = await AcmdrAsync(hub, "report", "--to", "DR");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Err.Should().Contain("retrying in 30s");
    }

    [TestMethod]
    [DataRow("report", PoliciesPath)]
    [DataRow("report", SwitchPath)]
    [DataRow("wait", PoliciesPath)]
    [DataRow("wait", SwitchPath)]
    public async Task A_lasting_503_exits_3_with_one_line_after_six_attempts(string command, string path)
    {
        await using var hub = await Flip.FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("GET", path, 503));

        var result = await AcmdrAsync(hub, Command(command));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Out.Should().BeEmpty();
        var lines = Lines(result.Err);
        lines[..^1].Should().HaveCount(5).And.OnlyContain(l => l.Contains("retrying", StringComparison.Ordinal));
        lines[^1].Should().Contain("503").And.Contain(hub.Server.BaseUri.Authority).And.Contain("gave up after 6 attempts");
        result.Err.Should().NotContain("   at ");
        Reads(hub.Server, path).Should().Be(6);
    }

    [TestMethod]
    [DataRow("report", PoliciesPath)]
    [DataRow("report", SwitchPath)]
    [DataRow("wait", PoliciesPath)]
    [DataRow("wait", SwitchPath)]
    public async Task A_refused_read_exits_3_at_once(string command, string path)
    {
        await using var hub = await Flip.FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("GET", path, 403));

        var result = await AcmdrAsync(hub, Command(command));

        result.ExitCode.Should().Be(3, result.ToString());
        Lines(result.Err).Should().ContainSingle().Which.Should().Contain("403");
        Reads(hub.Server, path).Should().Be(1, "a refusal is not retried");
    }

    [TestMethod]
    public async Task A_managed_cluster_that_keeps_failing_exits_3_naming_it()
    {
        var (hub, acm, flip) = await EndToEndTests.FlippedAsync();
        await using var _ = hub;
        EndToEndTests.TierOneMoved(acm, flip);
        var (managed, kubeconfig) = await EndToEndTests.ManagedAsync(hub);
        await using var __ = managed;
        managed.Faults.Add(FaultRule.Status("GET", NodesPath, 500));

        var result = await AcmdrAsync(hub, "report", "--managed-kubeconfig", kubeconfig);

        result.ExitCode.Should().Be(3, result.ToString());
        Lines(result.Err)[^1].Should().Contain(managed.BaseUri.Authority).And.Contain("500").And.Contain("gave up after 6 attempts");
        Reads(managed, NodesPath).Should().Be(6);
    }
}
