using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>Where relocation reports as it goes: a live display on a terminal, plain lines otherwise.</summary>
public interface IRelocationProgress
{
    void TierStarted(int tier, int vms);

    void Note(ScopedVm vm, string text);

    void Finished(VmResult result);
}
