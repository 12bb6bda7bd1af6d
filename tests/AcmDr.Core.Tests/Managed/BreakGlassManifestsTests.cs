using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>The kustomize directory a break glass writes for <c>oc apply -k</c>.</summary>
[TestClass]
public sealed class BreakGlassManifestsTests
{
    private const string Label = "topology.kubernetes.io/site";

    private static readonly IReadOnlyList<ScopedVm> Scope =
    [
        new(new VmRef("shop", "db-0"), "db", 1),
        new(new VmRef("shop", "web-0"), "web", 12),
        new(new VmRef("ops", "web-1"), "web", 12),
    ];

    [TestMethod]
    public void Each_VM_is_a_partial_VirtualMachine_holding_only_its_name_and_the_site_nodeSelector() =>
        Flow.Of(BreakGlassManifests.PartialVm(Scope[0], Label, "DR")).Should().Be(
            "{apiVersion: kubevirt.io/v1, kind: VirtualMachine, metadata: {name: db-0, namespace: shop}, "
            + "spec: {template: {spec: {nodeSelector: {topology.kubernetes.io/site: DR}}}}}");

    [TestMethod]
    public void The_directory_has_one_folder_per_tier_in_tier_order_each_listing_its_VMs()
    {
        var files = BreakGlassManifests.Directory(Scope, Label, "DR");

        files.Select(f => f.Path).Should().Equal(
            "kustomization.yaml",
            "tier-1/kustomization.yaml",
            "tier-1/shop.db-0.yaml",
            "tier-12/kustomization.yaml",
            "tier-12/shop.web-0.yaml",
            "tier-12/ops.web-1.yaml");
        Flow.Of(files[0].Document).Should().Be("{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [tier-1, tier-12]}");
        Flow.Of(files[3].Document).Should().Be("{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, resources: [shop.web-0.yaml, ops.web-1.yaml]}");
        Flow.Of(files[5].Document).Should().Contain("metadata: {name: web-1, namespace: ops}").And.Contain("{topology.kubernetes.io/site: DR}");
    }

    [TestMethod]
    public void File_and_folder_names_are_namespace_dot_name_and_tier_dash_number()
    {
        BreakGlassManifests.VmFile(Scope[2]).Should().Be("ops.web-1.yaml");
        BreakGlassManifests.TierDirectory(3).Should().Be("tier-3");
        BreakGlassManifests.Kustomization.Should().Be("kustomization.yaml");
    }

    [TestMethod]
    public void Null_VMs_are_refused()
    {
        FluentActions.Invoking(() => BreakGlassManifests.VmFile(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => BreakGlassManifests.PartialVm(null!, Label, "DR")).Should().Throw<ArgumentNullException>();
    }
}
