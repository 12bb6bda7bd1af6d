using AcmDr.Core.Managed;
using Spectre.Console;

namespace AcmDr.Cli.Managed;

/// <summary>
/// One progress bar per tier; its description shows the latest event. Lines are not written while the
/// display runs (they would tear it): stuck VMs and failures are in the summary that follows.
/// </summary>
public sealed class LiveProgress(ProgressContext context) : IRelocationProgress
{
    private ProgressTask? tier;
    private int tierNumber;

    public void TierStarted(int tier, int vms)
    {
        tierNumber = tier;
        this.tier = context.AddTask(Markup.Escape($"tier {tier}"), maxValue: vms);
    }

    public void Note(ScopedVm vm, string text)
    {
        ArgumentNullException.ThrowIfNull(vm);
        Describe($"{vm.Vm}: {text}");
    }

    public void Finished(VmResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        tier?.Increment(1);
        Describe($"{result.Vm.Vm}: {result.Outcome.ToString().ToLowerInvariant()}");
    }

    private void Describe(string text)
    {
        if (tier is not null)
        {
            var line = $"tier {tierNumber}: {text}";
            tier.Description = Markup.Escape(line.Length > 70 ? line[..70] + "..." : line);
        }
    }
}
