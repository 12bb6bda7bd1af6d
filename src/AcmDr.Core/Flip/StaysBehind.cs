using AcmDr.Core.Compliance;

namespace AcmDr.Core.Flip;

/// <summary>
/// What a global flip leaves behind: the apps that overrides keep at another site than the one
/// asked for, each with the key that keeps it, and the command that moves them too. Said after
/// the moves, so a failback never leaves VMs behind without a word.
/// </summary>
public static class StaysBehind
{
    /// <summary>
    /// The lines for a global flip to <paramref name="target"/> that ends in <paramref name="after"/>:
    /// per app of <paramref name="apps"/> kept elsewhere, or, when the apps are unknown (null), the
    /// override keys that keep apps elsewhere; empty when nothing stays behind.
    /// <paramref name="command"/> is how the hint starts (<c>acmdr flip</c>, with <c>--in-git</c> in Git).
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyDictionary<string, string> after, string target, IReadOnlyList<SwitchedApp>? apps, string command)
    {
        var lines = new List<string>();
        var to = StatusText.Clean(target);
        if (apps is null)
        {
            var keys = SwitchEdit.ClearAll(after)
                .Where(k => k.Before is { Length: > 0 } value && !string.Equals(value, target, StringComparison.Ordinal))
                .Select(k => $"{k.Key}={StatusText.Clean(k.Before!)}")
                .ToList();
            if (keys.Count == 0)
            {
                return lines;
            }

            lines.Add($"  overrides keep apps off {to} (which apps: unknown): {string.Join(", ", keys)}");
        }
        else
        {
            var stays = Apps(after, target, apps);
            if (stays.Count == 0)
            {
                return lines;
            }

            var vms = stays.Sum(s => s.App.VmCount);
            lines.Add($"  keeps {Count(stays.Count, "app")}, {Count(vms, "VM")} off {to} by overrides:");
            lines.AddRange(stays.Select(s =>
                $"    stays at {StatusText.Clean(s.Site)}: tier {s.App.Tier} app {StatusText.Clean(s.App.Name)} ({Count(s.App.VmCount, "VM")}) by {s.Key}={StatusText.Clean(s.Site)}"));
        }

        lines.Add($"  to move them too: {command} --to {to} --all");
        return lines;
    }

    /// <summary>The apps an override keeps at another site than <paramref name="target"/>, by tier then name, with the site and the key.</summary>
    public static IReadOnlyList<(SwitchedApp App, string Site, string Key)> Apps(IReadOnlyDictionary<string, string> after, string target, IEnumerable<SwitchedApp> apps) =>
        apps.OrderBy(a => a.Tier).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => (App: a, Key: SwitchEdit.OverrideKey(after, a.Name, a.Tier)))
            .Where(a => a.Key is not null && !string.Equals(after[a.Key], target, StringComparison.Ordinal))
            .Select(a => (a.App, after[a.Key!], a.Key!))
            .ToList();

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
