using AcmDr.Cli.Tests.Infrastructure;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>Failing back with overrides at DR: what stays behind is said, and --all clears every override in the same write.</summary>
[TestClass]
public sealed class FailbackTests
{
    private const string SwitchPath = "/api/v1/namespaces/acmdr/configmaps/acmdr-sites";

    private const string Hint = "  to move them too: acmdr flip --to Primary --all";

    /// <summary>The example's switch after a failover to DR with tier 1 also pinned to DR.</summary>
    private static async Task<FakeHub> AtDrWithTier1OverrideAsync(params string[] overrides)
    {
        var hub = await FakeHub.StartAsync();
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", cm =>
        {
            cm["data"]!["site"] = "DR";
            foreach (var key in overrides)
            {
                cm["data"]![key] = "DR";
            }
        });
        return hub;
    }

    [TestMethod]
    public async Task A_failback_dry_run_names_each_app_an_override_keeps_at_DR_and_the_command_that_moves_it()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1");

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Split('\n').Should().ContainInConsecutiveOrder(
            "  site: DR -> Primary",
            "  moves 1 app, 1 VM:",
            "    tier 2: web (1 VM, DR -> Primary)",
            "  the policies live-migrate running VMs tier by tier (moveRunning: migrate); a VM that cannot live-migrate waits for acmdr relocate",
            "  keeps 1 app, 2 VMs off Primary by overrides:",
            "    stays at DR: tier 1 app db (2 VMs) by tier-1=DR",
            Hint);
    }

    [TestMethod]
    public async Task An_app_override_is_named_over_the_tier_override_it_wins_against()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1", "app-db", "tier-2");

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Split('\n').Should().ContainInConsecutiveOrder(
            "  moves no app",
            "  keeps 2 apps, 3 VMs off Primary by overrides:",
            "    stays at DR: tier 1 app db (2 VMs) by app-db=DR",
            "    stays at DR: tier 2 app web (1 VM) by tier-2=DR",
            Hint);
    }

    [TestMethod]
    public async Task When_the_site_already_says_so_the_apps_overrides_keep_elsewhere_are_still_named()
    {
        await using var hub = await FakeHub.StartAsync();
        (await hub.AcmdrAsync("flip", "--to", "DR", "--tier", "2")).ExitCode.Should().Be(0);

        var result = await hub.AcmdrAsync("flip", "--to", "Primary");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Split('\n').Should().ContainInConsecutiveOrder(
            "  site: Primary -> Primary (unchanged)",
            "  moves no app",
            "  keeps 1 app, 1 VM off Primary by overrides:",
            "    stays at DR: tier 2 app web (1 VM) by tier-2=DR",
            Hint,
            "nothing to change: the switch already says so");
    }

    [TestMethod]
    public async Task Without_an_app_list_the_override_keys_that_stay_are_named()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1", "app-web");
        File.Delete(hub.Dir.File("inventory/apps.csv"));
        hub.Server.Faults.Add(AcmDr.FakeKube.FaultRule.Status("GET", "/apis/policy.open-cluster-management.io/v1/namespaces/acmdr/policies", 403));

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("  overrides keep apps off Primary (which apps: unknown): tier-1=DR, app-web=DR\n" + Hint + "\n");
    }

    [TestMethod]
    public async Task A_scoped_flip_and_a_flip_that_moves_everything_say_nothing_stays()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1");

        var scoped = await hub.AcmdrAsync("flip", "--to", "Primary", "--tier", "2", "--dry-run");
        var toDr = await hub.AcmdrAsync("flip", "--to", "DR", "--dry-run");

        scoped.Out.Should().NotContain("stays at").And.NotContain("--all");
        toDr.Out.Should().NotContain("stays at").And.NotContain("--all");
    }

    [TestMethod]
    public async Task All_sets_the_site_and_clears_every_override_in_one_patch_with_one_trail_entry_per_key()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1", "app-web");

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--all", "--reason", "failback");

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Server.Requests.Entries.Where(r => r.Path == SwitchPath && r.Method != "GET").Select(r => r.Method).Should().Equal("PATCH");
        hub.Data("site").Should().Be("Primary");
        hub.Data("tier-1").Should().BeNull();
        hub.Data("app-web").Should().BeNull();
        result.Out.Should().Contain("  moves 2 apps, 3 VMs:").And.NotContain("stays at")
            .And.Contain("flipped: site DR -> Primary, tier-1 DR -> (cleared), app-web DR -> (cleared) by alice");
        var trail = System.Text.Json.JsonDocument.Parse(hub.Switch["metadata"]!["annotations"]!["acmdr.io/flip-history"]!.GetValue<string>()).RootElement;
        trail.EnumerateArray().Select(e => e.GetProperty("scope").GetString()).Should().Equal("site", "tier-1", "app-web");
    }

    [TestMethod]
    public async Task All_in_a_dry_run_shows_the_nulls_of_the_merge_patch_and_writes_nothing()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1");
        var before = hub.Switch.ToJsonString();

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--all", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("  tier-1: DR -> (not set: follows the wider value)")
            .And.Contain("\"data\":{\"site\":\"Primary\",\"tier-1\":null}");
        hub.Switch.ToJsonString().Should().Be(before);
        hub.Server.Requests.Entries.Should().NotContain(r => r.Method != "GET");
    }

    [TestMethod]
    [DataRow("--app", "db", "--all moves every app and takes no --app or --tier")]
    [DataRow("--tier", "1", "--all moves every app and takes no --app or --tier")]
    public async Task All_with_a_scope_is_refused_with_one_line_and_exit_2(string option, string value, string line)
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1");

        var result = await hub.AcmdrAsync("flip", "--to", "Primary", "--all", option, value);

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be($"acmdr: {line}\n");
        hub.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    public async Task All_with_clear_or_without_a_site_is_refused_with_one_line_and_exit_2()
    {
        await using var hub = await AtDrWithTier1OverrideAsync("tier-1");

        var clear = await hub.AcmdrAsync("flip", "--clear", "--all");
        var noSite = await hub.AcmdrAsync("flip", "--all");

        clear.ExitCode.Should().Be(2);
        clear.Err.Should().Be("acmdr: --all takes --to SITE, not --clear: it sets the site and clears every override\n");
        noSite.ExitCode.Should().Be(2);
        noSite.Err.Should().Be("acmdr: --all needs --to SITE: it sets the site and clears every override\n");
        hub.Server.Requests.Entries.Should().BeEmpty();
    }

    [TestMethod]
    public async Task In_git_a_failback_names_what_stays_and_all_removes_every_override_line_in_one_rewrite()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var file = dir.File("policies/base/acmdr-sites.yaml");
        var home = File.ReadAllText(file);
        (await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR", "--tier", "1", "--app", "web")).ExitCode.Should().Be(0);

        var plain = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "Primary", "--dry-run");
        var all = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "Primary", "--all");

        plain.ExitCode.Should().Be(0, plain.ToString());
        plain.Out.Split('\n').Should().ContainInConsecutiveOrder(
            "  moves no app",
            "  keeps 2 apps, 3 VMs off Primary by overrides:",
            "    stays at DR: tier 1 app db (2 VMs) by tier-1=DR",
            "    stays at DR: tier 2 app web (1 VM) by app-web=DR",
            "  to move them too: acmdr flip --in-git --to Primary --all");
        all.ExitCode.Should().Be(0, all.ToString());
        all.Out.Should().Contain("git commit -m 'acmdr flip: site DR -> Primary, tier-1 DR -> (cleared), app-web DR -> (cleared)'").And.NotContain("stays at");
        File.ReadAllText(file).Should().Be(home, "the switch is back to what generate wrote: Primary, no override");
    }

    [TestMethod]
    public async Task In_git_all_with_an_app_is_refused_with_one_line_and_exit_2_and_nothing_changes()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var before = dir.Snapshot();

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "Primary", "--all", "--app", "db");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be("acmdr: --all moves every app and takes no --app or --tier\n");
        dir.Snapshot().Should().Equal(before);
    }
}
