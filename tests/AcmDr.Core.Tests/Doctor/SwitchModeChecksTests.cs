using System.Text;
using AcmDr.Core.Doctor;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;
using FluentAssertions;
using static AcmDr.Core.Tests.Doctor.HubReadings;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>Doctor on the switch's mode: the dual apps' templates act only on planned or unplanned.</summary>
[TestClass]
public sealed class SwitchModeChecksTests
{
    private const string Fix = "acmdr flip --to SITE (every flip writes mode; --unplanned for a failover)";

    private static DrPlan DualPlan()
    {
        var settings = DrSettings.Default with { DualOrNull = DualSettings.Default with { DrPolicies = [new DrPolicyPair("east-west", "east", "west")] } };
        var csv = "app,tier,namespace,vm,cluster,rto_minutes,depends_on,peer\n"
            + "db,1,finance,db-0,stretch-1,15,,\n"
            + "db,1,finance,db-1,stretch-1,15,,\n"
            + "web,2,web,web-0,stretch-1,30,db,\n"
            + "erp,3,erp,erp-0,east,,,west\n";
        return PlanBuilder.Build(InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(csv), settings), settings);
    }

    private static Dictionary<string, string> Switch(params (string Key, string Value)[] data)
    {
        var map = new Dictionary<string, string>(Healthy().Switch!, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            map[key] = value;
        }

        return map;
    }

    [TestMethod]
    public void A_mode_that_is_not_planned_or_unplanned_fails_and_says_no_DRPC_is_changed() =>
        Lines(Healthy() with { Switch = Switch(("mode", "Planned")) }).Should().Contain(
            $"fail switch ConfigMap acmdr/acmdr-sites says mode 'Planned', not planned or unplanned: no dual app's DRPlacementControl is changed (they fail closed); fix: {Fix}");

    [TestMethod]
    public void A_missing_mode_fails_only_when_the_plan_has_dual_apps()
    {
        Lines(Healthy()).Should().NotContain(l => l.Contains("mode", StringComparison.Ordinal));
        HubChecks.Check(DualPlan(), Healthy()).Select(f => f.Line).Should().Contain(
            $"fail switch ConfigMap acmdr/acmdr-sites has no mode: no dual app's DRPlacementControl is changed (they fail closed); fix: {Fix}");
        HubChecks.Check(DualPlan(), Healthy() with { Switch = Switch(("mode", "unplanned")) }).Select(f => f.Line)
            .Should().NotContain(l => l.Contains("mode", StringComparison.Ordinal));
    }
}
