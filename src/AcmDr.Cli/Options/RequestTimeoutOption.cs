using System.CommandLine;
using AcmDr.Cli.Hub;
using AcmDr.Core;
using AcmDr.Core.Text;

namespace AcmDr.Cli.Options;

/// <summary>
/// <c>--request-timeout</c>, as kubectl has it: how long one request to a cluster may go without an
/// answer, in <see cref="DurationGrammar"/>'s words (10s, 1m); 0 is no limit. Declared once, in
/// <see cref="KubeconfigOptions"/>, so every command that talks to a cluster takes it; a bad value is
/// refused with one line and exit 2 when read, as every duration option is (<see cref="DurationOption"/>).
/// </summary>
public sealed class RequestTimeoutOption
{
    /// <summary>The default of flip, break glass and relocate: their requests are small, and a failover must learn fast that a cluster is gone.</summary>
    public static readonly TimeSpan ClusterDefault = TimeSpan.FromSeconds(10);

    /// <summary>The default of report and wait: a list of every policy is one large answer.</summary>
    public static readonly TimeSpan ReportDefault = TimeSpan.FromSeconds(30);

    /// <summary>The longest limit taken (the HTTP client takes no more than about 24 days).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    private const string Name = "--request-timeout";

    public RequestTimeoutOption(TimeSpan defaultLimit)
    {
        Option = new(Name)
        {
            Description = "Longest wait for the answer to one request to a cluster (10s, 1m; 0: no limit); a failing request is tried again for up to this plus 30s, then exit 3",
            DefaultValueFactory = _ => DurationGrammar.Format(defaultLimit),
        };
    }

    public Option<string> Option { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Option);
    }

    /// <summary>The limit given (or the command's default); a bad value is refused with one line, exit 2.</summary>
    public RequestLimit Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var (limit, problem) = Parse(parse.GetValue(Option)!);
        return limit ?? throw new AcmDrException(ExitCodes.InvalidInput, problem!);
    }

    /// <summary>The limit <paramref name="text"/> gives (no per-request limit for 0), or why it is refused.</summary>
    public static (RequestLimit? Limit, string? Problem) Parse(string text)
    {
        if (text == "0")
        {
            return (new RequestLimit(null), null);
        }

        return DurationGrammar.Read(text, out var duration) switch
        {
            DurationReading.Zero => (new RequestLimit(null), null),
            DurationReading.Valid when duration <= Longest => (new RequestLimit(duration), null),
            DurationReading.Valid or DurationReading.TooLong => (null, $"{Name} '{text}' is longer than {(int)Longest.TotalHours}h (0: no limit)"),
            _ => (null, $"{Name} '{text}' is not a duration such as 10s, 1m or 500ms (0: no limit)"),
        };
    }
}
