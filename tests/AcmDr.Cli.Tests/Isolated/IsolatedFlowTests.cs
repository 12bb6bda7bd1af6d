using AcmDr.Cli.Cluster;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Isolated;

[TestClass]
public sealed class IsolatedFlowTests
{
    [TestMethod]
    public async Task Smoke_run()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "t1", "-o", "wide");

        result.ExitCode.Should().Be(0, result.ToString());
        world.Bubbles().Should().BeEmpty();
        File.WriteAllText("/tmp/x/out.txt", result.ToString());
        File.WriteAllText("/tmp/x/req.txt", string.Join("\n", world.Requests.Entries.Select(r => $"{r.Method} {r.Path} {r.StatusCode}")));
    }
}
