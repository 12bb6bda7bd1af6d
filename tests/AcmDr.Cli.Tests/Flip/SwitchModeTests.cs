using System.Text.Json;
using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Flip;

/// <summary>
/// The switch's <c>mode</c> (how Ramen moves dual-cluster apps) on the fake hub and in Git: every flip writes it in
/// the same write as the site, <c>--unplanned</c> only when a dual app is in scope, and a bad value is refused.
/// </summary>
[TestClass]
public sealed class SwitchModeTests
{
    private static void SetData(FakeHub hub, string key, string? value) =>
        hub.Server.Store.Update(string.Empty, "v1", "configmaps", "acmdr", "acmdr-sites", map =>
        {
            if (value is null)
            {
                map["data"]!.AsObject().Remove(key);
            }
            else
            {
                map["data"]![key] = value;
            }
        });

    private static int Patches(FakeHub hub) => hub.Server.Requests.Entries.Count(r => r.Method == "PATCH");

    private static IReadOnlyList<FlipHistoryEntry> Trail(FakeHub hub) =>
        FlipHistory.Read(hub.Switch["metadata"]!["annotations"]![FlipHistory.Annotation]!.GetValue<string>()).Entries;

    /// <summary>A dual app's policy as the hub lists it: its labels and its DRPlacementControl's template.</summary>
    private static void PutDualPolicy(FakeHub hub, string app, int tier) =>
        hub.Server.Store.Put(new JsonObject
        {
            ["apiVersion"] = "policy.open-cluster-management.io/v1",
            ["kind"] = "Policy",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"dr-{app}", ["namespace"] = "acmdr",
                ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "acmdr", ["acmdr.io/app"] = app, ["acmdr.io/tier"] = $"{tier}" },
                ["annotations"] = new JsonObject { ["acmdr.io/vms"] = $"{app}/{app}-0" },
            },
            ["spec"] = new JsonObject
            {
                ["policy-templates"] = new JsonArray(
                    new JsonObject { ["objectDefinition"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"dr-{app}-drpc" } } },
                    new JsonObject { ["objectDefinition"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"dr-{app}-recovered" } } }),
            },
        });

    [TestMethod]
    public async Task A_flip_writes_the_mode_planned_in_the_same_single_write_as_the_site_and_records_it()
    {
        await using var hub = await FakeHub.StartAsync();
        SetData(hub, "mode", "unplanned");

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--yes", "--reason", "drill");

        result.ExitCode.Should().Be(0, result.ToString());
        (hub.Data("site"), hub.Data("mode")).Should().Be(("DR", "planned"));
        Patches(hub).Should().Be(1, "the mode travels with the site, never in a write of its own");
        result.Out.Should().Contain("  mode: unplanned -> planned").And.Contain("flipped: site Primary -> DR, mode unplanned -> planned by alice");
        Trail(hub).Select(e => (e.Scope, e.From, e.To)).Should().Equal(("site", "Primary", "DR"), ("mode", "unplanned", "planned"));
        Trail(hub).Select(e => e.Id).Distinct().Should().ContainSingle("both keys changed in one flip");
    }

    [TestMethod]
    public async Task A_dry_run_shows_the_mode_change_exactly_and_writes_nothing()
    {
        await using var hub = await FakeHub.StartAsync();
        SetData(hub, "mode", "unplanned");
        var before = hub.Switch.ToJsonString();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("  site: Primary -> DR\n  mode: unplanned -> planned\n");
        var patch = JsonNode.Parse(result.Out.Split('\n').Single(l => l.StartsWith("{\"metadata\"", StringComparison.Ordinal)))!;
        patch["data"]!.ToJsonString().Should().Be("{\"site\":\"DR\",\"mode\":\"planned\"}");
        hub.Switch.ToJsonString().Should().Be(before);
        Patches(hub).Should().Be(0);
    }

    [TestMethod]
    public async Task Unplanned_without_a_dual_app_in_the_inventory_is_refused_with_one_line_and_nothing_is_written()
    {
        await using var hub = await FakeHub.StartAsync();
        var before = hub.Switch.ToJsonString();

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--unplanned", "--yes");
        var inGit = await CliRunner.RunAsync(hub.Dir.Path, "flip", "--in-git", "--to", "DR", "--unplanned");

        result.ExitCode.Should().Be(2);
        result.Err.Should().Be("acmdr: --unplanned makes Ramen fail over dual-cluster apps, and no dual app (one with a peer) is in the inventory; flip without it\n");
        result.Out.Should().BeEmpty();
        inGit.ExitCode.Should().Be(2, inGit.ToString());
        hub.Switch.ToJsonString().Should().Be(before);
        hub.Server.Requests.Entries.Should().BeEmpty("the inventory settles it before the hub is asked");
    }

    [TestMethod]
    public async Task Without_an_inventory_the_dual_apps_come_from_their_policies_on_the_hub_and_unplanned_fails_them_over()
    {
        await using var hub = await FakeHub.StartAsync();
        PutDualPolicy(hub, "erp", 2);
        File.Delete(hub.Dir.File("inventory/apps.csv"));

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--unplanned", "--yes");

        result.ExitCode.Should().Be(0, result.ToString());
        (hub.Data("site"), hub.Data("mode")).Should().Be(("DR", "unplanned"));
        Patches(hub).Should().Be(1);
        result.Out.Should().Contain("    tier 2 erp: Ramen is asked to Failover to its peer cluster (unplanned: data written since the last sync may be lost)")
            .And.Contain("acmdr never starts or stops a VM of a dual app");
    }

    [TestMethod]
    public async Task Without_an_inventory_unplanned_is_refused_when_the_hub_lists_no_dual_app_in_scope()
    {
        await using var hub = await FakeHub.StartAsync();
        PutDualPolicy(hub, "erp", 2);
        File.Delete(hub.Dir.File("inventory/apps.csv"));

        var result = await hub.AcmdrAsync("flip", "--to", "DR", "--tier", "1", "--unplanned");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Err.Should().Be("acmdr: --unplanned makes Ramen fail over dual-cluster apps, and no dual app (one with a peer) is in the --app/--tier scope; flip without it; nothing was written\n");
        Patches(hub).Should().Be(0);
    }

    [TestMethod]
    public async Task In_git_the_flip_rewrites_the_mode_with_the_site_and_generate_keeps_it()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var file = dir.File("policies/base/acmdr-sites.yaml");
        File.ReadAllText(file).Should().Contain("\n  mode: planned\n", "generate writes the mode");
        File.WriteAllText(file, File.ReadAllText(file).Replace("mode: planned", "mode: unplanned", StringComparison.Ordinal));
        (await CliRunner.RunAsync(dir.Path, "generate", "--check")).ExitCode.Should().Be(0, "generate keeps a committed mode");

        var result = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("  mode: unplanned -> planned").And.Contain("git commit -m 'acmdr flip: site Primary -> DR, mode unplanned -> planned'");
        File.ReadAllText(file).Should().Contain("\n  mode: planned\n").And.Contain("\n  site: DR\n");
    }

    [TestMethod]
    public async Task A_switch_file_with_a_mode_that_is_not_planned_or_unplanned_is_refused_by_flip_and_generate()
    {
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Example);
        (await CliRunner.RunAsync(dir.Path, "generate")).ExitCode.Should().Be(0);
        var file = dir.File("policies/base/acmdr-sites.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("mode: planned", "mode: Planned", StringComparison.Ordinal));
        var before = File.ReadAllText(file);

        var flip = await CliRunner.RunAsync(dir.Path, "flip", "--in-git", "--to", "DR");
        var generate = await CliRunner.RunAsync(dir.Path, "generate");

        flip.ExitCode.Should().Be(2);
        flip.Err.Should().MatchRegex("^acmdr: .*acmdr-sites.yaml:[0-9]+: not a switch acmdr can read: mode 'Planned' is not planned or unplanned; left as it is .*\n$");
        generate.ExitCode.Should().Be(2);
        generate.Err.Should().Contain("mode 'Planned' is not planned or unplanned");
        File.ReadAllText(file).Should().Be(before);
    }

    [TestMethod]
    public async Task The_trail_of_a_flip_is_one_json_array_entry_per_changed_key_mode_included()
    {
        await using var hub = await FakeHub.StartAsync();
        SetData(hub, "mode", null);

        (await hub.AcmdrAsync("flip", "--to", "DR", "--yes")).ExitCode.Should().Be(0);

        var trail = JsonDocument.Parse(hub.Switch["metadata"]!["annotations"]![FlipHistory.Annotation]!.GetValue<string>()).RootElement;
        trail.EnumerateArray().Select(e => e.GetProperty("scope").GetString()).Should().Equal("site", "mode");
        trail[1].GetProperty("from").GetString().Should().Be("(not set)");
    }
}
