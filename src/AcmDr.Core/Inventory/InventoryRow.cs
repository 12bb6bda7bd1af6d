namespace AcmDr.Core.Inventory;

/// <summary>One VM of the inventory, as read and validated from one CSV line; <see cref="Peer"/> is set for a dual-cluster app.</summary>
public sealed record InventoryRow(
    int Line,
    string App,
    int Tier,
    string Namespace,
    string Vm,
    string Cluster,
    int? RtoMinutes,
    IReadOnlyList<string> DependsOn,
    string? Peer = null)
{
    /// <summary>A dual-cluster app's row (it names a DR peer cluster): Ramen moves it between <see cref="Cluster"/> and <see cref="Peer"/>.</summary>
    public bool IsDual => Peer is not null;
}
