using AcmDr.Core.Text;
using Spectre.Console;

namespace AcmDr.Cli.Managed;

/// <summary>
/// How break glass shows a tier's patches while they run. Plain (output not a terminal): lines stream
/// as VMs end, in the inventory's order. Live (a terminal): a progress bar per tier, and the tier's lines
/// once its bar is full, so a tier of thousands of VMs shows how far it is instead of scrolling past.
/// </summary>
public abstract class PatchProgress
{
    /// <summary>True when the tier's lines may be written while it runs.</summary>
    public abstract bool StreamsLines { get; }

    /// <summary>Runs <paramref name="work"/> for one tier; it calls its argument once per VM that ended.</summary>
    public abstract Task RunTierAsync(int tier, int vms, Func<Action, Task> work);

    /// <summary>The display for <paramref name="io"/>: live on a terminal, plain otherwise.</summary>
    public static PatchProgress For(CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        return io.IsTerminal ? new Live(AnsiConsole.Console) : new Plain();
    }

    public sealed class Plain : PatchProgress
    {
        public override bool StreamsLines => true;

        public override Task RunTierAsync(int tier, int vms, Func<Action, Task> work)
        {
            ArgumentNullException.ThrowIfNull(work);
            return work(() => { });
        }
    }

    public sealed class Live(IAnsiConsole console) : PatchProgress
    {
        public override bool StreamsLines => false;

        public override Task RunTierAsync(int tier, int vms, Func<Action, Task> work)
        {
            ArgumentNullException.ThrowIfNull(work);
            return console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask(Markup.Escape($"tier {tier}: {Counted.Of(vms, "VM")}"), maxValue: Math.Max(vms, 1));
                    await work(() => bar.Increment(1));
                });
        }
    }
}
