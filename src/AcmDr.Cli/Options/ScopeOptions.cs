using System.CommandLine;

namespace AcmDr.Cli.Options;

/// <summary>The apps and tiers a command is limited to (empty: no limit).</summary>
public sealed record ScopeFilter(IReadOnlyList<string> Apps, IReadOnlyList<int> Tiers);

/// <summary><c>--app</c> and <c>--tier</c>, repeatable, one value per occurrence, declared once for every command that takes a scope.</summary>
/// <param name="appEffect">What an app does in this command beyond limiting it, e.g. ": sets the app-&lt;name&gt; override" (empty: nothing).</param>
/// <param name="tierEffect">The same for a tier.</param>
public sealed class ScopeOptions(string appEffect = "", string tierEffect = "")
{
    public Option<string[]> Apps { get; } = new("--app") { Description = $"Only this app (repeatable){appEffect}", AllowMultipleArgumentsPerToken = false };

    public Option<int[]> Tiers { get; } = new("--tier") { Description = $"Only this tier (repeatable){tierEffect}", AllowMultipleArgumentsPerToken = false };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Apps);
        command.Options.Add(Tiers);
    }

    public ScopeFilter Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(parse.GetValue(Apps) ?? [], parse.GetValue(Tiers) ?? []);
    }
}
