using Spectre.Console;

namespace AcmDr.Cli.Tests.Report;

/// <summary>What Spectre.Console writes without colour at a given width: the reference the fast plain paths must match.</summary>
internal static class PlainSpectre
{
    public static string Render(int width, Action<IAnsiConsole> write)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        write(console);
        return writer.ToString();
    }
}
