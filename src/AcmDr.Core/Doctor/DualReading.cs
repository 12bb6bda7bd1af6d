namespace AcmDr.Core.Doctor;

/// <summary>A Ramen DRPolicy as read on the hub: its name and <c>spec.drClusters</c>.</summary>
public sealed record DrPolicyReading(string Name, IReadOnlyList<string> DrClusters);

/// <summary>
/// The immutable part of a DRPlacementControl as read on the hub (unset fields null or empty):
/// what acmdr must generate the same, since Ramen refuses to change it.
/// </summary>
/// <param name="PvcMatchExpressions">How many matchExpressions its pvcSelector has (acmdr generates none).</param>
public sealed record DrpcReading(
    string Name,
    string? DrPolicy,
    string? PlacementKind,
    string? PlacementName,
    string? PlacementNamespace,
    IReadOnlyList<KeyValuePair<string, string>> PvcMatchLabels,
    int PvcMatchExpressions);

/// <summary>
/// What <c>acmdr doctor</c> read on the hub for the dual-cluster apps: the dual namespace, the hub's own
/// ManagedCluster, the DRPolicies the settings name (those found), and the DRPlacementControls in the
/// dual namespace (none read when it is missing).
/// </summary>
public sealed record DualReading(
    string Namespace,
    bool NamespaceExists,
    bool HubClusterExists,
    IReadOnlyList<DrPolicyReading> DrPolicies,
    IReadOnlyList<DrpcReading> Drpcs);
