using Spectre.Console;

namespace AcmDr.Cli.Tests.Managed;

/// <summary>A Spectre console that behaves as an interactive terminal without colours and records what it draws.</summary>
internal static class RecordingConsole
{
    public static IAnsiConsole Over(TextWriter screen) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(screen),
    });
}
