namespace AcmDr.Core.Managed;

/// <summary>A node as relocation sees it: its site label value and whether it is Ready.</summary>
public sealed record NodeState(string Name, string? Site, bool Ready);

/// <summary>
/// A running (or starting) VirtualMachineInstance. <see cref="Terminating"/>: it is being deleted (it has
/// a deletionTimestamp), as during a restart or a stop, and may run for its grace period still.
/// </summary>
/// <param name="SelectorSite">The site its own <c>spec.nodeSelector</c> names (null when none): where a migration can land,
/// which is the VM's nodeSelector only once that has reached the instance (LiveUpdate) or after a restart.</param>
/// <param name="LastMigrationFailed">Its <c>status.migrationState.failed</c>: the last migration of this instance failed.</param>
/// <param name="LastMigrationFailure">Why it failed, when the migration object was read (null otherwise).</param>
public sealed record InstanceState(
    string Uid,
    string? Phase,
    string? NodeName,
    bool LiveMigratable,
    bool Terminating = false,
    string? SelectorSite = null,
    bool LastMigrationFailed = false,
    string? LastMigrationFailure = null);

/// <summary>
/// One VM as read from the managed cluster: the VM, its instance (null when there is none) and the
/// name of a migration of that instance still in flight (null when none).
/// </summary>
public sealed record VmState(
    bool Exists,
    string? SelectorSite,
    string? PrintableStatus,
    string? RunStrategy,
    bool RestartRequired,
    InstanceState? Instance,
    string? MigrationInFlight)
{
    public static VmState Missing { get; } = new(false, null, null, null, false, null, null);
}
