namespace AcmDr.Cli.Cluster;

/// <summary>What a <see cref="ScopeSnapshot"/> reads: each part is one LIST per namespace, or one for all.</summary>
[Flags]
public enum SnapshotParts
{
    None = 0,
    Vms = 1,
    Instances = 2,
    Migrations = 4,
    Nodes = 8,

    /// <summary>What relocation decides on.</summary>
    Relocation = Vms | Instances | Migrations | Nodes,

    /// <summary>What report's ground truth says: where instances run.</summary>
    GroundTruth = Instances | Nodes,

    /// <summary>What else report's ground truth reads where a VM is not at its target, to tell why.</summary>
    WhyNotMoved = Vms | Migrations,
}
