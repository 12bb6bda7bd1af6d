using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>One line per event, for logs, pipes and tests.</summary>
public sealed class PlainProgress(TextWriter output) : IRelocationProgress
{
    public void TierStarted(int tier, int vms) => output.WriteLine($"tier {tier}: {vms} VM{(vms == 1 ? "" : "s")}");

    public void Note(ScopedVm vm, string text)
    {
        ArgumentNullException.ThrowIfNull(vm);
        output.WriteLine($"  {vm.Vm}: {text}");
    }

    public void Finished(VmResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        output.WriteLine($"  {result.Vm.Vm}: {result.Outcome.ToString().ToLowerInvariant()}: {result.Reason}");
    }
}
