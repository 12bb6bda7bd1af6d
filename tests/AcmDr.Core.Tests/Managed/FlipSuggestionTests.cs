using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>The hub flip a break glass tells the user to run once the hub is back.</summary>
[TestClass]
public sealed class FlipSuggestionTests
{
    private static readonly IReadOnlyList<ScopedVm> Scope =
    [
        new(new VmRef("shop", "db-0"), "db", 1),
        new(new VmRef("shop", "db-1"), "db", 1),
        new(new VmRef("shop", "web-0"), "web", 2),
    ];

    [TestMethod]
    public void A_break_glass_of_a_whole_single_cluster_inventory_suggests_a_global_flip() =>
        FlipSuggestion.Command("DR", null, [], [], Scope, inventoryHasOtherClusters: false)
            .Should().Be("acmdr flip --to DR --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void The_inventory_argument_is_passed_on() =>
        FlipSuggestion.Command("DR", "inv/apps.csv", [], [], Scope, false)
            .Should().Be("acmdr flip --to DR -i inv/apps.csv --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void The_apps_and_tiers_of_the_break_glass_are_the_scope_of_the_flip() =>
        FlipSuggestion.Command("Primary", null, ["web", "db"], [2, 1], Scope, true)
            .Should().Be("acmdr flip --to Primary --app web --app db --tier 2 --tier 1 --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void Without_a_scope_on_a_shared_inventory_the_apps_of_this_cluster_are_named_so_other_clusters_stay() =>
        FlipSuggestion.Command("DR", null, [], [], Scope, inventoryHasOtherClusters: true)
            .Should().Be("acmdr flip --to DR --app db --app web --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void A_tier_scope_on_a_shared_inventory_stays_a_tier_scope() =>
        FlipSuggestion.Command("DR", null, [], [1], Scope, true)
            .Should().Be("acmdr flip --to DR --tier 1 --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void Null_arguments_are_refused()
    {
        FluentActions.Invoking(() => FlipSuggestion.Command("DR", null, null!, [], Scope, false)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FlipSuggestion.Command("DR", null, [], null!, Scope, false)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => FlipSuggestion.Command("DR", null, [], [], null!, false)).Should().Throw<ArgumentNullException>();
    }
}
