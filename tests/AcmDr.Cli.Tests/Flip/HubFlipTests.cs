using System.Text.Json;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.FakeKube;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

[TestClass]
public sealed class HubFlipTests
{
    private const string SwitchPath = "/api/v1/namespaces/acmdr/configmaps/acmdr-sites";

    [TestMethod]
    public async Task Global_flip_sets_the_site_with_audit_trail_and_event()
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--reason", "rehearsal 42");

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Data("site").Should().Be("DR");
        result.Out.Should().Contain("site: Primary -> DR").And.Contain("moves 2 apps, 3 VMs").And.Contain("flipped: site Primary -> DR by alice");
        var history = JsonDocument.Parse(hub.Switch["metadata"]!["annotations"]!["acmdr.io/flip-history"]!.GetValue<string>()).RootElement;
        history.GetArrayLength().Should().Be(1);
        var entry = history[0];
        entry.GetProperty("user").GetString().Should().Be("alice");
        entry.GetProperty("from").GetString().Should().Be("Primary");
        entry.GetProperty("to").GetString().Should().Be("DR");
        entry.GetProperty("scope").GetString().Should().Be("site");
        entry.GetProperty("reason").GetString().Should().Be("rehearsal 42");
        entry.GetProperty("at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var events = hub.Server.Store.List(string.Empty, "v1", "events", "acmdr");
        events.Should().ContainSingle().Which["reason"]!.GetValue<string>().Should().Be("SiteFlipped");
        events[0]["involvedObject"]!["name"]!.GetValue<string>().Should().Be("acmdr-sites");
    }

    [TestMethod]
    public async Task Tier_and_app_scopes_set_overrides_and_clear_removes_them()
    {
        await using var hub = await FakeHub.StartAsync();

        (await hub.AcmdrAsync("flip", "--to", "DR", "--tier", "2")).ExitCode.Should().Be(0);
        hub.Data("tier-2").Should().Be("DR");
        hub.Data("site").Should().Be("Primary");

        var app = await hub.AcmdrAsync("flip", "--to", "DR", "--app", "db");
        app.ExitCode.Should().Be(0);
        app.Out.Should().Contain("app-db: (not set) -> DR").And.Contain("tier 1: db (2 VMs, Primary -> DR)");
        hub.Data("app-db").Should().Be("DR");

        var clear = await hub.AcmdrAsync("flip", "--clear", "--tier", "2", "--app", "db");
        clear.ExitCode.Should().Be(0, clear.ToString());
        hub.Data("tier-2").Should().BeNull();
        hub.Data("app-db").Should().BeNull();
        clear.Out.Should().Contain("moves 2 apps, 3 VMs");
    }

    [TestMethod]
    public async Task Dry_run_shows_the_patch_and_writes_nothing()
    {
        await using var hub = await FakeHub.StartAsync();
        var before = hub.Switch.ToJsonString();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("dry run").And.Contain("\"site\":\"DR\"").And.Contain("\"resourceVersion\"");
        hub.Switch.ToJsonString().Should().Be(before);
        hub.Server.Requests.Entries.Should().NotContain(r => r.Method != "GET");
    }

    [TestMethod]
    public async Task A_concurrent_change_between_read_and_write_is_kept()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Before("PATCH", SwitchPath, store =>
            store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", cm => cm["data"]!["app-web"] = "Primary")));

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Contain("changed since it was read");
        hub.Data("site").Should().Be("DR");
        hub.Data("app-web").Should().Be("Primary", "the other writer's change is not overwritten");
        result.Out.Should().Contain("moves 1 app, 2 VMs", "the change is recomputed after the re-read: web stays at Primary");
    }

    [TestMethod]
    [DataRow(500)]
    [DataRow(429)]
    [DataRow(503)]
    public async Task A_transient_error_before_the_write_is_retried(int status)
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("PATCH", SwitchPath, status, times: 2));

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Err.Should().Contain($"acmdr: configmap acmdr/acmdr-sites: the cluster answered {status}; retrying in ").And.Contain("(2/5)").And.NotContain("(3/5)");
        hub.Data("site").Should().Be("DR");
        HistoryCount(hub).Should().Be(1);
    }

    [TestMethod]
    public async Task A_429_with_retry_after_is_retried_after_the_pause_the_server_asked_for()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.Status("PATCH", SwitchPath, 429, retryAfter: TimeSpan.FromSeconds(3), times: 1));

        var clock = new Managed.WaitDrivenClock();

        var result = await hub.AcmdrAsync(clock, "flip", "--to", "DR");

        // The own backoff (250 ms) would retry long before the 3 s the server asked for.
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(3));
        result.Err.Should().Contain("acmdr: configmap acmdr/acmdr-sites: the cluster answered 429; retrying in 3s (1/5)");
        result.ExitCode.Should().Be(0, result.ToString());
        hub.Data("site").Should().Be("DR");
        HistoryCount(hub).Should().Be(1);
    }

    [TestMethod]
    public async Task A_dropped_connection_before_the_write_is_retried()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.DropBefore("PATCH", SwitchPath));

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        hub.Data("site").Should().Be("DR");
        HistoryCount(hub).Should().Be(1);
    }

    [TestMethod]
    public async Task A_lost_answer_after_the_write_is_recognised_and_not_applied_twice()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Faults.Add(FaultRule.DropAfter("PATCH", SwitchPath));

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("the write was applied although its answer was lost");
        hub.Data("site").Should().Be("DR");
        HistoryCount(hub).Should().Be(1);
    }

    [TestMethod]
    public async Task A_hub_that_keeps_failing_leaves_the_switch_unchanged_and_says_so()
    {
        await using var hub = await FakeHub.StartAsync();
        var before = hub.Switch.ToJsonString();
        hub.Server.Faults.Add(FaultRule.Status("PATCH", SwitchPath, 500));

        var result = await hub.AcmdrAsync("flip", "--to", "DR");

        result.ExitCode.Should().Be(3);
        result.Err.Should().Contain("not flipped").And.Contain("(gave up after 6 attempts)").And.NotContain("   at ");
        hub.Switch.ToJsonString().Should().Be(before);
    }

    [TestMethod]
    public async Task A_switch_managed_by_argo_cd_is_refused_unless_forced()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", cm =>
            cm["metadata"]!["annotations"] = new System.Text.Json.Nodes.JsonObject { ["argocd.argoproj.io/tracking-id"] = "dr:/ConfigMap:acmdr/acmdr-sites" });

        var refused = await hub.AcmdrAsync("flip", "--to", "DR");
        refused.ExitCode.Should().Be(4);
        refused.Err.Should().Contain("managed by GitOps").And.Contain("--in-git");
        hub.Data("site").Should().Be("Primary");

        var forced = await hub.AcmdrAsync("flip", "--to", "DR", "--force");
        forced.ExitCode.Should().Be(0, forced.ToString());
        hub.Data("site").Should().Be("DR");
    }

    [TestMethod]
    public async Task Unknown_site_is_refused_with_exit_4()
    {
        await using var hub = await FakeHub.StartAsync();

        var result = await hub.AcmdrAsync("flip", "--to", "Mars");

        result.ExitCode.Should().Be(4);
        result.Err.Trim().Should().Be("acmdr: refused: site 'Mars' is not one of the sites the switch allows: Primary, DR");
    }

    [TestMethod]
    public async Task Missing_switch_unreachable_hub_and_wrong_context_exit_3_with_one_line()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Store.Delete(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites");

        var missing = await hub.AcmdrAsync("flip", "--to", "DR");
        missing.ExitCode.Should().Be(3);
        missing.Err.Should().Contain("switch configmap acmdr/acmdr-sites not found");

        var context = await CliRunner.RunAsync(hub.Dir.Path, "flip", "--to", "DR", "--kubeconfig", hub.Kubeconfig, "--context", "nope");
        context.ExitCode.Should().Be(3);
        context.Err.Trim().Should().StartWith("acmdr: hub: context 'nope' not found");

        var unreachable = hub.Dir.File("dead-kubeconfig", File.ReadAllText(hub.Kubeconfig).Replace(hub.Server.BaseUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", StringComparison.Ordinal));
        var dead = await CliRunner.RunAsync(hub.Dir.Path, "flip", "--to", "DR", "--kubeconfig", unreachable);
        dead.ExitCode.Should().Be(3);
        dead.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Should().StartWith("acmdr: not flipped: cannot reach");
    }

    [TestMethod]
    public async Task Without_an_inventory_the_moved_apps_come_from_the_policies_on_the_hub()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Server.Store.Put(new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "policy.open-cluster-management.io/v1",
            ["kind"] = "Policy",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "dr-db", ["namespace"] = "acmdr",
                ["labels"] = new System.Text.Json.Nodes.JsonObject { ["app.kubernetes.io/managed-by"] = "acmdr", ["acmdr.io/app"] = "db", ["acmdr.io/tier"] = "1" },
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { ["acmdr.io/vms"] = "finance/db-0,finance/db-1" },
            },
        });
        File.Delete(hub.Dir.File("inventory/apps.csv"));

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("moves 1 app, 2 VMs").And.Contain("tier 1: db (2 VMs, Primary -> DR)");
    }

    private static int HistoryCount(FakeHub hub) =>
        JsonDocument.Parse(hub.Switch["metadata"]!["annotations"]!["acmdr.io/flip-history"]!.GetValue<string>()).RootElement.GetArrayLength();
}

[TestClass]
public sealed class HubFlipKubectlTests
{
    [TestMethod]
    public async Task The_real_kubectl_sees_the_flipped_switch_and_its_event()
    {
        var kubectl = RequiredTool.Kubectl();
        await using var hub = await FakeHub.StartAsync();
        (await hub.AcmdrAsync("flip", "--to", "DR", "--tier", "2")).ExitCode.Should().Be(0);

        var (exit, stdout, stderr) = await Task.Run(() => Support.ProcessRunner.Run(kubectl,
            ["--kubeconfig", hub.Kubeconfig, "get", "configmap", "acmdr-sites", "-n", "acmdr", "-o", "jsonpath={.data.site}/{.data.tier-2}"],
            null, hub.Dir.Path, new Dictionary<string, string> { ["HOME"] = hub.Dir.Path }, TimeSpan.FromSeconds(60)));

        exit.Should().Be(0, stderr);
        stdout.Should().Be("Primary/DR");
    }
}
