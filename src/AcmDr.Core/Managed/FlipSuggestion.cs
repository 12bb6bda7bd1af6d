using AcmDr.Core.Flip;

namespace AcmDr.Core.Managed;

/// <summary>
/// The hub flip that makes the hub agree with a break glass: once the hub is back, its enforce
/// policies set their own site again, so the hub's switch must say what was done by hand.
/// </summary>
public static class FlipSuggestion
{
    /// <summary>The flip of exactly <paramref name="apps"/> and <paramref name="tiers"/> (none: global); <see cref="HubFlipHint"/> decides which scope matches what was done.</summary>
    public static string Command(string site, string? inventoryArgument, IReadOnlyList<string> apps, IReadOnlyList<int> tiers)
    {
        List<string> parts = ["acmdr", "flip", "--to", site, .. ScopeWords.Of(inventoryArgument, apps, tiers)];
        parts.AddRange(["--kubeconfig", "HUB_KUBECONFIG"]);
        return string.Join(' ', parts);
    }
}
