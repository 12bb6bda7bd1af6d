namespace AcmDr.Cli;

/// <summary>What a command may touch of the outside world, passed in so tests run commands in-process.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Err, string WorkingDirectory, TimeProvider Clock)
{
    /// <summary>Base delay between retries of transient cluster failures (doubles per attempt).</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The environment variables a command reads (KUBECONFIG); tests pass their own rather than change the process's.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public static CliIo FromConsole() =>
        new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), TimeProvider.System) { IsTerminal = !Console.IsOutputRedirected && !Console.IsInputRedirected, Input = Console.In };

    /// <summary>
    /// Whether <see cref="Out"/> is the process's own stdout on a terminal: live displays and colour
    /// only then. Tests pass their own writers (never a terminal); redirected output is not one either.
    /// </summary>
    public bool IsTerminal { get; init; }

    /// <summary>Where a question's answer is read (the console's stdin; null in tests that give none): only asked on a terminal.</summary>
    public TextReader? Input { get; init; }

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>A path as the user should see it: relative to where they ran the command when inside it.</summary>
    public string Show(string fullPath)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
