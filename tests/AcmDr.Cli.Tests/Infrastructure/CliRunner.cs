using AcmDr.Cli;

namespace AcmDr.Cli.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the acmdr command in-process, as a user would from <paramref name="workingDirectory"/>.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var io = new CliIo(output, error, workingDirectory, TimeProvider.System);
        var exit = await CliApp.RunAsync(args, io);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
