using AcmDr.Core.Compliance;
using AcmDr.Core.Flip;

namespace AcmDr.Cli.Flip;

/// <summary>
/// Prints what a change of the switch does: per key before and after, and which apps move. Values
/// come from the switch on the hub, which anyone with edit rights may have filled with terminal
/// escapes, so they are cleaned before they reach the terminal.
/// </summary>
public static class FlipImpact
{
    public static void Print(TextWriter output, IReadOnlyList<ScopeChange> changes, IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after, IReadOnlyList<SwitchedApp>? apps, string? appsUnknownReason)
    {
        foreach (var change in changes)
        {
            var note = change.Changes ? string.Empty : " (unchanged)";
            output.WriteLine($"  {change.Key}: {Show(change.Before) ?? "(not set)"} -> {Show(change.After) ?? "(not set: follows the wider value)"}{note}");
        }

        if (apps is null)
        {
            output.WriteLine($"  which apps move: unknown ({appsUnknownReason})");
            return;
        }

        var moves = SwitchEdit.Moves(before, after, apps);
        if (moves.Count == 0)
        {
            output.WriteLine("  moves no app");
            return;
        }

        output.WriteLine($"  moves {moves.Count} app{(moves.Count == 1 ? string.Empty : "s")}, {moves.Sum(m => m.VmCount)} VMs:");
        foreach (var tier in moves.GroupBy(m => m.Tier))
        {
            output.WriteLine($"    tier {tier.Key}: {string.Join(", ", tier.Select(m => $"{m.App} ({m.VmCount} VM{(m.VmCount == 1 ? string.Empty : "s")}, {Show(m.From)} -> {Show(m.To)})"))}");
        }
    }

    private static string? Show(string? value) => value is null ? null : StatusText.Clean(value);
}
