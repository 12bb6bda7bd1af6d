using System.Globalization;

namespace AcmDr.Cli;

/// <summary>How wide the terminal is: <c>COLUMNS</c> when set (as Python's and coreutils' tools let a user say), else the console's window, else 80.</summary>
internal static class TerminalWidth
{
    public const int Fallback = 80;

    public static int Read(Func<string, string?> environment, Func<int> window)
    {
        if (int.TryParse(environment("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        try
        {
            return window() is var width and > 0 ? width : Fallback;
        }
        catch (IOException)
        {
            // No console to ask (a service, or a pseudo-terminal without a size).
            return Fallback;
        }
    }
}
