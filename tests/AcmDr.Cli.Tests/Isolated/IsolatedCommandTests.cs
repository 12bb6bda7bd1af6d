using FluentAssertions;
using static AcmDr.Cli.Tests.Isolated.IsolatedRuns;

namespace AcmDr.Cli.Tests.Isolated;

/// <summary>The command line of rehearse --isolated and --cleanup: what each mode takes and refuses, the dry run, where the report goes.</summary>
[TestClass]
public sealed class IsolatedCommandTests
{
    [TestMethod]
    [DataRow("--isolated", "--reason", "drill")]
    [DataRow("--isolated", "--back")]
    [DataRow("--isolated", "--unplanned")]
    [DataRow("--isolated", "--yes")]
    [DataRow("--cleanup", "--reason", "drill")]
    [DataRow("--cleanup", "--back")]
    public async Task Options_of_a_rehearsal_that_flips_are_refused_with_isolated_and_cleanup_with_exit_2(string mode, string option, string? value = null)
    {
        await using var world = await IsolationWorld.StartAsync();
        string[] args = value is null ? ["rehearse", mode, option] : ["rehearse", mode, option, value];

        var result = await world.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        ErrLines(result).Should().ContainSingle().Which.Should().StartWith($"acmdr: {option} is not for {mode}");
        world.Requests.Count.Should().Be(0, "refused before any cluster is read");
    }

    [TestMethod]
    [DataRow("--keep")]
    [DataRow("--new-identity")]
    [DataRow("--dry-run")]
    public async Task Options_of_an_isolated_rehearsal_are_refused_in_a_rehearsal_that_flips(string option)
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--to", "DR", "--reason", "drill", option);

        result.ExitCode.Should().Be(2, result.ToString());
        ErrLines(result).Should().ContainSingle().Which.Should().Be($"acmdr: {option} is not for a rehearsal that flips: it is for --isolated or --cleanup");
    }

    [TestMethod]
    public async Task A_rehearsal_that_flips_still_needs_its_site_and_reason()
    {
        await using var world = await IsolationWorld.StartAsync();

        var noReason = await world.RunAsync("rehearse", "--to", "DR");
        var noSite = await world.RunAsync("rehearse", "--reason", "drill");

        noReason.ExitCode.Should().Be(2, noReason.ToString());
        noReason.Err.Should().StartWith("acmdr: rehearse needs --reason");
        noSite.ExitCode.Should().Be(2, noSite.ToString());
        noSite.Err.Should().StartWith("acmdr: rehearse needs --to SITE");
    }

    [TestMethod]
    public async Task Isolated_and_cleanup_together_a_bad_id_and_a_zero_max_parallel_exit_2_and_an_unknown_site_exits_4()
    {
        await using var world = await IsolationWorld.StartAsync();

        var both = await world.RunAsync("rehearse", "--isolated", "--cleanup");
        var badId = await world.RunAsync("rehearse", "--isolated", "--id", "Not_An_Id");
        var zero = await world.RunAsync("rehearse", "--isolated", "--max-parallel", "0");
        var moon = await world.RunAsync("rehearse", "--isolated", "--to", "Moon");

        both.ExitCode.Should().Be(2, both.ToString());
        badId.ExitCode.Should().Be(2, badId.ToString());
        ErrLines(badId).Should().ContainSingle().Which.Should().StartWith("acmdr: --id 'Not_An_Id': ");
        zero.ExitCode.Should().Be(2, zero.ToString());
        moon.ExitCode.Should().Be(4, moon.ToString());
        ErrLines(moon).Should().ContainSingle().Which.Should().Contain("'Moon'");
        world.Requests.Count.Should().Be(0);
    }

    [TestMethod]
    public async Task Dry_run_runs_the_preflight_prints_the_plan_in_tier_order_and_creates_nothing()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "d1", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Out.Split('\n');
        lines[0].Should().StartWith("dry run: isolated rehearsal d1 on ").And.EndWith("3 VMs copied to DR; nothing is created");
        result.Out.Should().Contain("bubble acmdr-test-d1-shop for shop: isolated primary network 10.200.0.0/16, default-deny policy, isolated networks vlan100;")
            .And.Contain("  payments/db-1: snapshot acmdr-test-d1-db-1 in payments; DataVolumes db-1-root (30Gi, ocs-rbd), db-1-data (100Gi, ocs-rbd) in acmdr-test-d1-payments; VM copy db-1 at DR");
        Array.IndexOf(lines, "tier 2:").Should().BeGreaterThan(Array.IndexOf(lines, "tier 1:")).And.BeGreaterThan(0);
        world.Writes().Should().BeEmpty();
        world.Requests.Entries.Where(r => r.Method != "GET").Should().OnlyContain(r => r.Path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");

        // The quota the dry run shows is the one the run creates, key by key.
        var run = await world.RunAsync("rehearse", "--isolated", "--id", "d1", "--keep");
        run.ExitCode.Should().Be(0, run.ToString());
        var hard = world.Get(AcmDr.Cli.Cluster.ApiResource.Quotas, "acmdr-test-d1-payments", "acmdr-isolated")!["spec"]!["hard"]!.AsObject();
        hard.Should().NotBeEmpty();
        var shown = lines.Single(l => l.StartsWith("bubble acmdr-test-d1-payments ", StringComparison.Ordinal));
        shown.Should().EndWith("; quota " + string.Join(", ", hard.Select(q => $"{q.Key}={q.Value}")));
    }

    [TestMethod]
    public async Task Dry_run_refuses_as_the_run_would()
    {
        await using var world = await IsolationWorld.StartAsync();
        world.DropSnapshotGate();

        var result = await world.RunAsync("rehearse", "--isolated", "--dry-run");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Out.Should().BeEmpty();
    }

    [TestMethod]
    public async Task The_report_goes_to_the_output_file_in_the_format_asked_and_progress_to_stderr()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--id", "h1", "--tier", "1", "-o", "html", "--output-file", "isolated.html");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().BeEmpty();
        result.Err.Should().Contain("tier 1: payments/db-2 verified on node d-");
        File.ReadAllText(world.Dir.File("isolated.html")).Should().Contain("isolated test, production not moved").And.Contain("db-2");
    }

    [TestMethod]
    public async Task Without_an_id_a_new_one_is_made_from_the_time_and_named_in_the_cleanup_command()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--keep", "--tier", "2");

        result.ExitCode.Should().Be(0, result.ToString());
        var bubble = world.Bubbles().Should().ContainSingle().Subject;
        bubble.Should().MatchRegex("^acmdr-test-1201-0900-[a-z0-9]{3}-shop$", "the id is month-day, hour-minute and three random characters");
        var id = bubble["acmdr-test-".Length..^"-shop".Length];
        ErrLines(result)[^1].Should().Be($"copies kept running: acmdr rehearse --cleanup --id {id} removes them");
    }

    [TestMethod]
    public async Task A_cluster_the_inventory_does_not_name_exits_2_and_cleanup_of_an_unreachable_cluster_exits_3()
    {
        var world = await IsolationWorld.StartAsync();
        var unknown = await world.RunAsync("rehearse", "--isolated", "--cluster", "elsewhere");
        await world.Server.DisposeAsync();

        var unreachable = await world.RunAsync("rehearse", "--cleanup", "--id", "z1");

        unknown.ExitCode.Should().Be(2, unknown.ToString());
        ErrLines(unknown).Should().ContainSingle().Which.Should().Contain("--cluster 'elsewhere'");
        unreachable.ExitCode.Should().Be(3, unreachable.ToString());
        ErrLines(unreachable)[^1].Should().Contain("cannot reach").And.Contain("rehearsal z1");
        world.Dir.Dispose();
    }

    [TestMethod]
    public async Task An_unknown_app_is_refused_with_exit_2_before_any_request()
    {
        await using var world = await IsolationWorld.StartAsync();

        var result = await world.RunAsync("rehearse", "--isolated", "--app", "nope");

        result.ExitCode.Should().Be(2, result.ToString());
        ErrLines(result).Should().ContainSingle().Which.Should().Contain("nope");
        world.Requests.Count.Should().Be(0);
    }
}
