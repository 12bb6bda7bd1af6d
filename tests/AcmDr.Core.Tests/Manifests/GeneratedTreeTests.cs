using System.Text;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>The files <c>acmdr generate</c> writes, and the small documents among them.</summary>
[TestClass]
public sealed class GeneratedTreeTests
{
    private const string Managed = "labels: {app.kubernetes.io/managed-by: acmdr}";

    // Planned afresh for each test, not once in a static field: mutation testing sees each test run the code it checks.
    private static DrPlan Plan => Plans.Plan("db,1,x,db-0,c1,15,\nweb,2,shop,web-1,c1,,db\nweb,2,shop,web-0,c2,,\ndb,1,x,db-1,c2,15,\n");

    private static readonly DrSettings ThreeSites = DrSettings.Default with { Sites = ["Primary", "DR", "Cold-Site"], HubNamespace = "dr" };

    private static DrPlan ThreeSitePlan => Plans.Plan("db,1,x,db-0,c1,15,\n", ThreeSites);

    /// <summary>The files as generate builds them: each pending file built in turn.</summary>
    private static List<GeneratedFile> Built(DrPlan plan, SwitchState state) =>
        ManifestBuilder.Pending(plan, state).Select(p => p.Build(new StringBuilder())).ToList();

    [TestMethod]
    public void Generate_writes_the_switch_policy_sets_and_policies_a_base_overlays_rbac_and_placements_in_that_order() =>
        Built(Plan, SwitchState.Home(DrSettings.Default)).Select(f => $"{f.RelativePath} ({f.Documents.Count})").Should().Equal(
            "policies/base/acmdr-sites.yaml (1)",
            "policies/base/policyset-tier-1.yaml (1)",
            "policies/base/policyset-tier-1-c1.yaml (1)",
            "policies/base/policyset-tier-1-c2.yaml (1)",
            "policies/base/policyset-tier-2.yaml (1)",
            "policies/base/tier-1/dr-db-c1.yaml (1)",
            "policies/base/tier-1/dr-db-c2.yaml (1)",
            "policies/base/tier-2/dr-web-c1.yaml (1)",
            "policies/base/tier-2/dr-web-c2.yaml (1)",
            "policies/base/kustomization.yaml (1)",
            "policies/overlays/dr/kustomization.yaml (1)",
            "policies/rbac/acmdr-flip.yaml (2)",
            "policies/rbac/kustomization.yaml (1)",
            "placements/placement-c1.yaml (1)",
            "placements/binding-c1.yaml (1)",
            "placements/placement-c2.yaml (1)",
            "placements/binding-c2.yaml (1)",
            "placements/managedclustersetbinding.yaml (1)",
            "placements/kustomization.yaml (1)");

    [TestMethod]
    public void The_base_kustomization_lists_every_base_file_sorted() =>
        Flow.Of(Built(Plan, SwitchState.Home(DrSettings.Default)).Single(f => f.RelativePath == "policies/base/kustomization.yaml").Documents[0])
            .Should().Be("{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [acmdr-sites.yaml, policyset-tier-1-c1.yaml, "
                + "policyset-tier-1-c2.yaml, policyset-tier-1.yaml, policyset-tier-2.yaml, tier-1/dr-db-c1.yaml, tier-1/dr-db-c2.yaml, tier-2/dr-web-c1.yaml, tier-2/dr-web-c2.yaml]}");

    [TestMethod]
    public void Every_site_but_home_gets_an_overlay_that_only_replaces_the_switch_site_in_a_lower_case_folder()
    {
        var overlays = Built(ThreeSitePlan, SwitchState.Home(ThreeSites)).Where(f => f.RelativePath.Contains("/overlays/", StringComparison.Ordinal)).ToList();

        overlays.Select(f => f.RelativePath).Should().Equal("policies/overlays/dr/kustomization.yaml", "policies/overlays/cold-site/kustomization.yaml");
        Flow.Of(overlays[1].Documents[0]).Should().Be(
            "{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [../../base], patches: [{target: {version: v1, kind: ConfigMap, "
            + "name: acmdr-sites, namespace: dr}, patch: - op: replace\n  path: /data/site\n  value: \"Cold-Site\"}]}");
    }

    [TestMethod]
    public void Flippers_may_only_get_and_patch_the_switch_and_create_events()
    {
        var rbac = Built(ThreeSitePlan, SwitchState.Home(ThreeSites)).Single(f => f.RelativePath == "policies/rbac/acmdr-flip.yaml").Documents;

        Flow.Of(rbac[0]).Should().Be(
            $"{{apiVersion: rbac.authorization.k8s.io/v1, kind: Role, metadata: {{name: acmdr-flip, namespace: dr, {Managed}}}, rules: ["
            + "{apiGroups: [], resources: [configmaps], resourceNames: [acmdr-sites], verbs: [get, patch]}, "
            + "{apiGroups: [, events.k8s.io], resources: [events], verbs: [create]}]}");
        Flow.Of(rbac[1]).Should().Be(
            $"{{apiVersion: rbac.authorization.k8s.io/v1, kind: RoleBinding, metadata: {{name: acmdr-flip, namespace: dr, {Managed}}}, "
            + "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: acmdr-flip}, "
            + "subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: acmdr-flippers}]}");
        Flow.Of(Built(ThreeSitePlan, SwitchState.Home(ThreeSites)).Single(f => f.RelativePath == "policies/rbac/kustomization.yaml").Documents[0])
            .Should().Be("{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [acmdr-flip.yaml]}");
    }

    [TestMethod]
    public void Each_cluster_gets_a_placement_selecting_only_it_that_tolerates_it_being_unreachable() =>
        Flow.Of(PlacementManifests.Placement(ThreeSites with { ClusterSet = "dr-set" }, "c1")).Should().Be(
            $"{{apiVersion: cluster.open-cluster-management.io/v1beta1, kind: Placement, metadata: {{name: acmdr-c1, namespace: dr, {Managed}}}, "
            + "spec: {clusterSets: [dr-set], predicates: [{requiredClusterSelector: {labelSelector: {matchLabels: {name: c1}}}}], "
            + "tolerations: [{key: cluster.open-cluster-management.io/unreachable, operator: Exists}, {key: cluster.open-cluster-management.io/unavailable, operator: Exists}]}}");

    [TestMethod]
    public void A_cluster_binding_binds_exactly_the_policies_of_that_cluster_sorted()
    {
        var binding = Built(Plan, SwitchState.Home(DrSettings.Default)).Single(f => f.RelativePath == "placements/binding-c2.yaml").Documents[0];

        Flow.Of(binding).Should().Be(
            $"{{apiVersion: policy.open-cluster-management.io/v1, kind: PlacementBinding, metadata: {{name: acmdr-c2, namespace: acmdr, {Managed}}}, "
            + "placementRef: {apiGroup: cluster.open-cluster-management.io, kind: Placement, name: acmdr-c2}, "
            + "subjects: [{apiGroup: policy.open-cluster-management.io, kind: Policy, name: dr-db-c2}, {apiGroup: policy.open-cluster-management.io, kind: Policy, name: dr-web-c2}]}");
    }

    [TestMethod]
    public void The_cluster_set_is_bound_to_the_hub_namespace_and_the_placements_listed_sorted()
    {
        var files = Built(Plan, SwitchState.Home(DrSettings.Default));

        Flow.Of(files.Single(f => f.RelativePath == "placements/managedclustersetbinding.yaml").Documents[0]).Should().Be(
            $"{{apiVersion: cluster.open-cluster-management.io/v1beta2, kind: ManagedClusterSetBinding, metadata: {{name: default, namespace: acmdr, {Managed}}}, spec: {{clusterSet: default}}}}");
        Flow.Of(files.Single(f => f.RelativePath == "placements/kustomization.yaml").Documents[0]).Should().Be(
            "{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [binding-c1.yaml, binding-c2.yaml, managedclustersetbinding.yaml, placement-c1.yaml, placement-c2.yaml]}");
    }

    [TestMethod]
    public void A_tier_policy_set_holds_the_tier_and_a_per_cluster_set_only_that_cluster()
    {
        var sets = Built(Plan, SwitchState.Home(DrSettings.Default)).Where(f => f.RelativePath.Contains("policyset-", StringComparison.Ordinal)).ToList();

        Flow.Of(sets[0].Documents[0]).Should().Be(
            "{apiVersion: policy.open-cluster-management.io/v1beta1, kind: PolicySet, metadata: {name: dr-tier-1, namespace: acmdr, labels: {acmdr.io/tier: 1, app.kubernetes.io/managed-by: acmdr}}, "
            + "spec: {description: acmdr tier 1: recovers after the tier before it runs at the new site, policies: [dr-db-c1, dr-db-c2]}}");
        Flow.Of(sets[2].Documents[0]).Should().Be(
            "{apiVersion: policy.open-cluster-management.io/v1beta1, kind: PolicySet, metadata: {name: dr-tier-1-c2, namespace: acmdr, labels: {acmdr.io/cluster: c2, acmdr.io/tier: 1, app.kubernetes.io/managed-by: acmdr}}, "
            + "spec: {description: acmdr tier 1 on cluster c2: what later tiers on that cluster wait for, policies: [dr-db-c2]}}");
    }
}
