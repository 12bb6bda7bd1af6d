using System.Text;
using AcmDr.Core.Inventory;
using AcmDr.Core.Planning;
using AcmDr.Core.Settings;

namespace AcmDr.Core.Tests.Support;

/// <summary>Inventories written as CSV text, read and planned the way every command does.</summary>
internal static class Plans
{
    public const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on\n";

    public static global::AcmDr.Core.Inventory.Inventory Read(string rows, DrSettings? settings = null) =>
        InventoryReader.Read("apps.csv", Encoding.UTF8.GetBytes(Header + rows), settings ?? DrSettings.Default);

    public static DrPlan Plan(string rows, DrSettings? settings = null) =>
        PlanBuilder.Build(Read(rows, settings), settings ?? DrSettings.Default);

    /// <summary>What checking <paramref name="csv"/> (header included) reports, one "line:column: message" per error.</summary>
    public static IReadOnlyList<string> Errors(string csv, DrSettings? settings = null, int maxErrors = InventoryErrors.DefaultLimit) =>
        [.. InventoryReader.Check("apps.csv", Encoding.UTF8.GetBytes(csv), settings ?? DrSettings.Default, maxErrors).Errors.Select(e => e.ToString())];

    /// <summary>The errors of <paramref name="rows"/> under the standard header.</summary>
    public static IReadOnlyList<string> RowErrors(string rows, DrSettings? settings = null) => Errors(Header + rows, settings);
}
