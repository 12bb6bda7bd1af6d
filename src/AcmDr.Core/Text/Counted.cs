using System.Globalization;

namespace AcmDr.Core.Text;

/// <summary>A count with its noun as a reader expects it: "1 VM", "2 VMs", "1 policy", "3 policies".</summary>
public static class Counted
{
    /// <param name="count">How many.</param>
    /// <param name="one">The noun for one.</param>
    /// <param name="many">The noun for any other count (default: <paramref name="one"/> + "s").</param>
    public static string Of(long count, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many ?? one + "s")}");
}
