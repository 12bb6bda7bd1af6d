using Spectre.Console;

namespace AcmDr.Cli.Managed;

/// <summary>A live progress display when the output is a terminal; plain lines otherwise.</summary>
public static class RelocationDisplay
{
    public static async Task<IReadOnlyList<VmResult>> RunAsync(CliIo io, Func<IRelocationProgress, Task<IReadOnlyList<VmResult>>> run)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(run);
        if (!io.IsTerminal)
        {
            return await run(new PlainProgress(io.Out));
        }

        IReadOnlyList<VmResult> results = [];
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context => results = await run(new LiveProgress(context)));
        return results;
    }
}
