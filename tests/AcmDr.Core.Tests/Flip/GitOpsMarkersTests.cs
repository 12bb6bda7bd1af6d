using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class GitOpsMarkersTests
{
    private static Dictionary<string, string> Map(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [TestMethod]
    [DataRow("argocd.argoproj.io/tracking-id")]
    [DataRow("argocd.argoproj.io/instance")]
    [DataRow("apps.open-cluster-management.io/hosting-subscription")]
    [DataRow("kustomize.toolkit.fluxcd.io/name")]
    [DataRow("helm.toolkit.fluxcd.io/namespace")]
    public void Each_gitops_annotation_marks_the_switch_as_managed(string annotation)
    {
        GitOpsMarkers.Find(null, Map((annotation, "x"))).Should().Be($"annotation {annotation}=x");
    }

    [TestMethod]
    [DataRow("argocd.argoproj.io/instance")]
    [DataRow("app.kubernetes.io/instance")]
    [DataRow("kustomize.toolkit.fluxcd.io/name")]
    [DataRow("helm.toolkit.fluxcd.io/name")]
    [DataRow("apps.open-cluster-management.io/reconcile-option")]
    public void Each_gitops_label_marks_the_switch_as_managed(string label)
    {
        GitOpsMarkers.Find(Map((label, "dr")), null).Should().Be($"label {label}=dr");
    }

    [TestMethod]
    public void Ordinary_labels_and_annotations_and_none_at_all_are_no_marker()
    {
        GitOpsMarkers.Find(null, null).Should().BeNull();
        GitOpsMarkers.Find(Map(("app.kubernetes.io/managed-by", "acmdr")), Map(("acmdr.io/flip-history", "[]"), ("app.kubernetes.io/instance", "x"))).Should().BeNull();
    }

    [TestMethod]
    public void Prefixes_match_from_the_start_and_case_sensitively()
    {
        GitOpsMarkers.Find(Map(("x.app.kubernetes.io/instance", "a"), ("App.kubernetes.io/instance", "b")), Map(("my.argocd.argoproj.io/tracking-id", "c"))).Should().BeNull();
    }

    [TestMethod]
    public void An_annotation_is_reported_before_a_label()
    {
        GitOpsMarkers.Find(Map(("app.kubernetes.io/instance", "dr")), Map(("argocd.argoproj.io/tracking-id", "t"))).Should().Be("annotation argocd.argoproj.io/tracking-id=t");
    }

    [TestMethod]
    public void A_managed_switch_is_refused_with_exit_4_naming_the_marker_and_the_way_out()
    {
        var act = () => GitOpsMarkers.Check("acmdr/acmdr-sites", Map(("app.kubernetes.io/instance", "dr")), null, force: false);

        var refusal = act.Should().Throw<AcmDrException>().Which;
        refusal.ExitCode.Should().Be(ExitCodes.Refused);
        refusal.Message.Should().Be("refused: acmdr/acmdr-sites is managed by GitOps (label app.kubernetes.io/instance=dr) and the controller would revert a change on the hub; flip in Git instead (acmdr flip --in-git), or pass --force");
    }

    [TestMethod]
    public void Force_or_no_marker_lets_the_flip_go_on()
    {
        var forced = () => GitOpsMarkers.Check("acmdr/acmdr-sites", Map(("app.kubernetes.io/instance", "dr")), null, force: true);
        var unmanaged = () => GitOpsMarkers.Check("acmdr/acmdr-sites", Map(("app.kubernetes.io/managed-by", "acmdr")), null, force: false);

        forced.Should().NotThrow();
        unmanaged.Should().NotThrow();
    }
}
