using AcmDr.Core.Compliance;
using AcmDr.Core.Reporting;
using FluentAssertions;
using static AcmDr.Core.Tests.Compliance.Observations;
using static AcmDr.Core.Tests.Reporting.Hub;

namespace AcmDr.Core.Tests.Reporting;

[TestClass]
public sealed class TargetSitesTests
{
    [TestMethod]
    public void The_site_given_with_to_wins_over_the_switch_and_the_flips() =>
        TargetSites.Global(Scope(to: "DR"), Switch(("site", "Primary")), Flips((5, "Primary"))).Should().Be("DR");

    [TestMethod]
    public void Without_to_the_switch_names_the_target_even_when_the_newest_flip_went_elsewhere() =>
        TargetSites.Global(Scope(to: null), Switch(("site", "DR")), Flips((5, "Primary"))).Should().Be("DR");

    [TestMethod]
    public void Without_to_or_a_switch_the_newest_flip_names_the_target() =>
        TargetSites.Global(Scope(to: null), null, Flips((5, "DR"), (-60, "Primary"))).Should().Be("DR");

    [TestMethod]
    public void A_switch_without_a_site_key_leaves_the_target_to_the_newest_flip() =>
        TargetSites.Global(Scope(to: null), Switch(("tier-1", "Primary")), Flips((5, "DR"))).Should().Be("DR");

    [TestMethod]
    public void No_to_no_switch_site_and_no_flip_is_an_invalid_input_that_asks_for_to()
    {
        var act = () => TargetSites.Global(Scope(to: null), null, []);

        act.Should().Throw<AcmDrException>()
            .Where(e => e.ExitCode == ExitCodes.InvalidInput && e.Message.StartsWith("no target site: give --to SITE", StringComparison.Ordinal));
    }

    [TestMethod]
    public void An_empty_switch_site_is_no_target_at_all()
    {
        var act = () => TargetSites.Global(Scope(to: null), Switch(("site", string.Empty)), []);

        act.Should().Throw<AcmDrException>().Where(e => e.Message.StartsWith("no target site", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_target_that_is_not_one_of_the_sites_is_refused_naming_the_sites()
    {
        var act = () => TargetSites.Global(Scope(to: "Mars"), null, []);

        act.Should().Throw<AcmDrException>()
            .Where(e => e.ExitCode == ExitCodes.InvalidInput && e.Message == "unknown site 'Mars': the sites are Primary, DR");
    }

    [TestMethod]
    public void A_vm_runs_where_its_app_override_says_before_its_tier_override_and_the_global_site()
    {
        var overrides = Map(("app-db", "Primary"), ("tier-1", "DR"), ("tier-2", "Primary"));

        TargetSites.Of(Db0, "DR", overrides).Should().Be("Primary", "the app override comes first");
        TargetSites.Of(Web0, "DR", overrides).Should().Be("Primary", "web has no app override, its tier 2 has one");
        TargetSites.Of(Web0, "DR", Map(("app-db", "Primary"))).Should().Be("DR", "nothing overrides web");
        TargetSites.Of(Web0, "DR", null).Should().Be("DR");
    }

    [TestMethod]
    public void An_empty_override_falls_through_to_the_next_one()
    {
        TargetSites.Of(Db0, "DR", Map(("app-db", string.Empty), ("tier-1", "Primary"))).Should().Be("Primary");
        TargetSites.Of(Db0, "Primary", Map(("app-db", string.Empty), ("tier-1", string.Empty))).Should().Be("Primary");
    }

    [TestMethod]
    public void The_observation_asks_the_same_rule_for_each_vm() =>
        new ComplianceObservation([Db0], "DR", null, [], [], Now, Map(("tier-1", "Primary"))).TargetOf(Db0).Should().Be("Primary");

    [TestMethod]
    public void The_switch_overrides_apply_only_without_to()
    {
        var sw = Switch(("site", "DR"), ("tier-1", "Primary"), ("app-web", "Primary"));
        var warnings = new List<string>();

        TargetSites.Overrides(Scope(to: null), sw, warnings).Should().BeEquivalentTo(Map(("tier-1", "Primary"), ("app-web", "Primary")));
        TargetSites.Overrides(Scope(to: "DR"), sw, warnings).Should().BeNull("--to names the target of every VM");
        TargetSites.Overrides(Scope(to: null), null, warnings).Should().BeNull();
        warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void Only_tier_and_app_keys_with_a_value_are_overrides()
    {
        var warnings = new List<string>();

        TargetSites.Overrides(Scope(to: null), Switch(("site", "DR"), ("other", "Mars"), ("tier-2", string.Empty)), warnings)
            .Should().BeNull();
        warnings.Should().BeEmpty("an empty override is no override, not an unknown site");
    }

    [TestMethod]
    public void An_override_naming_an_unknown_site_is_left_out_with_a_warning()
    {
        var warnings = new List<string>();

        var overrides = TargetSites.Overrides(Scope(to: null), Switch(("tier-1", "Mars"), ("app-web", "Primary")), warnings);

        overrides.Should().BeEquivalentTo(Map(("app-web", "Primary")));
        warnings.Should().Equal("the switch's tier-1 names unknown site 'Mars' (the hub does not enforce it); its VMs are measured against the global site");
    }

    [TestMethod]
    public void The_clock_starts_at_flip_at_else_the_newest_flip_to_the_target_else_the_newest_flip()
    {
        var flips = Flips((20, "Primary"), (5, "DR"), (-60, "DR"));

        TargetSites.FlipAt(Scope(flipAt: At(1)), flips, "DR").Should().Be(At(1));
        TargetSites.FlipAt(Scope(), flips, "DR").Should().Be(At(5));
        TargetSites.FlipAt(Scope(), Flips((20, "Primary"), (3, "Primary")), "DR").Should().Be(At(20));
        TargetSites.FlipAt(Scope(), [], "DR").Should().BeNull();
    }

    [TestMethod]
    public void Without_to_or_a_switch_each_app_is_measured_against_its_resolved_site_and_the_most_common_is_global()
    {
        var warnings = new List<string>();
        HubPolicy[] policies =
        [
            Root("db", 1, "finance/db-0") with { ResolvedSite = "{{hub $s hub}}" },
            Replica(Root("db", 1, "finance/db-0"), null, null) with { ResolvedSite = "DR" },
            Replica(Root("mq", 1, "data/mq-0"), null, null) with { ResolvedSite = "DR" },
            Replica(Root("web", 2, "web/web-0"), null, null) with { ResolvedSite = "Primary" },
            Replica(Root("api", 2, "web/api-0"), null, null) with { ResolvedSite = "Mars" },
        ];

        var resolved = TargetSites.Resolved(Scope(to: null), new HubSnapshot(policies, null), warnings);

        resolved.Should().Equal(new Dictionary<string, string> { ["app-db"] = "DR", ["app-mq"] = "DR", ["app-web"] = "Primary" });
        TargetSites.Global(Scope(to: null), null, [], resolved).Should().Be("DR");
        warnings.Should().BeEmpty();
    }

    [TestMethod]
    public void Replicated_policies_of_one_app_that_disagree_keep_the_first_and_say_so()
    {
        var warnings = new List<string>();
        var db = Root("db", 1, "finance/db-0");

        var resolved = TargetSites.Resolved(Scope(to: null),
            new HubSnapshot([Replica(db, null, null) with { ResolvedSite = "DR" }, Replica(db, null, null, cluster: "stretch-2") with { ResolvedSite = "Primary" }], null), warnings);

        resolved.Should().Equal(new Dictionary<string, string> { ["app-db"] = "DR" });
        warnings.Should().Equal("app db's replicated policies were resolved to DR and Primary (a change still propagating); its VMs are measured against DR");
    }

    [TestMethod]
    public void With_to_or_a_switch_the_resolved_sites_are_not_used()
    {
        HubPolicy[] policies = [Replica(Root("db", 1, "finance/db-0"), null, null) with { ResolvedSite = "DR" }];

        TargetSites.Resolved(Scope(to: "Primary"), new HubSnapshot(policies, null), []).Should().BeNull();
        TargetSites.Resolved(Scope(to: null), new HubSnapshot(policies, Switch(("site", "Primary"))), []).Should().BeNull();
        TargetSites.Resolved(Scope(to: null), new HubSnapshot([Root("db", 1, "finance/db-0")], null), []).Should().BeNull("no policy carries a resolved site");
    }
}
