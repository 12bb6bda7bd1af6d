using AcmDr.Cli.Tests.Support;
using FluentAssertions;

namespace AcmDr.Cli.Tests.SupportTests;

[TestClass]
public sealed class CrdValidatorTests
{
    private static CrdValidator Validator => CrdValidator.Shared;

    [TestMethod]
    public void ExampleDocuments_AreValid()
    {
        Validator.Validate(ExampleManifests.All).Should().BeEmpty();
    }

    [TestMethod]
    public void LoadsTheSharedCrdsAndCoreKinds()
    {
        Validator.HasSchema("kubevirt.io/v1", "VirtualMachine").Should().BeTrue();
        Validator.HasSchema("policy.open-cluster-management.io/v1", "ConfigurationPolicy").Should().BeTrue();
        Validator.HasSchema("v1", "ConfigMap").Should().BeTrue();
        Validator.HasSchema("rbac.authorization.k8s.io/v1", "RoleBinding").Should().BeTrue();
    }

    [TestMethod]
    public void UnknownFieldUnderPolicySpec_IsNamed()
    {
        var yaml = ExampleManifests.PolicyDrWeb.Replace("  disabled: false", "  disabled: false\n  remediation: enforce", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().ContainSingle()
            .Which.Should().Be("Policy/dr-web: spec.remediation: unknown field \"remediation\"");
    }

    [TestMethod]
    public void PlacementTolerationWithBadOperator_Fails()
    {
        var yaml = ExampleManifests.Placement.Replace("operator: Exists", "operator: Exist", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().Equal(
            "Placement/acmdr-stretch-1: spec.tolerations[0].operator: value not in [Exists, Equal]",
            "Placement/acmdr-stretch-1: spec.tolerations[1].operator: value not in [Exists, Equal]");
    }

    [TestMethod]
    public void QuotedLabelValue_Passes_UnquotedNumber_Fails()
    {
        Validator.Validate(ExampleManifests.PolicySetTier2.Replace("labels:", "labels:\n    acmdr.io/tier: '2'", StringComparison.Ordinal))
            .Should().BeEmpty();

        var unquoted = ExampleManifests.PolicyDrWeb.Replace("acmdr.io/tier: '2'", "acmdr.io/tier: 2", StringComparison.Ordinal);
        Validator.Validate(unquoted).Should().ContainSingle()
            .Which.Should().StartWith("Policy/dr-web: metadata.labels.acmdr.io/tier: expected a string");
    }

    [TestMethod]
    public void TypoInsideEmbeddedVirtualMachine_Fails()
    {
        var yaml = ExampleManifests.PolicyDrWeb.Replace("nodeSelector:", "nodeSelectr:", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().ContainSingle().Which.Should().Be(
            "Policy/dr-web: spec.policy-templates[0].objectDefinition.spec.object-templates[0].objectDefinition"
            + ".spec.template.spec.nodeSelectr: unknown field \"nodeSelectr\"");
    }

    [TestMethod]
    public void ValidateEmbedded_ChecksOnlyWhatThePolicyCarries()
    {
        var policy = YamlJson.Parse(ExampleManifests.PolicyDrWeb.Replace("nodeSelector:", "nodeSelectr:", StringComparison.Ordinal))!;
        policy["spec"]!["bogus"] = 1;

        Validator.ValidateEmbedded(policy).Should().ContainSingle().Which.Should().Contain("nodeSelectr");
    }

    [TestMethod]
    public void EmbeddedVirtualMachine_NeedsNoRequiredFields()
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
    public void UnknownFieldInEmbeddedConfigurationPolicy_Fails()
    {
        var yaml = ExampleManifests.PolicyDrWeb.Replace("severity: high", "severty: high", StringComparison.Ordinal);

        Validator.Validate(yaml).Should().Contain(
            "Policy/dr-web: spec.policy-templates[0].objectDefinition.spec.severty: unknown field \"severty\"");
    }

    [TestMethod]
    public void ConfigMapWithIntegerValue_Fails()
    {
        Validator.Validate("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: acmdr}\ndata: {x: 1}\n")
            .Should().Equal("ConfigMap/x: data.x: expected a string");
    }

    [TestMethod]
    public void UnknownKind_Fails()
    {
        Validator.Validate("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")
            .Should().ContainSingle().Which.Should().Contain("unknown apiVersion/kind example.com/v1 Widget");
    }

    [TestMethod]
    public void BadMetadata_Fails()
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
    public void RoleBindingWithoutRoleRef_Fails()
    {
        Validator.Validate("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: rb, namespace: acmdr}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            """).Should().ContainSingle().Which.Should().Contain("required field \"roleRef\"");
    }
}
