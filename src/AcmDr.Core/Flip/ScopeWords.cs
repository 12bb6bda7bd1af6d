using System.Globalization;

namespace AcmDr.Core.Flip;

/// <summary>The words of a suggested command that repeat the user's scope: <c>-i</c> (when given), then each <c>--app</c> and <c>--tier</c>.</summary>
public static class ScopeWords
{
    public static IReadOnlyList<string> Of(string? inventoryArgument, IEnumerable<string> apps, IEnumerable<int> tiers)
    {
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(tiers);
        var words = new List<string>();
        if (inventoryArgument is not null)
        {
            words.AddRange(["-i", inventoryArgument]);
        }

        foreach (var app in apps)
        {
            words.AddRange(["--app", app]);
        }

        foreach (var tier in tiers)
        {
            words.AddRange(["--tier", tier.ToString(CultureInfo.InvariantCulture)]);
        }

        return words;
    }
}
