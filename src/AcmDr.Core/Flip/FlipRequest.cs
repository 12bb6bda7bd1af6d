namespace AcmDr.Core.Flip;

/// <summary>
/// What the user asked to change on the switch: the global site (no scope), or overrides for some
/// apps and tiers; with <see cref="Clear"/>, remove those overrides so they follow the global site;
/// with <see cref="All"/>, set the global site and remove every override in the same write (a complete failback).
/// </summary>
public sealed record FlipRequest(string? To, IReadOnlyList<string> Apps, IReadOnlyList<int> Tiers, bool Clear, string? Reason, bool All = false)
{
    /// <summary>
    /// The longest reason recorded. Every entry of the audit trail carries it, and a real API server
    /// limits all annotations of an object together to 256 KB.
    /// </summary>
    public const int MaxReasonLength = 1024;

    public bool IsScoped => Apps.Count > 0 || Tiers.Count > 0;

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

/// <summary>An app as far as the switch is concerned: its name, tier and number of VMs.</summary>
public sealed record SwitchedApp(string Name, int Tier, int VmCount);
