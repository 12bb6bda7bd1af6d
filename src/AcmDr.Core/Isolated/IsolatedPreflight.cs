namespace AcmDr.Core.Isolated;

/// <summary>What must hold before an isolated rehearsal creates anything, and the copy plan when it does.</summary>
public static class IsolatedPreflight
{
    /// <summary>The rights to ask for: snapshot and clone from each production namespace, and create/delete what the bubbles hold.</summary>
    public static IReadOnlyList<AccessNeed> AccessNeeds(IEnumerable<string> productionNamespaces) => throw new NotImplementedException();

    /// <summary>Every reason to refuse, each one line naming the VM, claim, class, network or right; empty when the run may start.</summary>
    public static IReadOnlyList<PreflightFinding> Check(PreflightFacts facts, IsolatedOptions options) => throw new NotImplementedException();

    /// <summary>The copy plan (call only when <see cref="Check"/> found nothing).</summary>
    public static CopyPlan Plan(PreflightFacts facts, IsolatedOptions options) => throw new NotImplementedException();
}
