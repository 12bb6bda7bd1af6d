namespace AcmDr.Core.Compliance;

/// <summary>
/// When a VM started moving: the oldest <c>-site</c> template entry since the flip that says the VM is
/// as the template wants it (its nodeSelector names the target). Before that entry the VM could not
/// move; a tier's bar on the timeline starts at the earliest of its VMs.
/// </summary>
internal static class MoveStart
{
    /// <summary>Null without a flip time: without it no entry can be told to be about this move.</summary>
    internal static DateTimeOffset? Of(TemplateObservation? site, Workload vm, DateTimeOffset? flipAt)
    {
        if (site is null || flipAt is not { } flip)
        {
            return null;
        }

        return site.History
            .Where(e => e.At is { } at && at >= flip)
            .Where(e => VmReading.Of(e.Parsed, VmReading.VmKinds, vm).State == ComplianceState.Compliant)
            .Min(e => e.At);
    }
}
