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
}
