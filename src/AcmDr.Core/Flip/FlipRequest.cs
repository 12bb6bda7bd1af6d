using AcmDr.Core.Manifests;

namespace AcmDr.Core.Flip;

/// <summary>
/// What the user asked to change on the switch: the global site (no scope), or overrides for some
/// apps and tiers; with <see cref="Clear"/>, remove those overrides so they follow the global site;
/// with <see cref="All"/>, set the global site and remove every override in the same write (a complete failback).
/// Every flip also sets <see cref="Mode"/>: how Ramen moves the dual apps it sends elsewhere (<see cref="Unplanned"/>: Failover).
/// </summary>
public sealed record FlipRequest(string? To, IReadOnlyList<string> Apps, IReadOnlyList<int> Tiers, bool Clear, string? Reason, bool All = false, bool Unplanned = false)
{
    /// <summary>
    /// The longest reason recorded. Every entry of the audit trail carries it, and a real API server
    /// limits all annotations of an object together to 256 KB.
    /// </summary>
    public const int MaxReasonLength = 1024;

    public bool IsScoped => Apps.Count > 0 || Tiers.Count > 0;

    /// <summary>The switch's <c>mode</c> this flip writes, in the same write as the site, so no earlier flip's mode outlives it.</summary>
    public string Mode => Unplanned ? SwitchManifest.UnplannedMode : SwitchManifest.PlannedMode;

    /// <summary>Whether <paramref name="app"/> is in the flip's scope: every app for a global flip, else the apps and tiers named.</summary>
    public bool Covers(SwitchedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return !IsScoped || Apps.Contains(app.Name, StringComparer.Ordinal) || Tiers.Contains(app.Tier);
    }

    /// <summary>Why <see cref="All"/> cannot be done as asked, or null: it takes --to and no --app, --tier or --clear.</summary>
    public string? AllProblem()
    {
        if (!All)
        {
            return null;
        }

        if (IsScoped)
        {
            return "--all moves every app and takes no --app or --tier";
        }

        if (Clear)
        {
            return "--all takes --to SITE, not --clear: it sets the site and clears every override";
        }

        return To is null ? "--all needs --to SITE: it sets the site and clears every override" : null;
    }

    /// <summary>Why the reason cannot be recorded, or null. Control characters are refused: the reason is shown in terminals and commit messages.</summary>
    public string? ReasonProblem()
    {
        if (Reason is null)
        {
            return null;
        }

        if (Reason.Length > MaxReasonLength)
        {
            return $"--reason is {Reason.Length} characters long; at most {MaxReasonLength} are recorded";
        }

        foreach (var c in Reason.Where(char.IsControl))
        {
            return $"--reason holds a control character (U+{(int)c:X4}); write it on one line, without escapes";
        }

        return null;
    }
}

/// <summary>One key of the switch before and after; null means absent.</summary>
public sealed record ScopeChange(string Key, string? Before, string? After)
{
    public bool Changes => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>An app whose effective site changes.</summary>
public sealed record AppMove(string App, int Tier, int VmCount, string From, string To);

/// <summary>An app as far as the switch is concerned: its name, tier and number of VMs; <see cref="Dual"/> set for a dual-cluster app.</summary>
public sealed record SwitchedApp(string Name, int Tier, int VmCount, DualPair? Dual = null);

/// <summary>
/// A dual-cluster app's two clusters, as far as a flip knows them: from the inventory, or null when only the hub's
/// policies were listed (they say that an app is dual, not its clusters).
/// </summary>
public sealed record DualPair(string? Home, string? Peer)
{
    /// <summary>The cluster the app runs on at <paramref name="site"/> (see <see cref="Planning.DualPlan.ClusterAt"/>), or how it is called when unknown.</summary>
    public string ClusterAt(string site, string? homeSite) =>
        site == homeSite ? Home ?? "its home cluster" : Peer ?? "its peer cluster";
}
