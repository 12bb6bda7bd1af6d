using AcmDr.Core.Manifests;
using AcmDr.Core.Settings;
using AcmDr.Core.Tests.Support;
using FluentAssertions;

namespace AcmDr.Core.Tests.Manifests;

/// <summary>The switch ConfigMap: its site values, the settings it records and the keys it may hold.</summary>
[TestClass]
public sealed class SwitchManifestTests
{
    [TestMethod]
    public void A_new_switch_points_everything_home_and_records_the_settings() =>
        Flow.Of(SwitchManifest.Build(DrSettings.Default, SwitchState.Home(DrSettings.Default))).Should().Be(
            "{apiVersion: v1, kind: ConfigMap, metadata: {name: acmdr-sites, namespace: acmdr, labels: {app.kubernetes.io/managed-by: acmdr}}, "
            + "data: {clusterSet: default, home: Primary, mode: planned, moveRunning: migrate, site: Primary, siteLabel: topology.kubernetes.io/site, sites: Primary,DR}}");

    [TestMethod]
    public void Regenerating_keeps_the_site_and_the_overrides_of_the_committed_switch()
    {
        var state = new SwitchState("DR", new Dictionary<string, string> { ["tier-2"] = "Primary", ["app-web"] = "DR" });

        Flow.Of(SwitchManifest.Build(DrSettings.Default, state)["data"]!).Should().Be(
            "{app-web: DR, clusterSet: default, home: Primary, mode: planned, moveRunning: migrate, site: DR, siteLabel: topology.kubernetes.io/site, sites: Primary,DR, tier-2: Primary}");
    }

    [TestMethod]
    public void The_settings_recorded_in_a_switch_read_back_as_the_settings_it_was_built_with()
    {
        var settings = new DrSettings("dr", "example.com/zone", ["A", "B", "C"], "set-1");
        var data = ((Mapping)SwitchManifest.Build(settings, SwitchState.Home(settings))["data"]!).Entries
            .ToDictionary(e => e.Key, e => ((Scalar)e.Value).Value);

        SwitchManifest.RecordedSettings("dr", data).Should().BeEquivalentTo(settings);
    }

    [TestMethod]
    public void A_switch_records_moveRunning_and_one_without_it_or_with_another_word_moves_nothing()
    {
        var settings = DrSettings.Default with { MoveRunning = MoveRunning.None };
        var data = ((Mapping)SwitchManifest.Build(settings, SwitchState.Home(settings))["data"]!).Entries
            .ToDictionary(e => e.Key, e => ((Scalar)e.Value).Value);

        data["moveRunning"].Should().Be("none");
        SwitchManifest.RecordedSettings("acmdr", data).MoveRunning.Should().Be(MoveRunning.None);
        data["moveRunning"] = "migrate";
        SwitchManifest.RecordedSettings("acmdr", data).MoveRunning.Should().Be(MoveRunning.Migrate);
        data["moveRunning"] = "Migrate";
        SwitchManifest.RecordedSettings("acmdr", data).MoveRunning.Should().Be(MoveRunning.None, "the templates compare the exact word");
        data.Remove("moveRunning");
        SwitchManifest.RecordedSettings("acmdr", data).MoveRunning.Should().Be(MoveRunning.None, "a switch older than the move templates moves nothing");
        SwitchManifest.IsKnownKey("moveRunning").Should().BeTrue();
        SwitchManifest.IsOverrideKey("moveRunning").Should().BeFalse();
    }

    [TestMethod]
    [DataRow("tier-1")]
    [DataRow("tier-9")]
    [DataRow("tier-10")]
    [DataRow("tier-99")]
    [DataRow("app-web")]
    [DataRow("app-a")]
    [DataRow("app-web-2")]
    public void Tier_1_to_99_and_app_names_are_override_keys(string key)
    {
        SwitchManifest.IsOverrideKey(key).Should().BeTrue();
        SwitchManifest.IsKnownKey(key).Should().BeTrue();
    }

    [TestMethod]
    [DataRow("tier-0")]
    [DataRow("tier-01")]
    [DataRow("tier-100")]
    [DataRow("tier-")]
    [DataRow("app-")]
    [DataRow("app-Web")]
    [DataRow("app-web-")]
    [DataRow("xtier-1")]
    [DataRow("tier-1x")]
    [DataRow("site")]
    public void Anything_else_is_no_override_key(string key) =>
        SwitchManifest.IsOverrideKey(key).Should().BeFalse();

    [TestMethod]
    public void The_site_and_the_settings_keys_are_known_and_a_typo_is_not()
    {
        foreach (var key in new[] { "site", "sites", "home", "siteLabel", "clusterSet" })
        {
            SwitchManifest.IsKnownKey(key).Should().BeTrue(key);
        }

        SwitchManifest.IsKnownKey("Site").Should().BeFalse();
        SwitchManifest.IsKnownKey("tier1").Should().BeFalse();
        SwitchManifest.SettingsKeys.Should().Equal("sites", "home", "siteLabel", "clusterSet");
    }

    [TestMethod]
    public void The_mode_is_an_optional_key_written_from_the_state_and_only_planned_or_unplanned_are_modes()
    {
        var state = new SwitchState("DR", new Dictionary<string, string>(), SwitchManifest.UnplannedMode);

        Flow.Of(SwitchManifest.Build(DrSettings.Default, state)["data"]!).Should().Contain("mode: unplanned");
        SwitchManifest.IsKnownKey("mode").Should().BeTrue();
        SwitchManifest.IsOptionalSettingsKey("mode").Should().BeTrue();
        SwitchManifest.IsOverrideKey("mode").Should().BeFalse();
        SwitchManifest.KeysDescription.Split(", ").Should().Contain("mode");
        SwitchManifest.IsMode("planned").Should().BeTrue();
        SwitchManifest.IsMode("unplanned").Should().BeTrue();
        SwitchManifest.IsMode("Planned").Should().BeFalse("the templates compare the exact word");
        SwitchManifest.IsMode(string.Empty).Should().BeFalse();
        SwitchManifest.IsMode(null).Should().BeFalse();
    }
}
