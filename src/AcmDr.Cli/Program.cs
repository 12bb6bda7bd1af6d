using System.Runtime.InteropServices;

namespace AcmDr.Cli;

internal static class Program
{
    /// <summary>VT100's "normal keypad, normal cursor keys" (terminfo rmkx of xterm, screen, tmux, rxvt, vte).</summary>
    private const string KeypadLocal = "\e[?1l\e>";

    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Interrupt(signal, interrupted));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Interrupt(signal, interrupted));
        var exit = await CliApp.RunAsync(args, CliIo.FromConsole(), interrupted.Token);
        if (interrupted.IsCancellationRequested && !Console.IsOutputRedirected
            && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb")
        {
            // .NET answers a Ctrl-C that the program handles by re-entering keypad-transmit mode on the
            // terminal, and never leaves it: the shell's arrow keys then send the wrong codes.
            Console.Out.Write(KeypadLocal);
            Console.Out.Flush();
        }

        return exit;
    }

    /// <summary>
    /// The first Ctrl-C or SIGTERM cancels the command, which then ends as on any cancellation (wait
    /// prints its partial report, generate leaves no partial output); a second one is not held back,
    /// so a command that does not end can still be stopped.
    /// </summary>
    private static void Interrupt(PosixSignalContext signal, CancellationTokenSource interrupted)
    {
        if (interrupted.IsCancellationRequested)
        {
            return;
        }

        signal.Cancel = true;
        interrupted.Cancel();
    }
}
