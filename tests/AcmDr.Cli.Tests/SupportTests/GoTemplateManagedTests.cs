using System.Text.Json.Nodes;
using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class GoTemplateManagedTests
{
    private static string RunningTemplate(string site)
    {
        var hub = GoTemplate.ExecuteHub(GoTemplateHubTests.PolicyTemplate(1), GoTemplateHubTests.Sites(("site", site)));
        hub.Error.Should().BeNull();
        return (string)hub.Object!["spec"]!["object-templates-raw"]!;
    }

    private static JsonNode Vmi(string name, string ns, string phase, string nodeName) => JsonNode.Parse($$$"""
        {"apiVersion": "kubevirt.io/v1", "kind": "VirtualMachineInstance",
         "metadata": {"name": "{{{name}}}", "namespace": "{{{ns}}}", "labels": {"kubevirt.io/nodeName": "{{{nodeName}}}" } },
         "status": {"phase": "{{{phase}}}", "nodeName": "{{{nodeName}}}" } }
        """)!;

    private static JsonNode Node(string name, string site) => JsonNode.Parse($$$"""
        {"apiVersion": "v1", "kind": "Node",
         "metadata": {"name": "{{{name}}}", "labels": {"topology.kubernetes.io/site": "{{{site}}}" } } }
        """)!;

    [TestMethod]
    public void A_VM_running_at_its_target_site_is_compliant()
    {
        var result = GoTemplate.ExecuteManaged(RunningTemplate("DR"), [Vmi("web-0", "web", "Running", "n1"), Node("n1", "DR")]);

        result.Error.Should().BeNull();
        result.ObjectTemplates.Should().ContainSingle();
        result.Evaluations.Should().Equal(new TemplateEvaluation("web-0", "web", "VirtualMachineInstance", "musthave", "compliant", null));
    }

    [TestMethod]
    public void A_VM_running_at_another_site_is_non_compliant()
    {
        var result = GoTemplate.ExecuteManaged(RunningTemplate("DR"), [Vmi("web-0", "web", "Running", "n1"), Node("n1", "Primary")]);

        result.Ok.Should().BeTrue();
        var evaluation = result.Evaluations.Should().ContainSingle().Subject;
        evaluation.Result.Should().Be("noncompliant");
        evaluation.Message.Should().Contain("status.nodeName").And.Contain("acmdr-expected-at-DR");
    }

    [TestMethod]
    public void A_VM_not_running_is_not_found()
    {
        var result = GoTemplate.ExecuteManaged(RunningTemplate("DR"), [Node("n1", "DR")]);

        result.Ok.Should().BeTrue();
        result.Evaluations.Should().ContainSingle().Which.Result.Should().Be("notfound");
    }

    [TestMethod]
    public void Output_that_is_not_a_list_fails()
    {
        var result = GoTemplate.ExecuteManaged("complianceType: musthave\n", []);

        result.Ok.Should().BeFalse();
        result.Error.Should().Contain("not a YAML list");
    }

    [TestMethod]
    public void Field_chains_behave_like_Go_text_template()
    {
        // Go's default options: a chain through a missing key prints "<no value>"
        // silently; a chain through a key that is present but null is an error.
        var node = JsonNode.Parse("""{"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}, "status": null}""")!;

        var missing = GoTemplate.ExecuteManaged("- x: '{{ (lookup \"v1\" \"Node\" \"\" \"gone\").status.nodeInfo }}'\n", [node]);
        missing.Error.Should().BeNull();
        ((string?)missing.ObjectTemplates[0]["x"]).Should().Be("<no value>");

        var nullField = GoTemplate.ExecuteManaged("- x: '{{ (lookup \"v1\" \"Node\" \"\" \"n1\").status.nodeInfo }}'\n", [node]);
        nullField.Ok.Should().BeFalse();
        nullField.Error.Should().Contain("nil pointer evaluating interface {}.nodeInfo");
    }

    [TestMethod]
    public void List_items_match_as_subsets()
    {
        const string Template = """
            - complianceType: musthave
              objectDefinition:
                apiVersion: v1
                kind: Node
                metadata: {name: n1}
                status:
                  conditions:
                  - type: Ready
                    status: "True"
            """;
        var node = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"},
             "status": {"conditions": [{"type": "DiskPressure", "status": "False"}, {"type": "Ready", "status": "True", "reason": "KubeletReady"}]}}
            """)!;

        GoTemplate.ExecuteManaged(Template, [node]).Evaluations.Should().ContainSingle().Which.Result.Should().Be("compliant");
    }
}
