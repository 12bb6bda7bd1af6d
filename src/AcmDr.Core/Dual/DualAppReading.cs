using AcmDr.Core.Compliance;

namespace AcmDr.Core.Dual;

/// <summary>One dual-cluster app as the report shows it: its DRPC's state and the data-loss window.</summary>
/// <param name="Drpc">namespace/name of its DRPlacementControl.</param>
/// <param name="TargetCluster">Where it should run; null when it cannot be told.</param>
/// <param name="Found">Whether the DRPC was read at all.</param>
/// <param name="RunsAt">The cluster the DRPC runs the app at (<see cref="DrpcObservation.RunsAt"/>); null while an action is under way.</param>
/// <param name="DataLossWindow">For an unplanned Failover: how long before the action the last sync was; otherwise the last sync's age at the reading.</param>
/// <param name="DataLossAtAction">True when <paramref name="DataLossWindow"/> is measured at a Failover's start.</param>
public sealed record DualAppReading(
    string App,
    int Tier,
    string Drpc,
    string TargetSite,
    string? TargetCluster,
    MoveVerdict Verdict,
    bool Found,
    string? Action,
    string? Phase,
    string? Progression,
    string? RunsAt,
    DateTimeOffset? ActionStartTime,
    TimeSpan? ActionDuration,
    DateTimeOffset? LastGroupSyncTime,
    TimeSpan? DataLossWindow,
    bool DataLossAtAction);
