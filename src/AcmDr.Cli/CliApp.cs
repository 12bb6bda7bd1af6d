using System.CommandLine;
using AcmDr.Cli.Commands;
using AcmDr.Core;

namespace AcmDr.Cli;

/// <summary>Builds the command tree and runs it, mapping every user error to one line and an exit code.</summary>
public static class CliApp
{
    /// <param name="cancel">
    /// A caller that can cancel (the real process turns Ctrl-C and SIGTERM into it, see Program) owns
    /// interruption: System.CommandLine's own handler then stays off, because it subscribes to
    /// Console.CancelKeyPress, and on Linux .NET answers a Ctrl-C handled that way by switching the
    /// terminal to keypad-transmit mode and never switching it back.
    /// </param>
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancel = default)
    {
        var root = new RootCommand("acmdr: disaster recovery of OpenShift Virtualization VMs with ACM policies");
        root.Subcommands.Add(ValidateCommand.Create(io));
        root.Subcommands.Add(GenerateCommand.Create(io));
        root.Subcommands.Add(DoctorCommand.Create(io));
        root.Subcommands.Add(FlipCommand.Create(io));
        root.Subcommands.Add(BreakGlassCommand.Create(io));
        root.Subcommands.Add(RelocateCommand.Create(io));
        root.Subcommands.Add(ReportCommand.Create(io));
        root.Subcommands.Add(WaitCommand.Create(io));
        root.Subcommands.Add(RehearseCommand.Create(io));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var line in ParseErrorText.Lines(parse, root))
            {
                io.Err.WriteLine($"acmdr: {OneLine(line)}");
            }

            io.Err.WriteLine("Run 'acmdr --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            var config = new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false };
            if (cancel.CanBeCanceled)
            {
                config.ProcessTerminationTimeout = null;
            }

            return await parse.InvokeAsync(config, cancel);
        }
        catch (AcmDrException ex)
        {
            io.Err.WriteLine($"acmdr: {OneLine(ex.Message)}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            io.Err.WriteLine("acmdr: cancelled");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>
    /// Messages quote what the user gave (paths, values, file contents): a newline or a terminal
    /// escape there would make the promised one line several, or recolour the terminal.
    /// </summary>
    public static string OneLine(string message) => Core.Compliance.StatusText.Clean(message);
}
