namespace AcmDr.Cli;

/// <summary>What a command may touch of the outside world, passed in so tests run commands in-process.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Err, string WorkingDirectory, TimeProvider Clock)
{
    /// <summary>Base delay between retries of transient cluster failures (doubles per attempt).</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The environment variables a command reads (KUBECONFIG); tests pass their own rather than change the process's.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public static CliIo FromConsole() =>
        new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), TimeProvider.System)
        {
            IsTerminal = !Console.IsOutputRedirected,
            ReadLine = Console.IsInputRedirected ? null : Console.ReadLine,
            Width = TerminalWidth.Read(System.Environment.GetEnvironmentVariable, Console.IsOutputRedirected ? () => 0 : () => Console.WindowWidth),
        };

    /// <summary>
    /// Whether <see cref="Out"/> is the process's own stdout on a terminal: live displays and colour
    /// only then. Tests pass their own writers (never a terminal); redirected output is not one either.
    /// </summary>
    public bool IsTerminal { get; init; }

    /// <summary>
    /// Reads the answer to a question (a line of the console's stdin; null when stdin is not a terminal, and in tests that give none). Only
    /// called on a terminal, and only then is the console's input touched: .NET switches a terminal's
    /// keypad mode when stdin is first used, which a command that asks nothing must not do.
    /// </summary>
    public Func<string?>? ReadLine { get; init; }

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>A path as the user should see it: relative to where they ran the command when inside it.</summary>
    public string Show(string fullPath)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    /// <summary>
    /// The terminal's width in columns, which the table report fits on a terminal. Only read when
    /// <see cref="IsTerminal"/>; tests set it, the console's comes from <see cref="TerminalWidth"/>.
    /// </summary>
    public int Width { get; init; } = TerminalWidth.Fallback;
}
