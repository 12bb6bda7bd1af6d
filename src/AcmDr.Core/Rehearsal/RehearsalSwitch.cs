using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;
using AcmDr.Core.Manifests;

namespace AcmDr.Core.Rehearsal;

/// <summary>
/// The switch across a rehearsal: the way out is a flip; the way back restores exactly the keys that flip
/// changed, to exactly what they held before (overrides and the dual apps' mode included, an absent key removed again), and only
/// while they still hold what the rehearsal wrote: a key someone else changed meanwhile is theirs, and the
/// way back is refused rather than overwriting it.
/// </summary>
public static class RehearsalSwitch
{
    /// <summary>What the audit trail records as the reason of each leg's flip.</summary>
    public static string Reason(string id, string reason, bool back) =>
        $"rehearsal {id}{(back ? " back" : string.Empty)}: {reason}";

    /// <summary>
    /// The flip back from <paramref name="data"/> (the switch as read now) after the rehearsal's flip made
    /// <paramref name="made"/>. Refused (exit 4) when a key no longer holds what the rehearsal wrote.
    /// </summary>
    public static FlipDecision Back(IReadOnlyDictionary<string, string> data, IReadOnlyList<string> fallbackSites, IReadOnlyList<ScopeChange> made)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(made);
        var before = new Dictionary<string, string>(data, StringComparer.Ordinal);
        var changes = new List<ScopeChange>();
        foreach (var change in made.Where(c => c.Changes))
        {
            var now = before.GetValueOrDefault(change.Key);
            if (!string.Equals(now, change.After, StringComparison.Ordinal))
            {
                throw new AcmDrException(ExitCodes.Refused,
                    $"not flipped back: {change.Key} is {Show(now)} on the switch, not {Show(change.After)} as the rehearsal left it: someone changed it meanwhile; nothing was written");
            }

            changes.Add(new ScopeChange(change.Key, now, change.Before));
        }

        return new FlipDecision(FlipDecision.AllowedSites(before, fallbackSites), changes, before, SwitchEdit.Apply(before, changes));
    }

    /// <summary>
    /// Why a rehearsal of <paramref name="data"/> (the switch as read) with a way back is refused, or null: a switch left
    /// <c>unplanned</c> by a real failover would be restored as it is, and the way back would fail the dual apps over again.
    /// </summary>
    public static string? BackProblem(IReadOnlyDictionary<string, string> data, bool back)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!back || data.GetValueOrDefault(SwitchManifest.ModeKey) != SwitchManifest.UnplannedMode)
        {
            return null;
        }

        var site = data.GetValueOrDefault(SwitchManifest.SiteKey) is { Length: > 0 } now ? StatusText.Clean(now) : "SITE";
        return $"refused: the switch says {SwitchManifest.ModeKey} {SwitchManifest.UnplannedMode} (a flip asked Ramen to fail over), and --back restores it: "
            + $"the way back would fail the dual apps over again; make it {SwitchManifest.PlannedMode} first (acmdr flip --to {site}); nothing was written";
    }

    /// <summary>The flips that restore what <paramref name="made"/> changed, for a user who stops the rehearsal before its way back.</summary>
    public static IReadOnlyList<string> BackCommands(IReadOnlyList<ScopeChange> made)
    {
        ArgumentNullException.ThrowIfNull(made);
        // Every flip writes the mode, so the mode the rehearsal replaced comes back with the flips' own flag.
        var unplanned = made.Any(c => c.Changes && c.Key == SwitchManifest.ModeKey && c.Before == SwitchManifest.UnplannedMode) ? " --unplanned" : string.Empty;
        var commands = new List<string>();
        foreach (var change in made.Where(c => c.Changes && c.Key != SwitchManifest.ModeKey))
        {
            var scope = change.Key == SwitchManifest.SiteKey ? string.Empty
                : change.Key.StartsWith("tier-", StringComparison.Ordinal) ? $" --tier {change.Key["tier-".Length..]}"
                : $" --app {change.Key["app-".Length..]}";
            commands.Add(change.Before is null
                ? $"acmdr flip --clear{scope}{unplanned}"
                : $"acmdr flip --to {StatusText.Clean(change.Before)}{scope}{unplanned}");
        }

        return commands;
    }

    private static string Show(string? value) => value is null ? "not set" : $"'{StatusText.Clean(value)}'";
}
