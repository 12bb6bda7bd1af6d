using AcmDr.Core.Flip;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

/// <summary>The way around a hub that does not answer a flip: the same move by break glass or in Git, with the flip's own site and scope.</summary>
[TestClass]
public sealed class HubDownHintTests
{
    private static FlipRequest Request(string? to, string[]? apps = null, int[]? tiers = null, bool clear = false, bool all = false) =>
        new(to, apps ?? [], tiers ?? [], clear, "DC1 power loss", all);

    [TestMethod]
    public void A_global_flip_names_breakglass_and_the_flip_in_git_to_the_same_site() =>
        HubDownHint.For(Request("DR"), null).Should().Be(
            "if the hub is down, move the VMs without it on each managed cluster: acmdr breakglass --kubeconfig MANAGED_KUBECONFIG --to DR, "
            + "or flip in Git: acmdr flip --in-git --to DR");

    [TestMethod]
    public void Apps_tiers_and_the_inventory_given_are_passed_on_to_both() =>
        HubDownHint.For(Request("DR", ["web", "erp"], [2]), "inv/apps.csv").Should().Be(
            "if the hub is down, move the VMs without it on each managed cluster: acmdr breakglass --kubeconfig MANAGED_KUBECONFIG --to DR -i inv/apps.csv --app web --app erp --tier 2, "
            + "or flip in Git: acmdr flip --in-git --to DR -i inv/apps.csv --app web --app erp --tier 2");

    [TestMethod]
    public void A_complete_failback_keeps_all_in_git_only() =>
        HubDownHint.For(Request("Primary", all: true), null).Should().Be(
            "if the hub is down, move the VMs without it on each managed cluster: acmdr breakglass --kubeconfig MANAGED_KUBECONFIG --to Primary, "
            + "or flip in Git: acmdr flip --in-git --to Primary --all");

    [TestMethod]
    public void Clearing_overrides_has_no_site_to_break_glass_to_so_only_git_is_named() =>
        HubDownHint.For(Request(null, ["web"], clear: true), null).Should().Be(
            "if the hub is down, flip in Git: acmdr flip --in-git --clear --app web");
}
