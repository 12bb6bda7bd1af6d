namespace AcmDr.Core.Dual;

/// <summary>
/// What makes a VM's app dual-cluster for the report: its DRPlacementControl's name and the two clusters Ramen moves
/// it between (null when the report has no inventory to tell them), and the apps it depends on.
/// </summary>
public sealed record DualWorkload(string Drpc, string? Home, string? Peer, IReadOnlyList<string> DependsOn)
{
    /// <summary>The cluster the app runs on at <paramref name="site"/>; null without the inventory's clusters.</summary>
    public string? ClusterAt(string site, string homeSite) =>
        Home is null || Peer is null ? null : site == homeSite ? Home : Peer;

    /// <summary>The other cluster of the pair; null when unknown.</summary>
    public string? Other(string cluster) => cluster == Home ? Peer : cluster == Peer ? Home : null;
}
