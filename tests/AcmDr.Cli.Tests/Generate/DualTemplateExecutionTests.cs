using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>
/// A dual app's hub-local templates executed as ACM does (hub templates by the propagator, then Go's text/template with
/// <c>lookup</c> reading the hub, the policy's managed cluster) for every switch state: the DRPlacementControl the
/// <c>-drpc</c> template asks for, and what the <c>-recovered</c> check says. dr-erp (tier 2, home east, peer west)
/// waits for tier 1's dual apps db (home east) and files (home west); the switch's resourceVersion is 7. The DRPCs'
/// status is as Ramen writes it: <c>status.preferredDecision</c> stays at the first deployment's cluster (east) after
/// any action, so where the app runs is read from the spec by the phase.
/// </summary>
[TestClass]
public sealed class DualTemplateExecutionTests
{
    private static Dictionary<string, IDictionary<string, string>> Switch(string site, string? mode = "planned", params (string Key, string Value)[] overrides)
    {
        var data = new Dictionary<string, string> { ["site"] = site, ["sites"] = "Primary,DR", ["home"] = "Primary", ["moveRunning"] = "migrate" };
        if (mode is not null)
        {
            data["mode"] = mode;
        }

        foreach (var (key, value) in overrides)
        {
            data[key] = value;
        }

        return new() { ["acmdr-sites"] = data };
    }

    /// <summary>Tier 1's DRPCs finished where <paramref name="site"/> sends them, stamped <paramref name="stamp"/>.</summary>
    private static List<JsonNode> TierOneAt(string site, string stamp = "7")
    {
        var db = site == "Primary" ? "east" : "west";
        var files = site == "Primary" ? "west" : "east";
        return [DualFixture.Drpc("db", 1, db, stamp, at: db), DualFixture.Drpc("files", 1, files, stamp, at: files)];
    }

    /// <summary>dr-erp deployed at east by an earlier switch (resourceVersion 6).</summary>
    private static JsonObject ErpAtHome() => DualFixture.Drpc("erp", 2, "east", "6", at: "east", phase: "Deployed");

    private static JsonNode Template(string policy, int index) =>
        DualFixture.Policy(DualFixture.Plan(), policy)["spec"]!["policy-templates"]![index]!["objectDefinition"]!;

    private static GoTemplateResult Hub(Dictionary<string, IDictionary<string, string>> configMaps, string policy = "dr-erp", int index = 0) =>
        GoTemplate.ExecuteHub(Template(policy, index), configMaps, resourceVersion: "7");

    /// <summary>The DRPC the -drpc template of <paramref name="policy"/> asks for on a hub holding <paramref name="objects"/>; null when it asks for none.</summary>
    private static JsonNode? Desired(Dictionary<string, IDictionary<string, string>> configMaps, IEnumerable<JsonNode> objects, string policy = "dr-erp")
    {
        var hub = Hub(configMaps, policy);
        hub.Ok.Should().BeTrue(hub.Error);
        hub.Object!["metadata"]!["name"]!.GetValue<string>().Should().Be($"{policy}-drpc");
        hub.Object["spec"]!["remediationAction"]!.GetValue<string>().Should().Be("enforce");
        hub.Object["spec"]!["pruneObjectBehavior"]!.GetValue<string>().Should().Be("None", "a policy must never delete a DRPC");
        var managed = GoTemplate.ExecuteManaged(hub.Object["spec"]!["object-templates-raw"]!.GetValue<string>(), objects, evaluate: false);
        managed.Ok.Should().BeTrue(managed.Error);
        managed.ObjectTemplates.Should().HaveCountLessThanOrEqualTo(1);
        if (managed.ObjectTemplates.Count == 0)
        {
            return null;
        }

        managed.ObjectTemplates[0]["complianceType"]!.GetValue<string>().Should().Be("musthave");
        var drpc = managed.ObjectTemplates[0]["objectDefinition"]!;
        CrdValidator.Shared.Validate(drpc).Should().BeEmpty();
        drpc["metadata"]!["name"]!.GetValue<string>().Should().Be(policy);
        drpc["metadata"]!["namespace"]!.GetValue<string>().Should().Be(DualFixture.Ns);
        drpc["metadata"]!["annotations"]!["acmdr.io/switch-version"]!.GetValue<string>().Should().Be("7");
        return drpc;
    }

    /// <summary>What the DRPC's spec says about where the app goes, and the target annotation: "action=.. preferredCluster=.. failoverCluster=.. -> T".</summary>
    private static string Moves(JsonNode? drpc)
    {
        if (drpc is null)
        {
            return "nothing";
        }

        var spec = drpc["spec"]!.AsObject();
        var parts = new[] { "action", "preferredCluster", "failoverCluster" }
            .Where(spec.ContainsKey).Select(k => $"{k}={spec[k]!.GetValue<string>()}");
        return string.Join(' ', parts) + " -> " + drpc["metadata"]!["annotations"]!["acmdr.io/target-cluster"]!.GetValue<string>();
    }

    [TestMethod]
    public void A_drpc_that_does_not_exist_is_created_at_the_sites_cluster_without_an_action_with_the_apps_references()
    {
        var drpc = Desired(Switch("Primary"), TierOneAt("Primary"));

        Moves(drpc).Should().Be("preferredCluster=east -> east");
        drpc!["spec"]!.ToJsonString().Should().Be(
            "{\"drPolicyRef\":{\"name\":\"east-west-5m\"},\"placementRef\":{\"kind\":\"Placement\",\"name\":\"dr-erp\",\"namespace\":\"openshift-gitops\"},"
            + "\"preferredCluster\":\"east\",\"pvcSelector\":{\"matchLabels\":{\"appname\":\"erp-db\"}}}", "keys sorted, as the harness reads them");
        drpc["metadata"]!["labels"]!.ToJsonString().Should().Be("{\"acmdr.io/app\":\"erp\",\"acmdr.io/tier\":\"2\",\"app.kubernetes.io/managed-by\":\"acmdr\"}");
        Moves(Desired(Switch("DR"), TierOneAt("DR"))).Should().Be("preferredCluster=west -> west", "a first deployment while at DR deploys at the peer");
    }

    [TestMethod]
    public void At_home_a_drpc_deployed_at_home_keeps_its_spec_and_only_takes_the_new_stamp() =>
        Moves(Desired(Switch("Primary"), [.. TierOneAt("Primary"), ErpAtHome()])).Should().Be(" -> east");

    [TestMethod]
    public void A_planned_move_to_DR_relocates_to_the_peer() =>
        Moves(Desired(Switch("DR"), [.. TierOneAt("DR"), ErpAtHome()])).Should().Be("action=Relocate preferredCluster=west -> west");

    [TestMethod]
    public void An_unplanned_move_to_DR_fails_over_to_the_peer_and_leaves_the_preferred_cluster() =>
        Moves(Desired(Switch("DR", "unplanned"), [.. TierOneAt("DR"), ErpAtHome()])).Should().Be("action=Failover failoverCluster=west -> west");

    [TestMethod]
    public void Failback_after_a_failover_is_a_relocate_to_home()
    {
        // preferredCluster and Ramen's preferredDecision still name east; the app runs at the failover cluster.
        var failedOver = DualFixture.Drpc("erp", 2, "west", "6", at: "west", phase: "FailedOver", preferred: "east", decided: "east");

        Moves(Desired(Switch("Primary"), [.. TierOneAt("Primary"), failedOver])).Should().Be("action=Relocate preferredCluster=east -> east");
        Moves(Desired(Switch("Primary"), [.. TierOneAt("Primary"), DualFixture.Drpc("erp", 2, "west", "6", at: "west", phase: "FailedOver", progression: "Cleaning Up", preferred: "east")]))
            .Should().Be("action=Relocate preferredCluster=east -> east", "still cleaning up the old cluster after the failover");
    }

    [TestMethod]
    public void A_tier_override_moves_this_tier_and_an_override_of_another_tier_does_not()
    {
        // Tier 1 stays home (the global site), checked against its own target.
        Moves(Desired(Switch("Primary", "planned", ("tier-2", "DR")), [.. TierOneAt("Primary"), ErpAtHome()])).Should().Be("action=Relocate preferredCluster=west -> west");
        Moves(Desired(Switch("Primary", "planned", ("tier-3", "DR")), [.. TierOneAt("Primary"), ErpAtHome()])).Should().Be(" -> east");
        Moves(Desired(Switch("DR", "unplanned", ("tier-2", "Primary")), [.. TierOneAt("DR"), ErpAtHome()])).Should().Be(" -> east");
    }

    [TestMethod]
    public void An_app_override_wins_over_the_tier_and_the_global_site()
    {
        Moves(Desired(Switch("Primary", "planned", ("app-erp", "DR"), ("tier-2", "Primary")), [.. TierOneAt("Primary"), ErpAtHome()]))
            .Should().Be("action=Relocate preferredCluster=west -> west");
        Moves(Desired(Switch("DR", "unplanned", ("app-db", "Primary")), [DualFixture.Drpc("db", 1, "east", "7", at: "east"), DualFixture.Drpc("files", 1, "east", "7", at: "east"), ErpAtHome()]))
            .Should().Be("action=Failover failoverCluster=west -> west", "db's override keeps db home, not erp");
    }

    [TestMethod]
    public void An_unknown_site_an_unknown_or_missing_mode_or_a_missing_switch_fails_on_the_hub_and_delivers_nothing()
    {
        foreach (var (configMaps, because) in new (Dictionary<string, IDictionary<string, string>>, string)[]
        {
            (Switch("Moon"), "an unknown site"),
            (Switch("dr"), "a misspelt site"),
            (Switch("Primary", "planned", ("app-erp", "Moon")), "an unknown app override"),
            (Switch("DR", mode: null), "no mode"),
            (Switch("DR", "Planned"), "a mode in the wrong case"),
            (Switch("DR", "unplanned\nplanned"), "a mode with two lines"),
            (new Dictionary<string, IDictionary<string, string>>(), "no switch"),
        })
        {
            var hub = Hub(configMaps);
            hub.Ok.Should().BeFalse(because);
            hub.Error.Should().Contain("acmdr-sites", because);
        }

        Hub(Switch("DR", mode: null), index: 1).Ok.Should().BeTrue("the -recovered check needs no mode: it still says the DRPC is not at DR");
        Hub(new Dictionary<string, IDictionary<string, string>>(), index: 1).Ok.Should().BeFalse();
    }

    [TestMethod]
    public void A_drpc_finished_at_the_target_is_not_moved_again_when_only_the_mode_changes()
    {
        var relocated = DualFixture.Drpc("erp", 2, "west", "6", at: "west", phase: "Relocated", action: "Relocate", decided: "east");
        var failedOver = DualFixture.Drpc("erp", 2, "west", "6", at: "west", phase: "FailedOver", progression: "Cleaning Up", preferred: "east");

        Moves(Desired(Switch("DR", "unplanned"), [.. TierOneAt("DR"), relocated])).Should().Be(" -> west");
        Moves(Desired(Switch("DR", "planned"), [.. TierOneAt("DR"), relocated])).Should().Be(" -> west");
        Moves(Desired(Switch("DR", "planned"), [.. TierOneAt("DR"), failedOver])).Should().Be(" -> west", "a failover still cleaning up is not turned into a relocate");
    }

    [TestMethod]
    public void A_drpc_whose_action_already_names_the_target_keeps_it_while_Ramen_works_whatever_the_mode_says()
    {
        var failingOver = DualFixture.Drpc("erp", 2, "west", "7", phase: "FailingOver", progression: "WaitForFencing", available: false,
            action: "Failover", preferred: "east", failover: "west");

        Moves(Desired(Switch("DR", "planned"), [.. TierOneAt("DR"), failingOver])).Should().Be(" -> west", "switching to planned mid-failover must not turn it into a relocate");
    }

    [TestMethod]
    public void Nothing_changes_until_every_drpc_of_the_previous_tier_has_finished_at_its_target_for_this_switch()
    {
        var erp = ErpAtHome();
        var db = DualFixture.Drpc("db", 1, "west", "7", at: "west");
        var files = DualFixture.Drpc("files", 1, "east", "7", at: "east");

        Moves(Desired(Switch("DR"), [files, erp])).Should().Be("nothing", "db has no DRPC yet");
        Moves(Desired(Switch("DR"), [.. TierOneAt("DR", stamp: "6"), erp])).Should().Be("nothing", "tier 1 finished under the switch before the flip");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "east", phase: "Relocating", progression: "RunningFinalSync", available: false), files, erp]))
            .Should().Be("nothing", "db is still relocating");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", available: false), files, erp]))
            .Should().Be("nothing", "db is not available");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", generation: 3, conditionGeneration: 2), files, erp]))
            .Should().Be("nothing", "db's Available condition was written before Ramen saw its last spec");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", phase: "Deployed", generation: 3, conditionGeneration: 2, decided: "west"), files, erp]))
            .Should().Be("nothing", "a relocation just asked for: the spec names west, the status is still the deployment's");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", phase: "FailedOver", progression: "Cleaning Up", generation: 3, conditionGeneration: 2), files, erp]))
            .Should().Be("nothing", "a stale Available condition after a failover does not count either");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", phase: "Relocating"), files, erp]))
            .Should().Be("nothing", "db's phase is not a finished one");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "east", "7", at: "west"), files, erp]))
            .Should().Be("nothing", "db runs at west but its own target is east");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", phase: "FailedOver", action: "Failover", preferred: "west", failover: "east", decided: "west"), files, erp]))
            .Should().Be("nothing", "failed over, db runs at its failoverCluster east, whatever preferredCluster and preferredDecision say");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, null, "7", at: "west"), files, erp])).Should().Be("nothing", "db carries no target");

        Moves(Desired(Switch("DR"), [db, files, erp])).Should().Be("action=Relocate preferredCluster=west -> west", "db's preferredDecision still names east");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", generation: 5, observedGeneration: 3), files, erp]))
            .Should().Be("action=Relocate preferredCluster=west -> west", "status.observedGeneration moves only on a phase change: not read");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", progression: "Cleaning Up"), files, erp]))
            .Should().Be("action=Relocate preferredCluster=west -> west", "relocated, Ramen still cleaning up east");
    }

    [TestMethod]
    public void A_failover_still_cleaning_up_while_the_old_cluster_is_down_counts_as_finished()
    {
        var erp = ErpAtHome();
        var files = DualFixture.Drpc("files", 1, "east", "7", at: "east", decided: "west");
        foreach (var progression in new[] { "Cleaning Up", "WaitOnUserToCleanUp" })
        {
            var db = DualFixture.Drpc("db", 1, "west", "7", at: "west", phase: "FailedOver", progression: progression, preferred: "east");
            Moves(Desired(Switch("DR", "unplanned"), [db, files, erp])).Should().Be("action=Failover failoverCluster=west -> west", progression);
        }

        Moves(Desired(Switch("DR", "unplanned"), [DualFixture.Drpc("db", 1, "west", "7", at: "west", phase: "FailingOver", progression: "Cleaning Up", preferred: "east", failover: "west", action: "Failover"), files, erp]))
            .Should().Be("nothing", "FailingOver is not a finished phase");
    }

    [TestMethod]
    public void A_depends_on_app_is_waited_for_too()
    {
        var report = DualFixture.Drpc("report", 3, "east", "6", at: "east", phase: "Deployed");
        var erpDone = DualFixture.Drpc("erp", 2, "west", "7", at: "west", action: "Relocate");

        Moves(Desired(Switch("DR"), [ErpAtHome(), report], "dr-report")).Should().Be("nothing");
        Moves(Desired(Switch("DR"), [erpDone, report], "dr-report")).Should().Be("action=Relocate preferredCluster=west -> west");
        Moves(Desired(Switch("DR"), [DualFixture.Drpc("db", 1, "east", "6", at: "east", phase: "Deployed")], "dr-db")).Should().Be("action=Relocate preferredCluster=west -> west", "the first tier waits for nothing");
    }

    private static IReadOnlyList<TemplateEvaluation> Recovered(Dictionary<string, IDictionary<string, string>> configMaps, params JsonNode[] objects)
    {
        var hub = Hub(configMaps, index: 1);
        hub.Ok.Should().BeTrue(hub.Error);
        hub.Object!["metadata"]!["name"]!.GetValue<string>().Should().Be("dr-erp-recovered");
        hub.Object["spec"]!["remediationAction"]!.GetValue<string>().Should().Be("inform");
        var managed = GoTemplate.ExecuteManaged(hub.Object["spec"]!["object-templates-raw"]!.GetValue<string>(), objects);
        managed.Ok.Should().BeTrue(managed.Error);
        foreach (var template in managed.ObjectTemplates)
        {
            CrdValidator.Shared.ValidatePartial("ramendr.openshift.io", "v1alpha1", "DRPlacementControl", template["objectDefinition"]!).Should().BeEmpty();
        }

        return managed.Evaluations;
    }

    [TestMethod]
    public void The_recovered_check_is_compliant_only_for_the_drpc_finished_at_the_target_for_this_switch_and_names_it_otherwise()
    {
        var done = DualFixture.Drpc("erp", 2, "west", "7", at: "west", action: "Relocate", decided: "east");

        Recovered(Switch("DR"), done).Should().ContainSingle().Which.Result.Should().Be("compliant");
        Recovered(Switch("DR", mode: null), done).Single().Result.Should().Be("compliant");

        var stale = Recovered(Switch("DR"), DualFixture.Drpc("erp", 2, "west", "6", at: "west")).Single();
        stale.Should().Match<TemplateEvaluation>(e => e.Result == "noncompliant" && e.Name == "dr-erp" && e.Kind == "DRPlacementControl" && e.Namespace == DualFixture.Ns);
        stale.Message.Should().Contain("acmdr-expected-finished-at-west-for-switch-7");

        Recovered(Switch("Primary"), done).Single().Result.Should().Be("noncompliant", "the switch sends it home");
        Recovered(Switch("DR"), DualFixture.Drpc("erp", 2, "west", "7", at: "west", progression: "WaitForReadiness")).Single().Result.Should().Be("noncompliant");
        Recovered(Switch("DR"), DualFixture.Drpc("erp", 2, "east", "7", at: "west")).Single().Result.Should().Be("noncompliant", "its target annotation is not this switch's");
        Recovered(Switch("DR")).Single().Should().Match<TemplateEvaluation>(e => e.Result == "notfound" && e.Name == "dr-erp");
    }

    [TestMethod]
    public void The_recovered_check_reads_where_the_app_runs_from_the_spec_by_phase_not_from_the_preferred_decision()
    {
        var failedOverCleaning = DualFixture.Drpc("erp", 2, "west", "7", at: "west", phase: "FailedOver", progression: "Cleaning Up", preferred: "east", decided: "east");
        Recovered(Switch("DR", "unplanned"), failedOverCleaning).Single().Result.Should().Be("compliant", "the app runs at west; Ramen waits for east to return");
        Recovered(Switch("DR", "unplanned"), DualFixture.Drpc("erp", 2, "west", "7", at: "west", phase: "FailedOver", progression: "WaitOnUserToCleanUp", preferred: "east"))
            .Single().Result.Should().Be("compliant");

        foreach (var (drpc, because) in new (JsonNode, string)[]
        {
            (DualFixture.Drpc("erp", 2, "west", "7", at: "west", generation: 4, conditionGeneration: 3), "its Available condition predates the last spec"),
            (DualFixture.Drpc("erp", 2, "west", "7", phase: "FailedOver", action: "Failover", preferred: "west", failover: "east", decided: "west"), "failed over to east"),
            (DualFixture.Drpc("erp", 2, "west", "7", phase: "Relocating", progression: "Cleaning Up", action: "Relocate", preferred: "west"), "still relocating"),
            (DualFixture.Drpc("erp", 2, "west", "7", at: "west", phase: "FailedOver", available: false), "not available"),
        })
        {
            Recovered(Switch("DR"), drpc).Single().Should().Match<TemplateEvaluation>(e => e.Result == "noncompliant" && e.Name == "dr-erp", because);
        }
    }
}
