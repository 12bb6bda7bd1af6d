using AcmDr.Core.Compliance;
using AcmDr.Core.Manifests;
using AcmDr.Core.Text;

namespace AcmDr.Core.Flip;

/// <summary>
/// What a change of the switch does, as the lines shown to the user: per key before and after, and
/// which apps move. Values come from the switch on the hub, which anyone with edit rights may have
/// filled with terminal escapes, so they are cleaned before they reach the terminal.
/// </summary>
public static class FlipImpact
{
    /// <param name="inScope">Which apps the flip covers (its <c>--app</c>/<c>--tier</c>); null: only the apps it moves.</param>
    public static IReadOnlyList<string> Lines(IReadOnlyList<ScopeChange> changes, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, IReadOnlyList<SwitchedApp>? apps, string? appsUnknownReason, Func<SwitchedApp, bool>? inScope = null)
    {
        var lines = new List<string>();
        // A mode that stays is no news (every flip writes it); a named key that stays is, so it is shown as unchanged.
        foreach (var change in changes.Where(c => c.Changes || c.Key != SwitchManifest.ModeKey))
        {
            var note = change.Changes ? string.Empty : " (unchanged)";
            lines.Add($"  {change.Key}: {Show(change.Before) ?? "(not set)"} -> {Show(change.After) ?? "(not set: follows the wider value)"}{note}");
        }

        if (apps is null)
        {
            lines.Add($"  which apps move: unknown ({appsUnknownReason})");
            lines.AddRange(DualMoves.Lines(before, after, apps, inScope));
            return lines;
        }

        var moves = SwitchEdit.Moves(before, after, apps);
        if (moves.Count == 0)
        {
            lines.Add("  moves no app");
            lines.AddRange(DualMoves.Lines(before, after, apps, inScope));
            return lines;
        }

        lines.Add($"  moves {Counted.Of(moves.Count, "app")}, {Counted.Of(moves.Sum(m => m.VmCount), "VM")}:");
        foreach (var tier in moves.GroupBy(m => m.Tier))
        {
            lines.Add($"    tier {tier.Key}: {string.Join(", ", tier.Select(m => $"{m.App} ({m.VmCount} VM{(m.VmCount == 1 ? string.Empty : "s")}, {Show(m.From)} -> {Show(m.To)})"))}");
        }

        // moveRunning is about the stretched apps' VMs; Ramen moves a dual app's, said per app below.
        var dual = apps.Where(a => a.Dual is not null).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        if (moves.Any(m => !dual.Contains(m.App)))
        {
            lines.Add("  " + RunningVms.Line(after.GetValueOrDefault(SwitchManifest.MoveRunningKey)));
        }

        lines.AddRange(DualMoves.Lines(before, after, apps, inScope));
        return lines;
    }

    private static string? Show(string? value) => value is null ? null : StatusText.Clean(value);
}
