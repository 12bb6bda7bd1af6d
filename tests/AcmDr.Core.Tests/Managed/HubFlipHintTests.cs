using AcmDr.Core.Managed;
using AcmDr.Core.Planning;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Managed;

/// <summary>The hub flip printed after a break glass on one cluster names only what was done there.</summary>
[TestClass]
public sealed class HubFlipHintTests
{
    // Planned afresh for each test: db spans both clusters, web and mon share tier 2 across them, erp is tier 3 on s1 only.
    private static DrPlan Shared => Plans.Plan(
        "db,1,finance,db-0,s1,,\ndb,1,finance,db-9,s2,,\nweb,2,web,web-0,s1,,\nmon,2,ops,mon-0,s2,,\nerp,3,erp,erp-0,s1,,\n");

    private static HubFlipHint.Hint Hint(DrPlan plan, string cluster, IReadOnlyList<string> apps, IReadOnlyList<int> tiers) =>
        HubFlipHint.For(plan, cluster, "DR", null, apps, tiers, ManagedScope.Select(plan, cluster, apps, tiers));

    [TestMethod]
    public void A_whole_single_cluster_inventory_gets_the_global_flip()
    {
        var hint = Hint(Plans.Plan("db,1,a,db-0,s1,,\nweb,2,b,web-0,s1,,\n"), "s1", [], []);

        hint.Command.Should().Be("acmdr flip --to DR --kubeconfig HUB_KUBECONFIG");
        hint.Warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void The_users_apps_and_tiers_are_kept_when_they_lie_wholly_on_this_cluster()
    {
        var hint = Hint(Shared, "s1", ["web"], [3]);

        hint.Command.Should().Be("acmdr flip --to DR --app web --tier 3 --kubeconfig HUB_KUBECONFIG");
        hint.Warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void A_whole_tier_is_named_by_tier_an_app_of_a_shared_tier_by_app_and_an_app_on_other_clusters_is_only_warned_about()
    {
        var hint = Hint(Shared, "s1", [], []);

        hint.Command.Should().Be("acmdr flip --to DR --app web --tier 3 --kubeconfig HUB_KUBECONFIG");
        hint.Warnings.Should().Equal(
            "app db also has VMs on s2, and the hub's switch is per app and tier: 'acmdr flip --to DR --app db --kubeconfig HUB_KUBECONFIG' would move those too; run it only once they should move as well");
    }

    [TestMethod]
    public void A_tier_shared_with_another_cluster_is_not_flipped_as_a_tier()
    {
        var hint = Hint(Shared, "s2", [], [2]);

        hint.Command.Should().Be("acmdr flip --to DR --app mon --kubeconfig HUB_KUBECONFIG");
        hint.Warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void Only_an_app_shared_with_other_clusters_gives_no_flip_but_the_warning()
    {
        var hint = Hint(Shared, "s1", ["db"], []);

        hint.Command.Should().BeNull();
        hint.Warnings.Should().ContainSingle().Which.Should().StartWith("app db also has VMs on s2");
    }

    [TestMethod]
    public void The_inventory_argument_is_passed_on() =>
        HubFlipHint.For(Shared, "s1", "DR", "inv/apps.csv", ["web"], [], ManagedScope.Select(Shared, "s1", ["web"], [])).Command
            .Should().Be("acmdr flip --to DR -i inv/apps.csv --app web --kubeconfig HUB_KUBECONFIG");
}
