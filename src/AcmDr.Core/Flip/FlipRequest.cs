namespace AcmDr.Core.Flip;

/// <summary>
/// What the user asked to change on the switch: the global site (no scope), or overrides for some
/// apps and tiers; with <see cref="Clear"/>, remove those overrides so they follow the global site.
/// </summary>
public sealed record FlipRequest(string? To, IReadOnlyList<string> Apps, IReadOnlyList<int> Tiers, bool Clear, string? Reason)
{
    public bool IsScoped => Apps.Count > 0 || Tiers.Count > 0;
}

/// <summary>One key of the switch before and after; null means absent.</summary>
public sealed record ScopeChange(string Key, string? Before, string? After)
{
    public bool Changes => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>An app whose effective site changes.</summary>
public sealed record AppMove(string App, int Tier, int VmCount, string From, string To);

/// <summary>An app as far as the switch is concerned: its name, tier and number of VMs.</summary>
public sealed record SwitchedApp(string Name, int Tier, int VmCount);
