using System.CommandLine;
using AcmDr.Core;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Options;

/// <summary>An option holding a duration in <see cref="DurationGrammar"/>'s words (30m, 90s, 1h30m, 500ms); a bad one exits 2 with one line.</summary>
public sealed class DurationOption
{
    public DurationOption(string name, string description, string defaultText, bool hidden = false)
    {
        Option = new(name) { Description = description, DefaultValueFactory = _ => defaultText, Hidden = hidden };
    }

    public Option<string> Option { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Option);
    }

    public TimeSpan Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var text = parse.GetValue(Option)!;
        return DurationGrammar.Read(text, out var duration) switch
        {
            DurationReading.Valid => duration,
            DurationReading.Zero => throw new AcmDrException(ExitCodes.InvalidInput, $"{Option.Name} must be longer than zero"),
            DurationReading.TooLong => throw new AcmDrException(ExitCodes.InvalidInput,
                $"{Option.Name} '{text}' is longer than {(int)DurationGrammar.Longest.TotalHours}h, the longest acmdr waits"),
            _ => throw new AcmDrException(ExitCodes.InvalidInput, $"{Option.Name} '{text}' is not a duration such as {DurationGrammar.Examples}"),
        };
    }
}
