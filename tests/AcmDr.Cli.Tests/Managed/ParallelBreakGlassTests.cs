using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>Break glass patches the VMs of a tier in parallel, tier after tier, and prints them in the inventory's order.</summary>
[TestClass]
public sealed class ParallelBreakGlassTests
{
    private const string SiteLabel = ClusterObjects.SiteLabel;

    /// <summary>90 VMs in ns-0..ns-3; ns-0 and ns-2 are tier 1, ns-1 and ns-3 tier 2.</summary>
    private static int TierOf(string path) => path.Contains("/namespaces/ns-0/", StringComparison.Ordinal) || path.Contains("/namespaces/ns-2/", StringComparison.Ordinal) ? 1 : 2;

    [TestMethod]
    public async Task Patches_go_several_at_once_within_a_tier_never_across_tiers_and_print_in_inventory_order()
    {
        await using var cluster = await ScaledCluster.StartAsync(90, 4, selectorSite: "Primary");
        // The first four patches are held until all four have arrived: only parallel writes get past.
        using var together = new CountdownEvent(4);
        var missed = 0;
        cluster.Server.Faults.Add(FaultRule.Before("PATCH", "/virtualmachines/", _ =>
        {
            together.Signal();
            if (!together.Wait(TimeSpan.FromSeconds(30)))
            {
                Interlocked.Increment(ref missed);
            }
        }, times: 4));

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--parallel", "4");

        result.ExitCode.Should().Be(0, result.ToString());
        missed.Should().Be(0, "four patches were in flight at once");
        result.Out.Should().Contain("set 90, already DR 0, not set 0 of 90 VMs");
        var patches = cluster.Writes();
        patches.Should().HaveCount(90).And.OnlyContain(r => r.Method == "PATCH");
        patches.Select(r => r.Path).Should().OnlyHaveUniqueItems();
        var lastTierOne = patches.ToList().FindLastIndex(r => TierOf(r.Path) == 1);
        var firstTierTwo = patches.ToList().FindIndex(r => TierOf(r.Path) == 2);
        lastTierOne.Should().Be(44).And.BeLessThan(firstTierTwo, "no tier-2 patch before the last tier-1 patch");
        for (var i = 0; i < 90; i++)
        {
            var ns = $"ns-{i % 4}";
            var name = $"vm-{i:0000}";
            cluster.Vm(ns, name)!["spec"]!["template"]!["spec"]!["nodeSelector"]![SiteLabel]!.GetValue<string>().Should().Be("DR", name);
        }

        // Inventory order: tier, then app (one per namespace), then name.
        var expected = Enumerable.Range(0, 90)
            .Select(i => (Ns: $"ns-{i % 4}", Name: $"vm-{i:0000}"))
            .OrderBy(v => TierOf($"/namespaces/{v.Ns}/")).ThenBy(v => v.Ns, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => $"  {v.Ns}/{v.Name}: {SiteLabel} Primary -> DR");
        result.Out.Split('\n').Where(l => l.StartsWith("  ns-", StringComparison.Ordinal)).Should().Equal(expected);
        result.Out.IndexOf("tier 2:", StringComparison.Ordinal).Should().BeGreaterThan(result.Out.IndexOf("  ns-2/vm-0086:", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task A_parallel_below_one_is_refused_with_exit_2_before_touching_the_cluster()
    {
        await using var cluster = await ScaledCluster.StartAsync(3, 1, selectorSite: "Primary");

        var result = await cluster.RunAsync("breakglass", "--to", "DR", "--parallel", "0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: --parallel must be at least 1\n");
        cluster.Server.Requests.Entries.Should().BeEmpty();
    }
}
