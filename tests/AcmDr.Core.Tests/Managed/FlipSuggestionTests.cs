using AcmDr.Core.Managed;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>The hub flip command a break glass tells the user to run once the hub is back (its scope is decided by HubFlipHint).</summary>
[TestClass]
public sealed class FlipSuggestionTests
{
    [TestMethod]
    public void No_apps_or_tiers_make_a_global_flip() =>
        FlipSuggestion.Command("DR", null, [], [])
            .Should().Be("acmdr flip --to DR --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void The_inventory_argument_is_passed_on() =>
        FlipSuggestion.Command("DR", "inv/apps.csv", [], [])
            .Should().Be("acmdr flip --to DR -i inv/apps.csv --kubeconfig HUB_KUBECONFIG");

    [TestMethod]
    public void The_apps_and_tiers_given_are_the_scope_of_the_flip_in_their_order() =>
        FlipSuggestion.Command("Primary", null, ["web", "db"], [2, 1])
            .Should().Be("acmdr flip --to Primary --app web --app db --tier 2 --tier 1 --kubeconfig HUB_KUBECONFIG");
}
