using AcmDr.Core.Reporting;

namespace AcmDr.Core.Doctor;

/// <summary>A Placement of the hub namespace and the clusters its PlacementDecisions name.</summary>
public sealed record PlacementReading(string Name, IReadOnlyList<string> DecidedClusters);

/// <summary>
/// The ManagedClusterSetBinding as read: its <c>Bound</c> condition (null when the hub reports none,
/// as older hubs do) and that condition's reason.
/// </summary>
public sealed record ClusterSetBindingReading(string Name, bool? Bound, string? Reason);

/// <summary>
/// What <c>acmdr doctor</c> read on the hub, in <see cref="Namespace"/>. When the namespace is
/// missing, nothing else was read (everything else lives in it).
/// </summary>
/// <param name="Switch">The switch ConfigMap's data; null when there is no switch.</param>
/// <param name="Policies">acmdr's policies as listed (replicas in cluster namespaces are ignored).</param>
/// <param name="Binding">The ManagedClusterSetBinding of the settings' cluster set; null when there is none.</param>
public sealed record HubReading(
    string Namespace,
    bool NamespaceExists,
    IReadOnlyDictionary<string, string>? Switch,
    IReadOnlyList<HubPolicy> Policies,
    IReadOnlyList<PlacementReading> Placements,
    ClusterSetBindingReading? Binding)
{
    public static HubReading NoNamespace(string ns) => new(ns, false, null, [], [], null);
}
