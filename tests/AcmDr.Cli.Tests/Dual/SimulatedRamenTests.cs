using System.Text.Json.Nodes;
using AcmDr.FakeKube;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace AcmDr.Cli.Tests.Dual;

[TestClass]
public sealed class SimulatedRamenTests
{
    private const string Ns = "openshift-gitops";

    private static JsonObject Drpc(string name, string preferred, string? action = null, string? failover = null)
    {
        var spec = new JsonObject
        {
            ["drPolicyRef"] = new JsonObject { ["name"] = "east-west-5m" },
            ["placementRef"] = new JsonObject { ["kind"] = "Placement", ["name"] = name, ["namespace"] = Ns },
            ["pvcSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["appname"] = name } },
            ["preferredCluster"] = preferred,
        };
        if (action is not null)
        {
            spec["action"] = action;
        }

        if (failover is not null)
        {
            spec["failoverCluster"] = failover;
        }

        return new JsonObject
        {
            ["apiVersion"] = "ramendr.openshift.io/v1alpha1",
            ["kind"] = "DRPlacementControl",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
            ["spec"] = spec,
        };
    }

    private sealed class World : IAsyncDisposable
    {
        public required FakeTimeProvider Clock { get; init; }

        public required FakeApiServer Hub { get; init; }

        public required SimulatedRamen Ramen { get; init; }

        public List<(string Phase, string Progression, string Available)> Seen { get; } = [];

        public JsonObject Get(string name) => Hub.Store.Get(SimulatedRamen.Group, SimulatedRamen.Version, SimulatedRamen.Plural, Ns, name)!;

        public string? DecidedCluster(string name) =>
            Hub.Store.Get("cluster.open-cluster-management.io", "v1beta1", "placementdecisions", Ns, $"{name}-decision-1")?["status"]?["decisions"]?.AsArray()
                .Select(d => d!["clusterName"]!.GetValue<string>()).SingleOrDefault();

        /// <summary>Steps every 30 seconds for <paramref name="minutes"/>, recording each new (phase, progression, Available).</summary>
        public void Run(string name, int minutes)
        {
            for (var i = 0; i < minutes * 2; i++)
            {
                Ramen.Step();
                var status = Get(name)["status"];
                var state = (status?["phase"]?.GetValue<string>() ?? "", status?["progression"]?.GetValue<string>() ?? "",
                    status?["conditions"]?.AsArray().SingleOrDefault(c => c!["type"]!.GetValue<string>() == "Available")?["status"]?.GetValue<string>() ?? "");
                if (Seen.Count == 0 || Seen[^1] != state)
                {
                    Seen.Add(state);
                }

                Clock.Advance(TimeSpan.FromSeconds(30));
            }
        }

        public void Change(string name, Action<JsonObject> spec) =>
            Hub.Store.Update(SimulatedRamen.Group, SimulatedRamen.Version, SimulatedRamen.Plural, Ns, name, d => spec((JsonObject)d["spec"]!));

        public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
    }

    private static async Task<World> DeployedAsync(params JsonObject[] drpcs)
    {
        var hub = await FakeApiServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var world = new World { Hub = hub, Clock = clock, Ramen = new SimulatedRamen(hub, clock) };
        foreach (var drpc in drpcs)
        {
            hub.Store.Put(drpc);
        }

        return world;
    }

    [TestMethod]
    public async Task A_drpc_without_an_action_is_deployed_to_its_preferred_cluster_and_its_placement_decides_it()
    {
        await using var world = await DeployedAsync(Drpc("erp", "east"));

        world.Run("erp", 5);

        world.Seen.Should().Equal(("Deploying", "CreatingMW", "False"), ("Deploying", "UpdatingPlRule", "False"), ("Deployed", "Completed", "True"));
        var drpc = world.Get("erp");
        var status = drpc["status"]!;
        status["preferredDecision"]!["clusterName"]!.GetValue<string>().Should().Be("east");
        status["observedGeneration"]!.GetValue<long>().Should().Be(drpc["metadata"]!["generation"]!.GetValue<long>());
        status["actionStartTime"]!.GetValue<string>().Should().Be("2026-12-03T08:00:00Z");
        status["actionDuration"]!.GetValue<string>().Should().Be("2m0s");
        status["conditions"]!.AsArray().Should().Contain(c => c!["type"]!.GetValue<string>() == "PeerReady" && c["status"]!.GetValue<string>() == "True");
        drpc["metadata"]!["annotations"]![SimulatedRamen.LastDeploymentAnnotation]!.GetValue<string>().Should().Be("east");
        world.DecidedCluster("erp").Should().Be("east");
        world.Ramen.Events.Should().Equal("deploy erp to east", "done erp");
    }

    [TestMethod]
    public async Task A_relocate_runs_a_final_sync_clears_the_decision_then_decides_the_preferred_cluster()
    {
        await using var world = await DeployedAsync(Drpc("erp", "east"));
        world.Run("erp", 10);
        world.Seen.Clear();
        var before = world.Get("erp")["status"]!["lastGroupSyncTime"]!.GetValue<string>();
        var decisions = new List<string?>();
        var syncs = new List<string>();

        world.Change("erp", s => (s["action"], s["preferredCluster"]) = ("Relocate", "west"));
        var started = world.Clock.GetUtcNow();
        for (var i = 0; i < 24; i++)
        {
            world.Run("erp", 1);
            decisions.Add(world.DecidedCluster("erp"));
            syncs.Add(world.Get("erp")["status"]!["lastGroupSyncTime"]!.GetValue<string>());
        }

        world.Seen.Select(s => s.Progression).Should().Equal("PreparingFinalSync", "ClearingPlacement", "RunningFinalSync", "FinalSyncComplete",
            "EnsuringVolumesAreSecondary", "WaitingForResourceRestore", "WaitForReadiness", "Cleaning Up", "Completed");
        world.Seen.Where(s => s.Progression is not "Cleaning Up" and not "Completed").Should().OnlyContain(s => s.Available == "False");
        world.Seen[^1].Should().Be(("Relocated", "Completed", "True"));
        decisions.Distinct().Should().Equal(["east", null, "west"], "the app is undeployed from east before it is decided on west");
        var status = world.Get("erp")["status"]!;
        status["actionStartTime"]!.GetValue<string>().Should().Be(SimulatedRamen.Time(started));
        status["actionDuration"]!.GetValue<string>().Should().Be("8m0s");
        syncs.Distinct().Take(2).Should().Equal([before, SimulatedRamen.Time(started.AddMinutes(3))], "the final sync ran, then replication resumed");
        status["preferredDecision"]!["clusterName"]!.GetValue<string>().Should().Be("east", "Ramen fills preferredDecision only when it is empty");
        world.Get("erp")["metadata"]!["annotations"]![SimulatedRamen.LastDeploymentAnnotation]!.GetValue<string>().Should().Be("west");
    }

    [TestMethod]
    public async Task A_failover_freezes_the_last_sync_and_an_unfenced_one_waits_for_fencing_with_its_reason()
    {
        await using var world = await DeployedAsync(Drpc("erp", "east"), Drpc("crm", "east"));
        world.Ramen.Unfenced["crm"] = true;
        world.Run("erp", 12);
        var synced = world.Get("erp")["status"]!["lastGroupSyncTime"]!.GetValue<string>();
        world.Seen.Clear();

        world.Change("erp", s => (s["action"], s["failoverCluster"]) = ("Failover", "west"));
        world.Change("crm", s => (s["action"], s["failoverCluster"]) = ("Failover", "west"));
        world.Run("erp", 20);

        world.Seen.Select(s => s.Progression).Should().Equal("CheckingFailoverPrequisites", "FailingOverToCluster", "WaitingForResourceRestore",
            "WaitForReadiness", "Cleaning Up", "Completed");
        world.Seen[^1].Should().Be(("FailedOver", "Completed", "True"));
        world.DecidedCluster("erp").Should().Be("west");
        var status = world.Get("erp")["status"]!;
        status["lastGroupSyncTime"]!.GetValue<string>().Should().NotBe(synced, "replication resumes once the failover completed");
        var crm = world.Get("crm")["status"]!;
        crm["phase"]!.GetValue<string>().Should().Be("FailingOver");
        crm["progression"]!.GetValue<string>().Should().Be("WaitForFencing");
        crm["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Available")!["message"]!.GetValue<string>()
            .Should().Be("current home cluster east is not fenced");
        crm["lastGroupSyncTime"]!.GetValue<string>().Should().Be(synced, "no sync runs while the failover waits");
        crm["actionDuration"].Should().BeNull();
        world.DecidedCluster("crm").Should().Be("east");
    }

    [TestMethod]
    public async Task A_failed_drpc_stays_at_waiting_for_resource_restore_with_the_error_and_the_others_finish()
    {
        await using var world = await DeployedAsync(Drpc("erp", "east"), Drpc("crm", "east"));
        world.Run("erp", 4);
        world.Ramen.Failures["crm"] = "failed to restore PVs: no volume in the snapshot";

        world.Change("erp", s => (s["action"], s["preferredCluster"]) = ("Relocate", "west"));
        world.Change("crm", s => (s["action"], s["preferredCluster"]) = ("Relocate", "west"));
        world.Run("erp", 30);

        world.Get("erp")["status"]!["phase"]!.GetValue<string>().Should().Be("Relocated");
        var crm = world.Get("crm")["status"]!;
        (crm["phase"]!.GetValue<string>(), crm["progression"]!.GetValue<string>()).Should().Be(("Relocating", "WaitingForResourceRestore"));
        crm["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Available")!["message"]!.GetValue<string>()
            .Should().Be("failed to restore PVs: no volume in the snapshot");
        world.DecidedCluster("crm").Should().BeNull("the decision was cleared and never set again");
    }

    [TestMethod]
    public async Task A_resting_drpc_replicates_every_sync_interval_and_is_not_rewritten_in_between()
    {
        await using var world = await DeployedAsync(Drpc("erp", "east"));
        world.Run("erp", 3);
        var deployed = DateTimeOffset.Parse(world.Get("erp")["status"]!["lastGroupSyncTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var version = world.Get("erp")["metadata"]!["resourceVersion"]!.GetValue<string>();

        world.Run("erp", 2);
        world.Get("erp")["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(version, "nothing changed within the interval");
        world.Run("erp", 10);

        DateTimeOffset.Parse(world.Get("erp")["status"]!["lastGroupSyncTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(deployed.AddMinutes(10), "two intervals passed since the deployment's first sync");
    }
}
