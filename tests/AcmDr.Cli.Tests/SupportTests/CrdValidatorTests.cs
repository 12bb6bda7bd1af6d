using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class CrdValidatorTests
{
    private static CrdValidator Validator => CrdValidator.Shared;

    [TestMethod]
    public void The_example_documents_are_valid()
    {
        Validator.Validate(ExampleManifests.All).Should().BeEmpty();
    }

    [TestMethod]
    public void It_loads_the_shared_CRDs_and_core_kinds()
    {
        Validator.HasSchema("kubevirt.io/v1", "VirtualMachine").Should().BeTrue();
        Validator.HasSchema("policy.open-cluster-management.io/v1", "ConfigurationPolicy").Should().BeTrue();
        Validator.HasSchema("v1", "ConfigMap").Should().BeTrue();
        Validator.HasSchema("rbac.authorization.k8s.io/v1", "RoleBinding").Should().BeTrue();
    }

    [TestMethod]
    public void Unknown_field_under_policy_spec_is_named()
    {
        var yaml = ExampleManifests.PolicyDrWeb.Replace("  disabled: false", "  disabled: false\n  remediation: enforce", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().ContainSingle()
            .Which.Should().Be("Policy/dr-web: spec.remediation: unknown field \"remediation\"");
    }

    [TestMethod]
    public void Placement_toleration_with_bad_operator_fails()
    {
        var yaml = ExampleManifests.Placement.Replace("operator: Exists", "operator: Exist", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().Equal(
            "Placement/acmdr-stretch-1: spec.tolerations[0].operator: value not in [Exists, Equal]",
            "Placement/acmdr-stretch-1: spec.tolerations[1].operator: value not in [Exists, Equal]");
    }

    [TestMethod]
    public void Quoted_label_value_passes_unquoted_number_fails()
    {
        Validator.Validate(ExampleManifests.PolicySetTier2.Replace("labels:", "labels:\n    acmdr.io/tier: '2'", StringComparison.Ordinal))
            .Should().BeEmpty();

        var unquoted = ExampleManifests.PolicyDrWeb.Replace("acmdr.io/tier: '2'", "acmdr.io/tier: 2", StringComparison.Ordinal);
        Validator.Validate(unquoted).Should().ContainSingle()
            .Which.Should().StartWith("Policy/dr-web: metadata.labels.acmdr.io/tier: expected a string");
    }

    [TestMethod]
    public void Typo_inside_embedded_VirtualMachine_fails()
    {
        var yaml = ExampleManifests.PolicyDrWeb.Replace("nodeSelector:", "nodeSelectr:", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().ContainSingle().Which.Should().Be(
            "Policy/dr-web: spec.policy-templates[0].objectDefinition.spec.object-templates[0].objectDefinition"
            + ".spec.template.spec.nodeSelectr: unknown field \"nodeSelectr\"");
    }

    [TestMethod]
    public void Validate_embedded_checks_only_what_the_policy_carries()
    {
        var policy = YamlJson.Parse(ExampleManifests.PolicyDrWeb.Replace("nodeSelector:", "nodeSelectr:", StringComparison.Ordinal))!;
        policy["spec"]!["bogus"] = 1;

        Validator.ValidateEmbedded(policy).Should().ContainSingle().Which.Should().Contain("nodeSelectr");
    }

    [TestMethod]
    public void Embedded_VirtualMachine_needs_no_required_fields()
    {
        // A musthave fragment leaves out what the VM already has (spec.template.spec.domain is required in full).
        var fragment = YamlJson.Parse("""
            apiVersion: kubevirt.io/v1
            kind: VirtualMachine
            metadata: {name: web-0, namespace: web}
            spec: {template: {spec: {nodeSelector: {a: b}}}}
            """)!;

        Validator.ValidatePartial("kubevirt.io", "v1", "VirtualMachine", fragment).Should().BeEmpty();
        Validator.Validate(fragment).Should().Contain(e => e.Contains("required field \"domain\"", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Unknown_field_in_embedded_ConfigurationPolicy_fails()
    {
        var yaml = ExampleManifests.PolicyDrWeb.Replace("severity: high", "severty: high", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().Contain(
            "Policy/dr-web: spec.policy-templates[0].objectDefinition.spec.severty: unknown field \"severty\"");
    }

    [TestMethod]
    public void A_ConfigMap_with_an_integer_value_fails()
    {
        Validator.Validate("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: acmdr}\ndata: {x: 1}\n")
            .Should().Equal("ConfigMap/x: data.x: expected a string");
    }

    [TestMethod]
    public void Unknown_kind_fails()
    {
        Validator.Validate("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")
            .Should().ContainSingle().Which.Should().Contain("unknown apiVersion/kind example.com/v1 Widget");
    }

    [TestMethod]
    public void Bad_metadata_fails()
    {
        var errors = Validator.Validate("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: Not_A_Name
              namespace: acmdr
              lables: {a: b}
              labels: {"bad key!": x, ok: "-starts-with-dash"}
            """);

        errors.Should().HaveCount(4).And.Contain(e => e.Contains("metadata.lables: unknown field", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_RoleBinding_without_roleRef_fails()
    {
        Validator.Validate("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: rb, namespace: acmdr}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """).Should().ContainSingle().Which.Should().Contain("required field \"roleRef\"");
    }
}
