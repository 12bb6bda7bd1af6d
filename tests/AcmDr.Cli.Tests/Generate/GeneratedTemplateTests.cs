using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Infrastructure;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Generate;

/// <summary>
/// The generated templates executed by Go's text/template after ACM's yaml.v3 conversion, with
/// stand-ins for fromConfigMap and lookup that behave as ACM's do (tests/gotmpl).
/// </summary>
[TestClass]
public sealed class GeneratedTemplateTests
{
    private static JsonNode Policy(string file) =>
        YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "policies/base", file)))[0];

    private static JsonNode Template(string file, int index) =>
        Policy(file)["spec"]!["policy-templates"]![index]!["objectDefinition"]!;

    private static Dictionary<string, IDictionary<string, string>> Switch(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string> { ["sites"] = "Primary,DR", ["home"] = "Primary" };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return new() { ["acmdr-sites"] = data };
    }

    /// <summary>The site each VM of the -site template gets, or null when the template fails (nothing delivered).</summary>
    private static List<string>? SitesSet(string file, Dictionary<string, IDictionary<string, string>> configMaps)
    {
        var result = GoTemplate.ExecuteHub(Template(file, 0), configMaps);
        if (!result.Ok)
        {
            return null;
        }

        return result.Object!["spec"]!["object-templates"]!.AsArray()
            .Select(t => t!["objectDefinition"]!["spec"]!["template"]!["spec"]!["nodeSelector"]!["topology.kubernetes.io/site"]!.GetValue<string>())
            .ToList();
    }

    [TestMethod]
    public void Global_site_moves_every_tier()
    {
        SitesSet("tier-1/dr-ad-dns.yaml", Switch(("site", "Primary"))).Should().Equal("Primary", "Primary");
        SitesSet("tier-1/dr-ad-dns.yaml", Switch(("site", "DR"))).Should().Equal("DR", "DR");
        SitesSet("tier-2/dr-erp-db.yaml", Switch(("site", "DR"))).Should().Equal("DR", "DR", "DR");
    }

    [TestMethod]
    public void A_tier_override_moves_only_that_tier()
    {
        var state = Switch(("site", "Primary"), ("tier-2", "DR"));

        SitesSet("tier-2/dr-erp-db.yaml", state).Should().AllBe("DR");
        SitesSet("tier-2/dr-mq.yaml", state).Should().AllBe("DR");
        SitesSet("tier-1/dr-ad-dns.yaml", state).Should().AllBe("Primary");
        SitesSet("tier-3/dr-erp-app.yaml", state).Should().AllBe("Primary");
    }

    [TestMethod]
    public void An_app_override_wins_over_tier_and_global()
    {
        var state = Switch(("site", "DR"), ("tier-2", "DR"), ("app-erp-db", "Primary"));

        SitesSet("tier-2/dr-erp-db.yaml", state).Should().AllBe("Primary");
        SitesSet("tier-2/dr-crm-db.yaml", state).Should().AllBe("DR");
    }

    [TestMethod]
    public void An_empty_override_falls_through_to_the_wider_value()
    {
        SitesSet("tier-2/dr-erp-db.yaml", Switch(("site", "DR"), ("tier-2", string.Empty), ("app-erp-db", string.Empty))).Should().AllBe("DR");
    }

    [TestMethod]
    [DataRow("Mars")]
    [DataRow("")]
    [DataRow("dr")]
    [DataRow("Primary,DR")]
    public void An_unknown_or_empty_site_fails_closed(string site)
    {
        SitesSet("tier-2/dr-erp-db.yaml", Switch(("site", site))).Should().BeNull("no VM may get an empty or unknown site");
        SitesSet("tier-2/dr-erp-db.yaml", Switch(("site", "Primary"), ("app-erp-db", site is "" ? "Mars" : site))).Should().BeNull();
    }

    [TestMethod]
    public void A_missing_site_key_or_switch_fails_closed()
    {
        var noKey = new Dictionary<string, IDictionary<string, string>> { ["acmdr-sites"] = new Dictionary<string, string> { ["sites"] = "Primary,DR" } };
        SitesSet("tier-2/dr-erp-db.yaml", noKey).Should().BeNull();
        SitesSet("tier-2/dr-erp-db.yaml", []).Should().BeNull();
    }

    [TestMethod]
    public void The_running_check_is_compliant_only_for_vms_running_on_a_node_of_the_target_site()
    {
        var hub = GoTemplate.ExecuteHub(Template("tier-2/dr-erp-db.yaml", 1), Switch(("site", "DR")));
        hub.Ok.Should().BeTrue(hub.Error);
        var raw = hub.Object!["spec"]!["object-templates-raw"]!.GetValue<string>();
        raw.Should().Contain("$site := \"DR\"");

        JsonNode[] objects =
        [
            Node("dr-1", "DR"), Node("pri-1", "Primary"),
            Vmi("finance", "erp-db-0", "Running", "dr-1"),
            Vmi("finance", "erp-db-1", "Running", "pri-1"),
            Vmi("finance", "erp-db-2", "Scheduling", "dr-1"),
        ];
        var managed = GoTemplate.ExecuteManaged(raw, objects);

        managed.Ok.Should().BeTrue(managed.Error);
        managed.ObjectTemplates.Should().HaveCount(3, "one object template per VM, a valid list");
        managed.Evaluations.Select(e => (e.Name, e.Namespace, e.Kind, e.Result)).Should().Equal(
            ("erp-db-0", "finance", "VirtualMachineInstance", "compliant"),
            ("erp-db-1", "finance", "VirtualMachineInstance", "noncompliant"),
            ("erp-db-2", "finance", "VirtualMachineInstance", "noncompliant"));
    }

    [TestMethod]
    public void A_vm_that_is_not_running_is_not_found_and_a_vanished_node_does_not_break_the_template()
    {
        var hub = GoTemplate.ExecuteHub(Template("tier-2/dr-erp-db.yaml", 1), Switch(("site", "Primary")));
        var raw = hub.Object!["spec"]!["object-templates-raw"]!.GetValue<string>();

        var managed = GoTemplate.ExecuteManaged(raw, [Node("pri-1", "Primary"), Vmi("finance", "erp-db-0", "Running", "pri-1"), Vmi("finance", "erp-db-1", "Running", "gone-node")]);

        managed.Ok.Should().BeTrue(managed.Error);
        managed.Evaluations.Select(e => e.Result).Should().Equal("compliant", "noncompliant", "notfound");
    }

    [TestMethod]
    public void The_running_check_fails_closed_on_an_unknown_site_too()
    {
        GoTemplate.ExecuteHub(Template("tier-2/dr-erp-db.yaml", 1), Switch(("site", "Mars"))).Ok.Should().BeFalse();
    }

    private static JsonObject Node(string name, string site) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["topology.kubernetes.io/site"] = site } },
    };

    private static JsonObject Vmi(string ns, string name, string phase, string node) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["status"] = new JsonObject { ["phase"] = phase, ["nodeName"] = node },
    };
}
