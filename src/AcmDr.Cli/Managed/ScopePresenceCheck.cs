using AcmDr.Cli.Cluster;
using AcmDr.Core.Managed;

namespace AcmDr.Cli.Managed;

/// <summary>
/// Before break glass or relocate writes anything: from the VMs of a <see cref="ScopeSnapshot"/> (the
/// reading they act on, so no read of its own), refuses (exit 2) when most of the scope is not on the
/// cluster (<see cref="ScopePresence"/>). A namespace whose list was refused (e.g. 403) counts as
/// neither present nor missing: its VMs are then read and reported on their own.
/// </summary>
public static class ScopePresenceCheck
{
    public static void Run(ScopeSnapshot snapshot, IReadOnlyList<ScopedVm> scope, WrongClusterTarget target)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        var counted = scope.Where(v => snapshot.Listed(v.Vm.Namespace)).ToList();
        ScopePresence.Check(counted.Count(v => snapshot.Vm(v.Vm) is null), counted.Count, target);
    }
}
