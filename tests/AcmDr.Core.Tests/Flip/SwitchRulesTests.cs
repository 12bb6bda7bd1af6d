using System.Text;
using AcmDr.Core.Flip;
using AcmDr.Core.Inventory;
using AcmDr.Core.Manifests;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;

namespace AcmDr.Core.Tests.Flip;

[TestClass]
public sealed class SwitchRulesTests
{
    private const string Inventory = "app,tier,namespace,vm,cluster,rto_minutes,depends_on\n"
        + "db,1,finance,db-0,stretch-1,15,\n"
        + "web,2,web,web-0,stretch-1,30,db\n";

    private static readonly DrPlan Plan = PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Inventory), DrSettings.Default), DrSettings.Default);

    private static SwitchRecord Record(params (string Key, string Value)[] data) =>
        new("acmdr", data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal), DrSettings.Default);

    private static (SwitchState State, List<string> Dropped) Apply(SwitchRecord? record)
    {
        var dropped = new List<string>();
        return (SwitchRules.Apply("sw.yaml", record, Plan, dropped.Add), dropped);
    }

    [TestMethod]
    public void No_switch_file_means_every_vm_at_home()
    {
        var (state, dropped) = Apply(null);

        state.Site.Should().Be("Primary");
        state.Overrides.Should().BeEmpty();
        dropped.Should().BeEmpty();
    }

    [TestMethod]
    public void The_committed_site_and_overrides_for_tiers_and_apps_of_the_plan_are_kept()
    {
        var (state, dropped) = Apply(Record(("site", "DR"), ("sites", "Primary,DR"), ("tier-2", "Primary"), ("app-db", "Primary")));

        state.Site.Should().Be("DR");
        state.Overrides.Should().Equal(new Dictionary<string, string> { ["tier-2"] = "Primary", ["app-db"] = "Primary" });
        dropped.Should().BeEmpty();
    }

    [TestMethod]
    public void Overrides_of_tiers_and_apps_no_longer_in_the_plan_are_dropped_and_reported()
    {
        var (state, dropped) = Apply(Record(("site", "Primary"), ("tier-7", "DR"), ("app-gone", "DR"), ("app-web", "DR")));

        state.Overrides.Should().Equal(new Dictionary<string, string> { ["app-web"] = "DR" });
        dropped.Should().Equal(
            "sw.yaml: dropping override 'tier-7: DR': no such tier in the inventory",
            "sw.yaml: dropping override 'app-gone: DR': no such app in the inventory");
    }

    [TestMethod]
    public void A_site_the_plan_does_not_know_is_invalid_input_naming_the_file_and_key()
    {
        var act = () => Apply(Record(("site", "East")));

        var error = act.Should().Throw<AcmDrException>().Which;
        error.ExitCode.Should().Be(ExitCodes.InvalidInput);
        error.Message.Should().Be("sw.yaml: switch value 'site: East' is not one of the sites Primary, DR");
    }

    [TestMethod]
    public void An_override_to_a_site_the_plan_does_not_know_is_invalid_input()
    {
        var act = () => Apply(Record(("site", "Primary"), ("tier-1", "East")));

        act.Should().Throw<AcmDrException>().WithMessage("sw.yaml: switch value 'tier-1: East' is not one of the sites Primary, DR");
    }

    [TestMethod]
    public void A_dropped_override_is_not_checked_against_the_sites()
    {
        var (state, dropped) = Apply(Record(("site", "Primary"), ("tier-9", "East")));

        state.Overrides.Should().BeEmpty();
        dropped.Should().ContainSingle();
    }

    [TestMethod]
    public void The_committed_mode_is_kept_and_a_switch_without_one_gets_planned()
    {
        Apply(Record(("site", "DR"), ("mode", "unplanned"))).State.Mode.Should().Be("unplanned");
        Apply(Record(("site", "DR"))).State.Mode.Should().Be("planned");
        Apply(null).State.Mode.Should().Be("planned");
    }

    [TestMethod]
    [DataRow("Planned")]
    [DataRow("failover")]
    [DataRow("")]
    public void A_committed_mode_that_is_not_planned_or_unplanned_is_refused(string mode)
    {
        var refusal = FluentActions.Invoking(() => Apply(Record(("site", "DR"), ("mode", mode)))).Should().Throw<AcmDrException>().Which;

        refusal.ExitCode.Should().Be(ExitCodes.InvalidInput);
        refusal.Message.Should().Be($"sw.yaml: switch value 'mode: {mode}' is not planned or unplanned");
    }
}
