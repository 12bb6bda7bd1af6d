namespace AcmDr.Cli.Tests.Managed;

/// <summary>
/// One migration as the simulated KubeVirt lived it: when the object appeared, when it started
/// running (null while Pending) and when it ended, with its phase then.
/// </summary>
public sealed record SimulatedMigration(
    string Namespace, string Name, string VmiName, DateTimeOffset Seen, DateTimeOffset? Started, DateTimeOffset? Ended, string Phase, string? TargetNode)
{
    public bool Running => Started is not null && Ended is null;

    public bool Finished => Ended is not null;
}
