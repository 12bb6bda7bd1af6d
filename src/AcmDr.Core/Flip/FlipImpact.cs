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
    public static IReadOnlyList<string> Lines(IReadOnlyList<ScopeChange> changes, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, IReadOnlyList<SwitchedApp>? apps, string? appsUnknownReason)
    {
        var lines = new List<string>();
        foreach (var change in changes)
        {
            var note = change.Changes ? string.Empty : " (unchanged)";
            lines.Add($"  {change.Key}: {Show(change.Before) ?? "(not set)"} -> {Show(change.After) ?? "(not set: follows the wider value)"}{note}");
        }

        if (apps is null)
        {
            lines.Add($"  which apps move: unknown ({appsUnknownReason})");
            return lines;
        }

        var moves = SwitchEdit.Moves(before, after, apps);
        if (moves.Count == 0)
        {
            lines.Add("  moves no app");
            return lines;
        }

        lines.Add($"  moves {Counted.Of(moves.Count, "app")}, {Counted.Of(moves.Sum(m => m.VmCount), "VM")}:");
        foreach (var tier in moves.GroupBy(m => m.Tier))
        {
            lines.Add($"    tier {tier.Key}: {string.Join(", ", tier.Select(m => $"{m.App} ({m.VmCount} VM{(m.VmCount == 1 ? string.Empty : "s")}, {Show(m.From)} -> {Show(m.To)})"))}");
        }

        lines.Add("  " + RunningVms.Line(after.GetValueOrDefault(SwitchManifest.MoveRunningKey)));

        return lines;
    }

    private static string? Show(string? value) => value is null ? null : StatusText.Clean(value);
}
