using System.Text;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>What generate writes for a dual-cluster app: its Placement, the cluster set's binding, and its hub-local policy.</summary>
[TestClass]
public sealed class DualManifestsTests
{
    [TestMethod]
    public void The_placement_selects_exactly_home_and_peer_and_leaves_the_decision_to_Ramen()
    {
        var plan = DualPlans.Plan();
        var erp = DualPlans.Policy(plan, "dr-erp");
        Flow.Of(DualManifests.Placement(plan.Settings, erp.Dual!, erp.App)).Should().Be(
            "{apiVersion: cluster.open-cluster-management.io/v1beta1, kind: Placement, metadata: {name: dr-erp, namespace: openshift-gitops, "
            + "labels: {acmdr.io/app: erp, app.kubernetes.io/managed-by: acmdr}, "
            + "annotations: {cluster.open-cluster-management.io/experimental-scheduling-disable: true}}, "
            + "spec: {clusterSets: [default], numberOfClusters: 1, predicates: [{requiredClusterSelector: {labelSelector: "
            + "{matchExpressions: [{key: name, operator: In, values: [east, west]}]}}}]}}");
    }

    [TestMethod]
    public void The_cluster_set_is_bound_in_the_dual_namespace_unless_that_is_the_hub_namespace_bound_already()
    {
        var settings = DualPlans.Settings;
        Flow.Of(DualManifests.ClusterSetBinding(settings)).Should().Be(
            "{apiVersion: cluster.open-cluster-management.io/v1beta2, kind: ManagedClusterSetBinding, metadata: {name: default, namespace: openshift-gitops, "
            + "labels: {app.kubernetes.io/managed-by: acmdr}}, spec: {clusterSet: default}}");
        DualManifests.NeedsClusterSetBinding(settings).Should().BeTrue();
        DualManifests.NeedsClusterSetBinding(settings with { DualOrNull = settings.Dual with { Namespace = settings.HubNamespace } }).Should().BeFalse();
    }

    [TestMethod]
    public void A_dual_policy_sits_on_the_hub_cluster_with_a_drpc_enforce_and_a_recovered_inform_template_and_its_dependencies()
    {
        var plan = DualPlans.Plan();
        var erp = DualPlans.Policy(plan, "dr-erp");
        var gates = new MoveGates(plan).Of(erp);
        var site = SiteTemplates.HubSite(plan.Settings, "erp", 2);
        Flow.Of(PolicyManifest.Build(plan.Settings, erp, new StringBuilder(), gates)).Should().Be(
            "{apiVersion: policy.open-cluster-management.io/v1, kind: Policy, metadata: {name: dr-erp, namespace: acmdr, "
            + "labels: {acmdr.io/app: erp, acmdr.io/cluster: local-cluster, acmdr.io/tier: 2, app.kubernetes.io/managed-by: acmdr}, "
            + "annotations: {policy.open-cluster-management.io/standards: NIST SP 800-53, policy.open-cluster-management.io/categories: CP Contingency Planning, "
            + "policy.open-cluster-management.io/controls: CP-10 System Recovery and Reconstitution, acmdr.io/vms: erp/erp-0,erp/erp-1, acmdr.io/rto-minutes: 15}}, "
            + "spec: {disabled: false, policy-templates: ["
            + $"{{objectDefinition: {{apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {{name: dr-erp-drpc, annotations: {{acmdr.io/site: {site}}}}}, "
            + "spec: {remediationAction: enforce, pruneObjectBehavior: None, severity: high, object-templates-raw: "
            + DualTemplates.DrpcObjectTemplates(plan.Settings, erp, gates, new StringBuilder()) + "}}}, "
            + "{objectDefinition: {apiVersion: policy.open-cluster-management.io/v1, kind: ConfigurationPolicy, metadata: {name: dr-erp-recovered}, "
            + "spec: {remediationAction: inform, pruneObjectBehavior: None, severity: high, object-templates-raw: "
            + DualTemplates.RecoveredObjectTemplates(plan.Settings, erp, new StringBuilder()) + "}}}], "
            + "dependencies: [{apiVersion: policy.open-cluster-management.io/v1beta1, kind: PolicySet, name: dr-tier-1-local-cluster, namespace: acmdr, compliance: Compliant}]}}");
    }

    [TestMethod]
    public void Generate_writes_the_dual_placements_in_a_kustomization_of_their_own_and_a_plan_without_dual_apps_none()
    {
        var plan = DualPlans.Plan();
        var files = ManifestBuilder.Pending(plan, SwitchState.Home(plan.Settings)).Select(p => p.Build(new StringBuilder())).ToList();
        files.Select(f => f.RelativePath).Where(p => p.StartsWith("placements/", StringComparison.Ordinal)).Should().Equal(
            "placements/placement-c1.yaml", "placements/binding-c1.yaml",
            "placements/placement-local-cluster.yaml", "placements/binding-local-cluster.yaml",
            "placements/managedclustersetbinding.yaml",
            "placements/dual/dr-db.yaml", "placements/dual/dr-files.yaml", "placements/dual/dr-erp.yaml", "placements/dual/dr-report.yaml",
            "placements/dual/managedclustersetbinding.yaml", "placements/dual/kustomization.yaml",
            "placements/kustomization.yaml");
        Flow.Of(files.Single(f => f.RelativePath == "placements/dual/kustomization.yaml").Documents[0]).Should().Be(
            "{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [dr-db.yaml, dr-erp.yaml, dr-files.yaml, dr-report.yaml, managedclustersetbinding.yaml]}");
        Flow.Of(files.Single(f => f.RelativePath == "placements/kustomization.yaml").Documents[0]).Should().Contain("resources: [binding-c1.yaml, binding-local-cluster.yaml, dual, ");
        Flow.Of(files.Single(f => f.RelativePath == "placements/binding-local-cluster.yaml").Documents[0]).Should()
            .Contain("{apiGroup: policy.open-cluster-management.io, kind: Policy, name: dr-db}, {apiGroup: policy.open-cluster-management.io, kind: Policy, name: dr-erp}");

        var stretched = Plans.Plan("db,1,x,db-0,c1,15,\n");
        ManifestBuilder.Pending(stretched, SwitchState.Home(stretched.Settings)).Select(p => p.RelativePath).Should().NotContain(p => p.Contains("/dual", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_dual_app_waits_for_the_dual_apps_of_the_previous_tier_and_its_depends_on_counted_in_drpcs()
    {
        var plan = DualPlans.Plan();
        string Gates(string policy) => string.Join(" ", new MoveGates(plan).Of(DualPlans.Policy(plan, policy)).Select(g => $"{g.Selector} x{g.Count}"));
        Gates("dr-db").Should().BeEmpty();
        Gates("dr-erp").Should().Be("acmdr.io/tier=1 x2", "db and files are the dual apps of tier 1; web runs on c1");
        Gates("dr-report").Should().Be("acmdr.io/tier=2 x1 acmdr.io/app=erp x1");
        Gates("dr-api").Should().Be("acmdr.io/tier=1 x1 acmdr.io/app=web x1", "a stretched app still counts VMs, and no dual app's");
    }
}
