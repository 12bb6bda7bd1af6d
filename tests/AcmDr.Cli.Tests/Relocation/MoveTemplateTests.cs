using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Relocation;

/// <summary>
/// The generated <c>-move</c> template executed as ACM does (hub templates on the hub, then Go's
/// text/template with lookup on the managed cluster, after the yaml.v3 round trip) against cluster
/// states built here: which VirtualMachineInstanceMigrations it asks for, under which names.
/// </summary>
[TestClass]
public sealed class MoveTemplateTests
{
    private const string Ns = "integration";
    private const string Uid = "4f1c2d3e-0000-4000-8000-000000000001";
    private const string MigrationUid = "9a8b7c6d-0000-4000-8000-000000000002";

    private static JsonNode MoveTemplate(string file = "tier-2/dr-mq.yaml") =>
        YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "policies/base", file)))[0]["spec"]!["policy-templates"]![2]!["objectDefinition"]!;

    private static Dictionary<string, IDictionary<string, string>> Switch(string site, string? moveRunning = "migrate")
    {
        var data = new Dictionary<string, string> { ["site"] = site, ["sites"] = "Primary,DR", ["home"] = "Primary" };
        if (moveRunning is not null)
        {
            data["moveRunning"] = moveRunning;
        }

        return new() { ["acmdr-sites"] = data };
    }

    private static readonly (string Vm, string App)[] TierOne =
        [("dc-01", "ad-dns"), ("dc-02", "ad-dns"), ("ca-01", "pki"), ("ca-02", "pki"), ("mon-01", "monitoring"), ("mon-02", "monitoring")];

    /// <summary>
    /// Tier 1's VMs on the cluster (dr-mq waits for them, and for app pki), as their -site templates leave them: labelled,
    /// stamped with the switch's resourceVersion <paramref name="stamp"/>, selecting <paramref name="site"/>, and running there.
    /// </summary>
    private static IEnumerable<JsonNode> TierOneAt(string site, string stamp = "1", params string[] except) =>
        TierOne.Where(v => !except.Contains(v.Vm)).SelectMany(v => TierOneVm(v.Vm, v.App, site, site == "DR" ? "d-1" : "p-1", stamp));

    /// <summary>
    /// The migrations the template asks for on a cluster holding <paramref name="objects"/> (and, unless
    /// <paramref name="tierOneArrived"/> is false, tier 1's VMs at the switch's site), checked against the CRDs.
    /// </summary>
    private static List<JsonNode> Moves(Dictionary<string, IDictionary<string, string>> configMaps, IEnumerable<JsonNode> objects, JsonNode? template = null, bool tierOneArrived = true)
    {
        if (tierOneArrived)
        {
            var site = configMaps["acmdr-sites"]["site"];
            objects = [.. objects, .. TierOneAt(site is "DR" ? "DR" : "Primary")];
        }

        var hub = GoTemplate.ExecuteHub(template ?? MoveTemplate(), configMaps);
        hub.Ok.Should().BeTrue(hub.Error);
        hub.Object!["metadata"]!["name"]!.GetValue<string>().Should().EndWith("-move");
        hub.Object["spec"]!["remediationAction"]!.GetValue<string>().Should().Be("enforce");
        hub.Object["spec"]!["pruneObjectBehavior"]!.GetValue<string>().Should().Be("None", "a policy must never delete what it made");
        var managed = GoTemplate.ExecuteManaged(hub.Object["spec"]!["object-templates-raw"]!.GetValue<string>(), objects, evaluate: false);
        managed.Ok.Should().BeTrue(managed.Error);
        var moves = managed.ObjectTemplates.Select(t => t["objectDefinition"]!).ToList();
        foreach (var (template1, move) in managed.ObjectTemplates.Zip(moves))
        {
            template1["complianceType"]!.GetValue<string>().Should().Be("musthave");
            move["kind"]!.GetValue<string>().Should().Be("VirtualMachineInstanceMigration", "nothing else is ever created");
            CrdValidator.Shared.Validate(move).Should().BeEmpty();
        }

        return moves;
    }

    private static List<JsonNode> Cluster(params JsonNode[] extra) =>
    [
        Node("p-1", "Primary"), Node("d-1", "DR"), Node("d-2", "DR", ready: false),
        .. extra,
    ];

    [TestMethod]
    public void A_migratable_instance_at_the_old_site_gets_one_migration_named_after_it_and_its_instance()
    {
        var moves = Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR")));

        moves.Should().ContainSingle();
        moves[0]["metadata"]!["name"]!.GetValue<string>().Should().Be("acmdr-mq-0-4f1c2d3e-0");
        moves[0]["metadata"]!["namespace"]!.GetValue<string>().Should().Be(Ns);
        moves[0]["metadata"]!["labels"]!["app.kubernetes.io/managed-by"]!.GetValue<string>().Should().Be("acmdr");
        moves[0]["spec"]!.AsObject().Select(p => (p.Key, p.Value!.GetValue<string>())).Should().Equal(("vmiName", "mq-0"));
    }

    [TestMethod]
    public void Nothing_moves_until_every_VM_of_the_previous_tier_runs_at_its_site_whatever_ACM_last_reported()
    {
        var vm = Vmi("mq-0", "p-1", "DR");

        Moves(Switch("DR"), Cluster(vm), tierOneArrived: false).Should().BeEmpty("no VM of tier 1 is labelled yet");
        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("Primary", stamp: "0")], tierOneArrived: false).Should().BeEmpty("tier 1 still runs at Primary, where the switch before the flip sent it");
        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("DR", except: "ca-02")], tierOneArrived: false).Should().BeEmpty("one VM of tier 1 is not labelled yet");
        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("DR", except: "ca-02"), .. TierOneVm("ca-02", "pki", "DR", "p-1", "1")], tierOneArrived: false)
            .Should().BeEmpty("one VM of tier 1 is still at Primary");
        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("DR", except: "ca-02"), .. TierOneVm("ca-02", "pki", "DR", "d-1", "1", phase: "Scheduling")], tierOneArrived: false)
            .Should().BeEmpty("one VM of tier 1 is not running");
        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("DR")], tierOneArrived: false).Should().ContainSingle("all of tier 1 runs at DR");
    }

    [TestMethod]
    public void A_previous_tier_at_rest_under_an_older_switch_does_not_open_the_gate()
    {
        // Right after a flip tier 1 still reads Compliant and still runs where the old switch sent it; its
        // -site templates have not stamped the new switch on its VMs yet.
        var vm = Vmi("mq-0", "p-1", "DR");

        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("DR", stamp: "0")], tierOneArrived: false).Should().BeEmpty();
        Moves(Switch("DR"), [.. Cluster(vm), .. TierOneAt("DR", stamp: "1")], tierOneArrived: false).Should().ContainSingle();
    }

    [TestMethod]
    public void The_previous_tier_is_checked_against_its_own_site_so_a_tier_flipped_alone_moves_when_the_previous_one_stays_home()
    {
        var tierTwoOnly = Switch("Primary");
        tierTwoOnly["acmdr-sites"]["tier-2"] = "DR";

        Moves(tierTwoOnly, [.. Cluster(Vmi("mq-0", "p-1", "DR")), .. TierOneAt("Primary")], tierOneArrived: false).Should().ContainSingle();
        Moves(tierTwoOnly, [.. Cluster(Vmi("mq-0", "p-1", "DR")), .. TierOneAt("Primary", except: "dc-01"), .. TierOneVm("dc-01", "ad-dns", "Primary", "d-1", "1")],
            tierOneArrived: false).Should().BeEmpty("dc-01 is not where its nodeSelector says");
    }

    [TestMethod]
    public void Each_vm_of_the_app_that_can_move_gets_its_own_migration()
    {
        var moves = Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR"), Vmi("mq-1", "p-1", "DR", uid: "11111111-aaaa"), Vmi("mq-2", "d-1", "DR")));

        moves.Select(m => m["spec"]!["vmiName"]!.GetValue<string>()).Should().Equal("mq-0", "mq-1");
    }

    [TestMethod]
    public void An_instance_already_at_the_target_site_is_left_alone()
    {
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "d-1", "DR"))).Should().BeEmpty();
        Moves(Switch("Primary"), Cluster(Vmi("mq-0", "p-1", "Primary"))).Should().BeEmpty();
    }

    [TestMethod]
    public void Flipping_back_moves_it_home_the_same_way()
    {
        var moves = Moves(Switch("Primary"), Cluster(Vmi("mq-0", "d-1", "Primary", migration: (MigrationUid, Completed: true, Failed: false))));

        moves.Should().ContainSingle().Which["metadata"]!["name"]!.GetValue<string>().Should().Be("acmdr-mq-0-4f1c2d3e-9a8b7c6d");
    }

    [TestMethod]
    public void A_vm_that_cannot_live_migrate_is_left_for_relocate()
    {
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR", liveMigratable: false))).Should().BeEmpty();
    }

    [TestMethod]
    public void A_vm_whose_instance_still_selects_the_old_site_is_not_migrated_back_there()
    {
        // RestartRequired (the Stage rollout strategy): the VM says DR, its instance still says Primary.
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "Primary"))).Should().BeEmpty();
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", selectorSite: null))).Should().BeEmpty();
    }

    [TestMethod]
    public void A_vm_on_a_node_that_is_not_ready_is_left_for_fencing()
    {
        Moves(Switch("Primary"), Cluster(Vmi("mq-0", "d-2", "Primary"))).Should().BeEmpty();
    }

    [TestMethod]
    public void A_vm_on_a_node_without_a_site_or_a_vanished_node_is_left_alone()
    {
        Moves(Switch("DR"), [Node("x-1", site: null), Vmi("mq-0", "x-1", "DR"), Vmi("mq-1", "gone", "DR")]).Should().BeEmpty();
    }

    [TestMethod]
    public void An_instance_that_is_not_running_or_missing_is_left_alone()
    {
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR", phase: "Scheduling"))).Should().BeEmpty();
        Moves(Switch("DR"), Cluster()).Should().BeEmpty();
    }

    [TestMethod]
    public void No_second_migration_starts_next_to_one_in_flight_whoever_created_it()
    {
        // Seen by the instance (started) ...
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR", migration: (MigrationUid, Completed: false, Failed: false)))).Should().BeEmpty();

        // ... or only as a migration object, still pending or just created (no status yet).
        foreach (var phase in new[] { "Pending", "Scheduling", "Running", null })
        {
            Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR"), Migration("someone-elses", "mq-0", phase))).Should().BeEmpty($"a migration in phase {phase ?? "(none)"} is in flight");
        }

        // Finished migrations of it, or one of another VM, do not hold it back.
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR"), Migration("old", "mq-0", "Succeeded"), Migration("older", "mq-0", "Failed"), Migration("other", "mq-1", "Running")))
            .Should().ContainSingle();
    }

    [TestMethod]
    public void A_vm_whose_last_migration_failed_is_never_retried_by_the_policy()
    {
        Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR", migration: (MigrationUid, Completed: true, Failed: true)))).Should().BeEmpty();
    }

    [TestMethod]
    public void A_second_move_after_a_first_one_succeeded_has_a_new_name()
    {
        var first = Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR"))).Single()["metadata"]!["name"]!.GetValue<string>();
        var back = Moves(Switch("Primary"), Cluster(Vmi("mq-0", "d-1", "Primary", migration: (MigrationUid, true, false)))).Single()["metadata"]!["name"]!.GetValue<string>();
        var again = Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR", migration: ("0b0b0b0b-1111", true, false)))).Single()["metadata"]!["name"]!.GetValue<string>();
        var restarted = Moves(Switch("DR"), Cluster(Vmi("mq-0", "p-1", "DR", uid: "77777777-2222"))).Single()["metadata"]!["name"]!.GetValue<string>();

        new[] { first, back, again, restarted }.Should().OnlyHaveUniqueItems("a musthave finds an earlier finished migration of the same name as specified and would not move");
    }

    [TestMethod]
    [DataRow("Mars")]
    [DataRow("")]
    public void An_unknown_or_empty_site_creates_nothing(string site)
    {
        GoTemplate.ExecuteHub(MoveTemplate(), Switch(site)).Ok.Should().BeFalse("the propagator delivers no template for a wrong site");
    }

    [TestMethod]
    public void A_missing_switch_creates_nothing()
    {
        GoTemplate.ExecuteHub(MoveTemplate(), new Dictionary<string, IDictionary<string, string>>()).Ok.Should().BeFalse();
    }

    [TestMethod]
    [DataRow("none")]
    [DataRow(null)]
    [DataRow("Migrate")]
    [DataRow("\" }}{{ lookup \"v1\" \"Secret\" \"kube-system\" \"x\" }}")]
    public void Moves_happen_only_when_the_switch_says_migrate(string? moveRunning)
    {
        Moves(Switch("DR", moveRunning), Cluster(Vmi("mq-0", "p-1", "DR"))).Should().BeEmpty("moveRunning '{0}' is not migrate", moveRunning);
    }

    [TestMethod]
    public async Task A_vm_name_of_63_characters_gives_a_valid_name_of_at_most_63()
    {
        var longName = new string('a', 38) + "-" + new string('b', 24);
        using var dir = new TempDir();
        dir.File("inventory/apps.csv", Inventories.Header + "\n" + $"long,1,{Ns},{longName},stretch-1,15,\n");
        var generate = await CliRunner.RunAsync(dir.Path, "generate");
        generate.ExitCode.Should().Be(0, generate.Err);
        var template = YamlJson.ParseDocuments(File.ReadAllText(dir.File("policies/base/tier-1/dr-long.yaml")))[0]["spec"]!["policy-templates"]![2]!["objectDefinition"]!;

        var name = Moves(Switch("DR"), Cluster(Vmi(longName, "p-1", "DR", migration: (MigrationUid, true, false))), template)
            .Single()["metadata"]!["name"]!.GetValue<string>();

        name.Should().Be($"acmdr-{new string('a', 38)}--4f1c2d3e-9a8b7c6d").And.HaveLength(63);
    }

    [TestMethod]
    public void The_template_reaches_the_managed_cluster_as_a_literal_block()
    {
        // ACM marshals the policy with yaml.v3 before resolving it: a line ending in a space would turn the
        // block into a quoted scalar whose template no longer parses.
        var raw = MoveTemplate()["spec"]!["object-templates-raw"]!.GetValue<string>();
        raw.Split('\n').Should().NotContain(l => l.EndsWith(' '));
    }

    private static JsonObject Node(string name, string? site, bool ready = true) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = site is null ? new JsonObject { ["kubernetes.io/hostname"] = name } : new JsonObject { ["topology.kubernetes.io/site"] = site },
        },
        ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "Unknown" }) },
    };

    private static JsonObject Vmi(
        string name, string node, string? selectorSite, bool liveMigratable = true, string phase = "Running", string uid = Uid,
        (string Uid, bool Completed, bool Failed)? migration = null)
    {
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["nodeName"] = node,
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Ready", ["status"] = "True" },
                new JsonObject { ["type"] = "LiveMigratable", ["status"] = liveMigratable ? "True" : "False", ["reason"] = liveMigratable ? null : "DisksNotLiveMigratable" }),
        };
        if (migration is { } m)
        {
            status["migrationState"] = new JsonObject { ["migrationUid"] = m.Uid, ["completed"] = m.Completed, ["failed"] = m.Failed, ["sourceNode"] = "x", ["targetNode"] = node };
        }

        return new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstance",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns, ["uid"] = uid },
            ["spec"] = new JsonObject
            {
                ["nodeSelector"] = selectorSite is null ? new JsonObject { ["cpu-model"] = "icelake" } : new JsonObject { ["topology.kubernetes.io/site"] = selectorSite, ["cpu-model"] = "icelake" },
            },
            ["status"] = status,
        };
    }

    private static IEnumerable<JsonNode> TierOneVm(string name, string app, string site, string node, string stamp, string phase = "Running") =>
    [
        new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachine",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = "infra",
                ["labels"] = new JsonObject { ["acmdr.io/app"] = app, ["acmdr.io/tier"] = "1" },
                ["annotations"] = new JsonObject { ["acmdr.io/switch-version"] = stamp },
            },
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = new JsonObject { ["nodeSelector"] = new JsonObject { ["topology.kubernetes.io/site"] = site } } } },
        },
        new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstance",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "infra", ["uid"] = "0000" + name },
            ["status"] = new JsonObject { ["phase"] = phase, ["nodeName"] = node },
        },
    ];

    private static JsonObject Migration(string name, string vmi, string? phase)
    {
        var migration = new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstanceMigration",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Ns },
            ["spec"] = new JsonObject { ["vmiName"] = vmi },
        };
        if (phase is not null)
        {
            migration["status"] = new JsonObject { ["phase"] = phase };
        }

        return migration;
    }
}
