using AcmDr.Core.Compliance;
using AcmDr.Core.Doctor;
using AcmDr.Core.Planning;
using AcmDr.Core.Reporting;
using AcmDr.Core.Tests.Support;

namespace AcmDr.Core.Tests.Doctor;

/// <summary>A plan of two apps on stretch-1 and what a healthy hub holds for it, for tests to spoil one thing at a time.</summary>
internal static class HubReadings
{
    public static readonly DrPlan Plan = Plans.Plan(
        "db,1,finance,db-0,stretch-1,15,\n" +
        "db,1,finance,db-1,stretch-1,15,\n" +
        "web,2,web,web-0,stretch-1,30,db\n");

    public static HubPolicy Policy(string name, ComplianceState? compliance = ComplianceState.Compliant, string cluster = "stretch-1", string ns = "acmdr") =>
        new(name, ns, new Dictionary<string, string>(), new Dictionary<string, string>(), compliance ?? ComplianceState.Unknown,
            compliance is { } state ? [(cluster, state)] : [], []);

    public static HubReading Healthy() => new(
        "acmdr",
        true,
        new Dictionary<string, string> { ["site"] = "Primary", ["sites"] = "Primary,DR", ["moveRunning"] = "migrate" },
        [Policy("dr-db"), Policy("dr-web")],
        [new PlacementReading("acmdr-stretch-1", ["stretch-1"])],
        new ClusterSetBindingReading("default", true, "ClusterSetBound"));

    public static IReadOnlyList<string> Lines(HubReading hub) => [.. HubChecks.Check(Plan, hub).Select(f => f.Line)];
}
