using System.Text;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>The Policy of one app on one cluster and the templates that pick and check its site.</summary>
[TestClass]
public sealed class PolicyManifestTests
{
    private const string HubSite =
        "{{hub $s := fromConfigMap \"\" \"acmdr-sites\" \"app-web\" | default (fromConfigMap \"\" \"acmdr-sites\" \"tier-2\") | default (fromConfigMap \"\" \"acmdr-sites\" \"site\") hub}}"
        + "{{hub if has $s (list \"Primary\" \"DR\") hub}}{{hub $s hub}}{{hub else hub}}{{hub fromConfigMap \"\" \"acmdr-sites-invalid-site\" \"site\" hub}}{{hub end hub}}";

    private static readonly PolicyPlan Web = new("dr-web", "web", 2, "c1", 30, [new VmRef("shop", "web-0")],
        [new PolicyDependency(PolicyDependency.PolicySetKind, "dr-tier-1"), new PolicyDependency(PolicyDependency.PolicyKind, "dr-db")]);

    private static string Running(string ns, string name) =>
        $"{{{{- $vmi := lookup \"kubevirt.io/v1\" \"VirtualMachineInstance\" \"{ns}\" \"{name}\" }}}}\n"
        + "{{- $node := \"\" }}{{- $at := \"\" }}\n"
        + "{{- if $vmi.status }}{{- if $vmi.status.nodeName }}{{- $node = $vmi.status.nodeName }}{{- end }}{{- end }}\n"
        + "{{- if $node }}{{- $n := lookup \"v1\" \"Node\" \"\" $node }}{{- if $n.metadata }}{{- if $n.metadata.labels }}{{- $at = index $n.metadata.labels \"topology.kubernetes.io/site\" }}{{- end }}{{- end }}{{- end }}\n"
        + "- complianceType: musthave\n"
        + "  objectDefinition:\n"
        + "    apiVersion: kubevirt.io/v1\n"
        + "    kind: VirtualMachineInstance\n"
        + "    metadata:\n"
        + $"      name: \"{name}\"\n"
        + $"      namespace: \"{ns}\"\n"
        + "    status:\n"
        + "      phase: Running\n"
        + "      nodeName: '{{ if eq $at $site }}{{ $node }}{{ else }}acmdr-expected-at-{{ $site }}{{ end }}'\n";

    [TestMethod]
    public void The_hub_template_takes_the_app_override_else_the_tier_override_else_the_global_site_and_fails_closed_on_anything_else() =>
        SiteTemplates.HubSite(DrSettings.Default, "web", 2).Should().Be(HubSite);

    [TestMethod]
    public void The_running_check_expects_each_VM_on_a_node_of_the_target_site_or_on_a_node_that_cannot_exist() =>
        SiteTemplates.RunningObjectTemplates(DrSettings.Default, Web with { Vms = [new("shop", "web-0"), new("ops", "web-1")] }, new StringBuilder("left over"))
            .Should().Be($"{{{{- $site := \"{HubSite}\" }}}}\n" + Running("shop", "web-0") + Running("ops", "web-1"));

    [TestMethod]
    public void A_policy_enforces_the_site_nodeSelector_informs_on_where_each_VM_runs_moves_the_running_ones_never_prunes_and_waits_for_its_dependencies() =>
        Flow.Of(PolicyManifest.Build(DrSettings.Default, Web)).Should().Be(
            "{apiVersion: policy.open-cluster-management.io/v1, kind: Policy, metadata: {name: dr-web, namespace: acmdr, "
            + "labels: {acmdr.io/app: web, acmdr.io/cluster: c1, acmdr.io/tier: 2, app.kubernetes.io/managed-by: acmdr}, "
            + "annotations: {policy.open-cluster-management.io/standards: NIST SP 800-53, policy.open-cluster-management.io/categories: CP Contingency Planning, "
            + "policy.open-cluster-management.io/controls: CP-10 System Recovery and Reconstitution, acmdr.io/vms: shop/web-0, acmdr.io/rto-minutes: 30}}, "
            + "spec: {disabled: false, policy-templates: ["
            + $"{{objectDefinition: {{apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {{name: dr-web-site, annotations: {{acmdr.io/site: {HubSite}}}}}, "
            + "spec: {remediationAction: enforce, pruneObjectBehavior: None, severity: high, object-templates: [{complianceType: musthave, "
            + "objectDefinition: {apiVersion: kubevirt.io/v1, kind: VirtualMachine, metadata: {name: web-0, namespace: shop, "
            + "labels: {acmdr.io/app: web, acmdr.io/tier: 2}, annotations: {acmdr.io/switch-version: {{hub (lookup \"v1\" \"ConfigMap\" \"\" \"acmdr-sites\").metadata.resourceVersion hub}}}}, "
            + $"spec: {{template: {{spec: {{nodeSelector: {{topology.kubernetes.io/site: {HubSite}}}}}}}}}}}}}]}}}}}}, "
            + "{objectDefinition: {apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {name: dr-web-running}, "
            + "spec: {remediationAction: inform, pruneObjectBehavior: None, severity: high, object-templates-raw: "
            + $"{{{{- $site := \"{HubSite}\" }}}}\n{Running("shop", "web-0")}}}}}}}, "
            + "{objectDefinition: {apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {name: dr-web-move}, "
            + "spec: {remediationAction: enforce, pruneObjectBehavior: None, severity: high, object-templates-raw: "
            + $"{MoveTemplates.MoveObjectTemplates(DrSettings.Default, Web, [], new StringBuilder())}}}}}}}], "
            + "dependencies: [{apiVersion: policy.open-cluster-management.io/v1beta1, kind: PolicySet, name: dr-tier-1, namespace: acmdr, compliance: Compliant}, "
            + "{apiVersion: policy.open-cluster-management.io/v1, kind: Policy, name: dr-db, namespace: acmdr, compliance: Compliant}]}}");

    [TestMethod]
    public void A_policy_without_dependencies_or_rto_has_neither_and_lists_all_its_VMs()
    {
        var policy = Flow.Of(PolicyManifest.Build(DrSettings.Default, Web with { RtoMinutes = null, Dependencies = [], Vms = [new("a", "x"), new("b", "y")] }));

        policy.Should().NotContain("dependencies").And.NotContain("rto-minutes").And.Contain("acmdr.io/vms: a/x,b/y}");
        policy.Should().Contain("metadata: {name: x, namespace: a, labels:").And.Contain("metadata: {name: y, namespace: b, labels:");
    }

    [TestMethod]
    [DataRow("we\"b")]
    [DataRow("we\\b")]
    [DataRow("we{b")]
    [DataRow("we}b")]
    [DataRow("we\nb")]
    public void A_value_that_could_end_the_string_or_start_template_code_is_never_placed_in_a_template(string app) =>
        FluentActions.Invoking(() => SiteTemplates.HubSite(DrSettings.Default, app, 1)).Should().Throw<ArgumentException>()
            .WithMessage($"'app-{app}' cannot be placed in a template*");

    [TestMethod]
    public void Booleans_and_numbers_are_typed_scalars()
    {
        TypedScalar.Of(true).Literal.Should().Be("true");
        TypedScalar.Of(false).Literal.Should().Be("false");
        TypedScalar.Of(42).Literal.Should().Be("42");
    }

    [TestMethod]
    public void A_mapping_keeps_its_keys_in_order_and_answers_null_for_a_missing_key()
    {
        var mapping = new Mapping().Add("b", "1").Add("a", TypedScalar.Of(2));

        Flow.Of(mapping).Should().Be("{b: 1, a: 2}");
        mapping["a"].Should().BeOfType<TypedScalar>();
        mapping["c"].Should().BeNull();
        Flow.Of(Mapping.Sorted(new Dictionary<string, string> { ["b"] = "1", ["a"] = "2", ["B"] = "3" })).Should().Be("{B: 3, a: 2, b: 1}");
    }
}
