using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

public enum RelocationOutcome
{
    Moved,
    Skipped,
    Failed,
}

/// <summary>How one VM ended, with the reason shown in the summary.</summary>
public sealed record VmResult(ScopedVm Vm, RelocationOutcome Outcome, string Reason);
